/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread, so a 1 MB paste never freezes the tab.
 * Messages in: { type: 'init', index, fuzzyIndexUrl } (the exact stage's index, fetched by the page
 * while this worker starts), { type: 'match', id, text } and { type: 'fuzzy' } (load the fuzzy stage
 * now: a screenshot is being read, and read text often needs it), in any order.
 * Messages out: { type: 'ready' } | { type: 'result', id, outcome, ms } | { type: 'error', id?, message }.
 * The outcome carries its near-duplicate groups (groups.ts, from the index).
 * The exact stage loads first; Fuse.js and its index load only when a paste needs fuzzy search, or
 * when a screenshot is being read.
 * Only the indexes are fetched (the same files, in the same order, whatever was pasted); pasted text
 * never leaves this worker.
 */
import { groupOutcome, unpackGroups, type Group } from './groups';
import { createMatcher, type Matcher } from './match';
import type { FuzzyIndex, MatchIndex } from './types';

declare const self: DedicatedWorkerGlobalScope;

let receive: (body: ArrayBuffer) => void = () => undefined;
/** The exact stage, once its index has come with the first `init`; a request that comes first waits for it. */
const core: Promise<{ index: MatchIndex; matcher: Matcher; groups: Group[] }> = new Promise<ArrayBuffer>(
  (resolve) => {
    receive = resolve;
  },
).then((body) => {
  const index = JSON.parse(new TextDecoder().decode(body)) as MatchIndex;
  return { index, matcher: createMatcher(index), groups: unpackGroups(index) };
});
let full: Promise<Matcher> | undefined;
let fuzzyIndexUrl = '';

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`[error-matcher] ${url} request failed: ${r.status}`);
  return (await r.json()) as T;
}

function withFuzzy(index: MatchIndex): Promise<Matcher> {
  full ??= Promise.all([import('fuse.js'), import('./fuzzy'), getJson<FuzzyIndex>(fuzzyIndexUrl)]).then(
    ([fuse, { createFuzzy }, fuzzyIndex]) =>
      createMatcher(index, createFuzzy(fuse.default, fuzzyIndex, index.pages.length)),
  );
  return full;
}

self.onmessage = async (event: MessageEvent) => {
  const msg = event.data as
    | { type: 'init'; index: ArrayBuffer; fuzzyIndexUrl: string }
    | { type: 'match'; id: number; text: string }
    | { type: 'fuzzy' };
  try {
    if (msg.type === 'init') {
      fuzzyIndexUrl = msg.fuzzyIndexUrl;
      receive(msg.index);
      await core;
      self.postMessage({ type: 'ready' });
      return;
    }
    const { index, matcher, groups } = await core;
    if (msg.type === 'fuzzy') {
      await withFuzzy(index);
      return;
    }
    const t0 = performance.now();
    let outcome = (full ? await full : matcher).match(msg.text);
    if (outcome.needsFuzzy) outcome = (await withFuzzy(index)).match(msg.text);
    self.postMessage({
      type: 'result',
      id: msg.id,
      outcome: groupOutcome(outcome, groups),
      ms: performance.now() - t0,
    });
  } catch (err) {
    self.postMessage({
      type: 'error',
      id: 'id' in msg ? msg.id : undefined,
      message: (err as Error).message,
    });
  }
};
