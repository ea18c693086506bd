/**
 * Which parts of the exact stage's index a paste needs before its answer (parts.ts): the head keeps
 * a hash of one run of each pattern's needle, part by part, and the paste's runs of those lengths
 * are hashed to find them. Used by the build (build-index.ts) and, in the browser, only once the head
 * has parts (stream.ts).
 */
import type { MatchHead } from './parts';

/** A paste longer than this (in characters) waits for every part rather than being hashed. */
export const GATE_CHARS = 20_000;

/**
 * What is hashed of a needle: its run of at most this many characters that the fewest other needles
 * share (a paste that holds the needle holds every run of it), so a paste is hashed at a few lengths only.
 */
export const GRAM = 12;

const BASE = 0x01000193;

/** Murmur3's finalizer, top 24 bits: every bit of the polynomial hash reaches every bit kept. */
function finish(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 8;
}

/** A gram's hash: the one `eachRun` gives for the same characters in a paste (computed by it). */
export function gramHash(gram: string): number {
  let hash = 0;
  eachRun(gram, [gram.length], (_, h) => (hash = h));
  return hash;
}

/** Calls `seen(length, hash)` for every run of the text of each of the lengths (a rolling hash: one pass per length). */
export function eachRun(
  text: string,
  lengths: readonly number[],
  seen: (length: number, hash: number) => void,
): void {
  for (const length of lengths) {
    if (length > text.length || length < 1) continue;
    let top = 1;
    for (let k = 0; k < length; k++) top = Math.imul(top, BASE);
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
      if (i >= length) h = (h - Math.imul(text.charCodeAt(i - length), top)) | 0;
      if (i >= length - 1) seen(length, finish(h));
    }
  }
}

/** Each needle's gram (see GRAM): its run that the fewest of the needles hold; the needle itself when short. */
export function needleGrams(needles: readonly string[]): string[] {
  const runs = (n: string) =>
    n.length <= GRAM ? [n] : Array.from({ length: n.length - GRAM + 1 }, (_, i) => n.slice(i, i + GRAM));
  const holders = new Map<string, number>();
  for (const n of new Set(needles))
    for (const r of new Set(runs(n))) holders.set(r, (holders.get(r) ?? 0) + 1);
  return needles.map((n) => {
    let best = '';
    for (const r of runs(n)) if (!best || holders.get(r)! < holders.get(best)!) best = r;
    return best;
  });
}

/** A part's grams as the head keeps them: per length, their hashes (3 bytes each, base64). */
export function packGrams(grams: readonly string[]): [length: number, hashes: string][] {
  const byLength = new Map<number, Set<number>>();
  for (const g of grams) {
    const set = byLength.get(g.length) ?? new Set<number>();
    set.add(gramHash(g));
    byLength.set(g.length, set);
  }
  return [...byLength]
    .sort((a, b) => a[0] - b[0])
    .map(([length, set]) => {
      let bytes = '';
      for (const h of set) bytes += String.fromCharCode(h >>> 16, (h >>> 8) & 255, h & 255);
      return [length, btoa(bytes)];
    });
}

/**
 * Which parts a paste needs before its answer, ascending, from its needle text (match.ts
 * `needleText`): those with a gram hash the text holds, at that gram's length; every part for a
 * text over GATE_CHARS.
 */
export function partGate(head: MatchHead): (needleText: string) => number[] {
  const key = (length: number, hash: number) => length * 2 ** 24 + hash;
  const partsOf = new Map<number, number[]>();
  const lengths = new Set<number>();
  head.parts.forEach((grams, part) => {
    for (const [length, packed] of grams) {
      lengths.add(length);
      const bytes = atob(packed);
      for (let i = 0; i + 2 < bytes.length; i += 3) {
        const k = key(
          length,
          (bytes.charCodeAt(i) << 16) | (bytes.charCodeAt(i + 1) << 8) | bytes.charCodeAt(i + 2),
        );
        const list = partsOf.get(k) ?? [];
        if (list.at(-1) !== part) list.push(part);
        partsOf.set(k, list);
      }
    }
  });
  const all = head.parts.map((_, i) => i);
  const ascending = [...lengths].sort((a, b) => a - b);
  return (text) => {
    if (text.length > GATE_CHARS) return all;
    const need = new Set<number>();
    eachRun(text, ascending, (length, hash) => {
      for (const p of partsOf.get(key(length, hash)) ?? []) need.add(p);
    });
    return [...need].sort((a, b) => a - b);
  };
}
