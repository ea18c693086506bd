/**
 * The worker's loading of the index's parts (parts.ts), imported only when the head has parts (an
 * index of more than PART_PAGES pages): in the head's order, two in flight, from the start, so the
 * order never depends on a paste.
 */
import { GATE_CHARS, partGate } from './needle-gate';
import { joinParts, type MatchHead, type MatchPart } from './parts';
import type { MatchIndex } from './types';

export interface Streamed {
  /** Each part, in the head's order. */
  parts: Promise<MatchPart>[];
  /** The parts that have arrived. */
  arrived: (MatchPart | undefined)[];
  /** Every part: the whole index. */
  whole: Promise<MatchIndex>;
  /** The parts a paste needs before its answer (every part for a paste over GATE_CHARS). */
  need: (paste: string) => number[];
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
  const start = (i: number) => starts[i]?.();
  parts.forEach((p, i) => {
    const next = () => start(i + 2);
    p.then(next, next);
  });
  start(0);
  start(1);
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
  };
}
