/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread, so a 1 MB paste never freezes the tab.
 * Messages in: { type: 'init', index, indexUrl } (the head of the exact stage's index, fetched by
 * the page while this worker starts, and its address), { type: 'match', id, text } and
 * { type: 'fuzzy' } (load the fuzzy stage now: a screenshot is being read, and read text often
 * needs it), in any order.
 * Messages out: { type: 'ready' } | { type: 'result', id, outcome, ms } | { type: 'error', id?, message }.
 * The outcome carries its near-duplicate groups (groups.ts, from the head).
 *
 * The index's parts load as one file, from the start, read as it arrives (parts.ts, stream.ts): a
 * paste is answered once the parts its needles point to are here. Fuse.js and the fuzzy index load
 * only when a paste needs fuzzy search, or when a screenshot is being read, and then after every part.
 * Only the indexes are fetched (the same files, in the same order, whatever was pasted); pasted text
 * never leaves this worker.
 */
import { groupOutcome, unpackGroups, type Group } from './groups';
import { createMatcher, needleText, type Matcher } from './match';
import { joinParts, type MatchHead } from './parts';
import type { Streamed } from './stream';
import type { FuzzyIndex } from './types';

declare const self: DedicatedWorkerGlobalScope;

/** The response to a request, or an error that names it. */
async function get(url: string, cache: RequestCache = 'default'): Promise<Response> {
  const r = await fetch(url, { cache });
  if (!r.ok) throw new Error(`[error-matcher] ${url} request failed: ${r.status}`);
  return r;
}

interface Loading extends Streamed {
  head: MatchHead;
  groups: Group[];
}

/** The head, and its parts on their way (none: the head is the whole index). */
async function load(head: MatchHead, indexUrl: string): Promise<Loading> {
  const base = { head, groups: unpackGroups(head) };
  if (!head.stream)
    return { ...base, parts: [], arrived: [], whole: Promise.resolve(joinParts(head, [])), need: () => [] };
  // Named by its content, so a cached copy is always right; asked for before the code that reads it.
  const body = get(new URL(`match-index/${head.stream}.json`, indexUrl).href).then((r) => r.body!);
  body.catch(() => undefined); // reported to the paste that waits for it (stream.ts), not as unhandled
  const { streamParts } = await import('./stream');
  return { ...base, ...streamParts(head, body, needleText) };
}

let receive: (init: { body: ArrayBuffer; indexUrl: string }) => void = () => undefined;
/** The head, once it has come with the first `init`; a request that comes first waits for it. */
const loading: Promise<Loading> = new Promise<{ body: ArrayBuffer; indexUrl: string }>((resolve) => {
  receive = resolve;
}).then(({ body, indexUrl }) => {
  const head = JSON.parse(new TextDecoder().decode(body)) as MatchHead;
  return load(head, indexUrl);
});
let full: Promise<Matcher> | undefined;
/** The exact stage over the parts here, made again when more have arrived. */
let exact: { count: number; matcher: Matcher } | undefined;
let fuzzyIndexUrl = '';

function withFuzzy(l: Loading): Promise<Matcher> {
  full ??= Promise.all([
    import('fuse.js'),
    import('./fuzzy'),
    // Not named by its content: asked of the server each time, lest one cached from before a deploy
    // number its pages differently from the head.
    get(fuzzyIndexUrl, 'no-cache').then((r) => r.json() as Promise<FuzzyIndex>),
    l.whole,
  ]).then(([fuse, { createFuzzy }, fuzzyIndex, index]) =>
    createMatcher(index, createFuzzy(fuse.default, fuzzyIndex, index.pages.length)),
  );
  return full;
}

/** The exact stage, once every part the paste's needles point to has arrived. */
async function exactStage(l: Loading, text: string): Promise<Matcher> {
  let count = l.arrived.filter(Boolean).length;
  if (count < l.parts.length) {
    await Promise.all(l.need(text).map((i) => l.parts[i]!));
    count = l.arrived.filter(Boolean).length;
  }
  if (exact?.count !== count) exact = { count, matcher: createMatcher(joinParts(l.head, l.arrived)) };
  return exact.matcher;
}

self.onmessage = async (event: MessageEvent) => {
  const msg = event.data as
    | { type: 'init'; index: ArrayBuffer; indexUrl: string }
    | { type: 'match'; id: number; text: string }
    | { type: 'fuzzy' };
  try {
    if (msg.type === 'init') {
      fuzzyIndexUrl = new URL('fuzzy-index.json', msg.indexUrl).href;
      receive({ body: msg.index, indexUrl: msg.indexUrl });
      await loading;
      self.postMessage({ type: 'ready' });
      return;
    }
    const l = await loading;
    if (msg.type === 'fuzzy') {
      await withFuzzy(l);
      return;
    }
    const t0 = performance.now();
    let outcome = (full ? await full : await exactStage(l, msg.text)).match(msg.text);
    if (outcome.needsFuzzy) outcome = (await withFuzzy(l)).match(msg.text);
    self.postMessage({
      type: 'result',
      id: msg.id,
      outcome: groupOutcome(outcome, l.groups),
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
