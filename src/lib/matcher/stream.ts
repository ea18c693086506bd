/**
 * The worker's reading of the index's parts (parts.ts), imported only when the head has parts (an
 * index of more than PART_PAGES pages): one file, asked for whole, from the start, so the request
 * never depends on a paste, and read as it arrives, a part at each line. A paste waits only for
 * the parts its needles point to: one in the first part is answered while the rest still come.
 */
import { GATE_CHARS, partGate } from './needle-gate';
import { joinParts, type MatchHead, type MatchPart } from './parts';
import type { MatchIndex } from './types';

/** The part a line of the parts' file holds (parts.ts streamBody); undefined for the opening and closing lines. */
export function streamLine(line: string): MatchPart | undefined {
  const body = line.endsWith(',') ? line.slice(0, -1) : line;
  return body === '[' || body === ']' || !body ? undefined : (JSON.parse(body) as MatchPart);
}

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

/**
 * Reads the parts' file (`body`: its bytes as they arrive) part by part. A part the file does not
 * bring (it failed, or ended early) is reported to the request that waits for it.
 */
export function streamParts(
  head: MatchHead,
  body: Promise<ReadableStream<Uint8Array>>,
  needleText: (raw: string) => string,
): Streamed {
  const settle: { resolve: (p: MatchPart) => void; reject: (e: Error) => void }[] = [];
  const arrived: (MatchPart | undefined)[] = [];
  const parts = head.parts.map(
    (_, i) => new Promise<MatchPart>((resolve, reject) => (settle[i] = { resolve, reject })),
  );
  let next = 0;
  const take = (line: string) => {
    const part = streamLine(line);
    if (!part || next >= parts.length) return;
    arrived[next] = part;
    settle[next++]!.resolve(part);
  };
  void (async () => {
    const reader = (await body).getReader();
    const decoder = new TextDecoder();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        take(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
      }
    }
    take(rest + decoder.decode());
    if (next < parts.length)
      throw new Error(`[error-matcher] the index's parts ended after ${next} of ${parts.length}`);
  })().catch((err: unknown) => {
    const error = err instanceof Error ? err : new Error(String(err));
    for (let i = next; i < parts.length; i++) settle[i]!.reject(error);
  });
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
