/**
 * The fuzzy stage: Fuse.js token search over candidate pages, and the coverage measures that let a
 * typo-ridden or cut-off message still be a confident `match`. Kept apart from the exact stage so
 * the browser loads Fuse.js and its index only when a paste needs them.
 */
import type FuseType from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { CALIBRATION } from './calibration';
import { FUSE_KEYS, type FuzzyDetail, type FuzzyIndex, type FuzzyRecord } from './types';

export interface FuzzyHit extends FuzzyDetail {
  page: number;
}

export interface FuzzySearch {
  /** `raw` is the line reduced to words (normalize.fuzzyKey). */
  search(raw: string, multiLine: boolean): FuzzyHit[];
}

const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: FUSE_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  // Each word of the paste is matched on its own and weighted by rarity (BM25-style): long pastes,
  // cut-off messages, prose around a message and word order all work.
  useTokenSearch: true,
};

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `Fuse` is passed in (not imported) so that the caller decides when the library loads. */
export function createFuzzy(Fuse: typeof FuseType, index: FuzzyIndex, pageCount: number): FuzzySearch {
  // Every word the index knows. A paste's word that is not one of them, nor a typo of one (Bitap
  // says), is a value such as an account name: it would only drag the score down, so it is dropped.
  // Typo candidates come from two buckets (same first two letters, or same last three).
  const records = index.fuse.records as { i: number; $?: Record<string, { v?: string }> }[];
  // Which pages hold each word (its keys are the vocabulary), and how rare the word is (idf).
  const pagesOf = new Map<string, number[]>();
  for (const rec of records) {
    for (const w of new Set(Object.values(rec.$ ?? {}).flatMap((f) => (f.v ?? '').split(' ')))) if (w) pushTo(pagesOf, w, rec.i);
  }
  const vocab = pagesOf;
  const buckets = new Map<string, string[]>();
  for (const w of vocab.keys()) {
    pushTo(buckets, `^${w.slice(0, 2)}`, w);
    pushTo(buckets, `$${w.slice(-3)}`, w);
  }
  const idf = (w: string) => Math.log(1 + pageCount / (pagesOf.get(w)?.length ?? pageCount));

  const resolved = new Map<string, string[]>();
  /** The index's words a paste's word stands for: itself, or the words it is a typo of. */
  const resolve = (w: string): string[] => {
    let r = resolved.get(w);
    if (r === undefined) {
      r = vocab.has(w) ? [w] : [];
      if (!r.length && w.length >= 4 && w.length <= 32) {
        const near = new Set([...(buckets.get(`^${w.slice(0, 2)}`) ?? []), ...(buckets.get(`$${w.slice(-3)}`) ?? [])]);
        for (const v of near) if (Math.abs(v.length - w.length) <= 2 && Fuse.match(w, v, { threshold: 0.25, ignoreLocation: true }).isMatch) r.push(v);
      }
      if (resolved.size < 5000) resolved.set(w, r);
    }
    return r;
  };
  const distinctive = (query: string) => query.split(' ').filter((w) => w.length >= 3 && resolve(w).length > 0).join(' ');

  /**
   * Candidate pages for fuzzy search: the pages holding the paste's words, rarest words counting
   * most. Fuse then scores only these, so fuzzy search costs the same at 22 pages or 2,200.
   */
  const candidates = (query: string): number[] => {
    const score = new Map<number, number>();
    for (const w of new Set(query.split(' '))) {
      const gain = new Map<number, number>();
      for (const v of resolve(w)) {
        const weight = idf(v);
        for (const p of pagesOf.get(v) ?? []) gain.set(p, Math.max(gain.get(p) ?? 0, weight));
      }
      for (const [p, g] of gain) score.set(p, (score.get(p) ?? 0) + g);
    }
    return [...score.entries()].sort((a, b) => b[1] - a[1]).slice(0, CALIBRATION.fuzzyCandidates).map(([p]) => p);
  };
  const recordOf = new Map(records.map((r) => [r.i, r]));
  const searchCandidates = (query: string, pages: number[]) => {
    const subset = pages.map((p, i) => ({ ...recordOf.get(p)!, i }));
    const fuse = new Fuse<FuzzyRecord>(pages.map((p) => ({ p })), FUSE_OPTIONS, Fuse.parseIndex<FuzzyRecord>({ keys: index.fuse.keys, records: subset } as never));
    return fuse.search(query);
  };

  // Message words per page (the `m` field of record i is page i), for the coverage check below.
  const messageWords: Set<string>[] = Array.from({ length: pageCount }, () => new Set());
  const messageText: string[] = Array.from({ length: pageCount }, () => '');
  for (const rec of records) {
    const v = rec.$?.['0']?.v ?? '';
    messageText[rec.i] = v;
    messageWords[rec.i] = new Set(v.split(' '));
  }
  /**
   * Share of the paste's words (all of them, known to the index or not; values in quotes and
   * brackets aside) that the page's messages contain (Bitap per word, so typos count), and how
   * much those words say (the sum of their rarity). A typo-ridden or cut-off message covers its own page almost fully; an
   * unrelated error that shares a few words does not.
   */
  const coverage = (raw: string, page: number): { ofPaste: number; ofPage: number; info: number } => {
    const words = [...new Set(raw.split(' ').filter((w) => w.length >= 3))];
    const have = messageWords[page]!;
    const text = messageText[page]!;
    let hit = 0;
    let info = 0;
    for (const w of words) {
      if (have.has(w) || Fuse.match(w, text, { threshold: CALIBRATION.coverageTypo, ignoreLocation: true }).isMatch) {
        hit++;
        info += Math.max(0, ...resolve(w).map(idf));
      }
    }
    return { ofPaste: hit / Math.max(1, words.length), ofPage: hit / Math.max(1, have.size), info };
  };

  function search(raw: string, multiLine: boolean): FuzzyHit[] {
    const query = distinctive(raw);
    if (query.length < 5) return [];
    const words = query.split(' ').length;
    const best = new Map<number, number>();
    for (const r of searchCandidates(query, candidates(query))) {
      const s = r.score ?? 1;
      if (s < (best.get(r.item.p) ?? 2)) best.set(r.item.p, s);
    }
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
    // A paste whose distinctive words one page's message holds (and the runner-up's does not) is
    // that message, typos, cuts and all.
    const none = { ofPaste: 0, ofPage: 0, info: 0 };
    const c1 = ranked[0] ? coverage(raw, ranked[0][0]) : none;
    const c2 = ranked[1] ? coverage(raw, ranked[1][0]) : none;
    const cutoff = multiLine ? CALIBRATION.fuzzyMultiLineScore : CALIBRATION.fuzzyPossibleScore;
    return ranked
      .filter(([, s]) => s <= cutoff)
      .slice(0, CALIBRATION.maxPossible)
      .map(([page, score], i) => ({ page, score, words, gap: i === 0 ? (ranked[1]?.[1] ?? 1) - score : 0, covered: i === 0 ? c1.ofPaste : 0, ofPage: i === 0 ? c1.ofPage : 0, coverageGap: i === 0 ? c1.ofPaste - c2.ofPaste : 0, info: i === 0 ? c1.info : 0 }));
  }

  return { search };
}
