/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread, so a 1 MB paste never freezes the tab.
 * Messages in: { type: 'init', indexUrl } then { type: 'match', id, text }.
 * Messages out: { type: 'ready', size } | { type: 'result', id, outcome, ms } | { type: 'error', id?, message }.
 * The index is the only thing fetched; pasted text never leaves this worker.
 */
import { createMatcher, type Matcher } from './match';
import type { MatchIndex } from './types';

declare const self: DedicatedWorkerGlobalScope;

let matcher: Promise<Matcher> | undefined;

self.onmessage = async (event: MessageEvent) => {
  const msg = event.data as { type: 'init'; indexUrl: string } | { type: 'match'; id: number; text: string };
  try {
    if (msg.type === 'init') {
      matcher ??= fetch(msg.indexUrl)
        .then((r) => {
          if (!r.ok) throw new Error(`[error-matcher] index request failed: ${r.status}`);
          return r.json() as Promise<MatchIndex>;
        })
        .then(createMatcher);
      const m = await matcher;
      self.postMessage({ type: 'ready', size: m.size });
      return;
    }
    if (!matcher) throw new Error('[error-matcher] worker used before init');
    const m = await matcher;
    const t0 = performance.now();
    const outcome = m.match(msg.text);
    self.postMessage({ type: 'result', id: msg.id, outcome, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: 'error', id: 'id' in msg ? msg.id : undefined, message: (err as Error).message });
  }
};
