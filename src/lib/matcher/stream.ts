/**
 * The worker's loading of the index's parts (parts.ts), imported only when the head has parts (an
 * index of more than PART_PAGES pages): in the head's order, from the start, so the order never
 * depends on a paste; IN_FLIGHT at a time.
 */
import { GATE_CHARS, partGate } from './needle-gate';
import { joinParts, type MatchHead, type MatchPart } from './parts';
import type { MatchIndex } from './types';

/**
 * Parts requested at a time. More keep a paste that needs a late part waiting for fewer round
 * trips, and cost a paste on a slow connection the parts in flight: bench:scale at 2,200 pages, four
 * at a time against two, gave 524 against 589 ms to the result (median of 20) and 75.5 against
 * 58.7 KB loaded before it on its slow connection.
 */
export const IN_FLIGHT = 2;

export interface Streamed {
  /** Each part, in the head's order. */
  parts: Promise<MatchPart>[];
  /** The parts that have arrived. */
  arrived: (MatchPart | undefined)[];
  /** Every part: the whole index. */
  whole: Promise<MatchIndex>;
  /** The parts a paste needs before its answer (every part for a paste over GATE_CHARS). */
  need: (paste: string) => number[];
  /**
   * Requests every part not yet asked for, at once: for fuzzy search, which needs them all. The
   * request for /fuzzy-index.json that goes with it says as much already; nothing more is told.
   */
  hurry: () => void;
}

export function streamParts(
  head: MatchHead,
  indexUrl: string,
  getJson: <T>(url: string) => Promise<T>,
  needleText: (raw: string) => string,
): Streamed {
  const starts: (() => void)[] = [];
  const arrived: (MatchPart | undefined)[] = [];
  const parts = head.parts.map(
    ([name], i) =>
      new Promise<MatchPart>((resolve, reject) => {
        starts[i] = () => {
          void getJson<MatchPart>(new URL(`match-index/${name}.json`, indexUrl).href).then((part) => {
            arrived[i] = part;
            resolve(part);
          }, reject);
        };
      }),
  );
  const started = new Set<number>();
  const start = (i: number) => {
    if (started.has(i) || !starts[i]) return;
    started.add(i);
    starts[i]();
  };
  parts.forEach((p, i) => {
    const next = () => start(i + IN_FLIGHT);
    p.then(next, next);
  });
  for (let i = 0; i < IN_FLIGHT; i++) start(i);
  const whole = Promise.all(parts).then((all) => joinParts(head, all));
  // A part that fails is reported to the request that waits for it, not as an unhandled rejection.
  whole.catch(() => undefined);
  const gate = partGate(head);
  const all = head.parts.map((_, i) => i);
  return {
    parts,
    arrived,
    whole,
    need: (paste) => (paste.length > GATE_CHARS ? all : gate(needleText(paste))),
    hurry: () => all.forEach(start),
  };
}
