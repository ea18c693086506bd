/**
 * The matcher: one pure function from a paste to results. No DOM, no I/O.
 *
 * Stages: normalize → unwrap fault bodies → exact patterns over the whole text (a match may span a
 * wrapped line) → per remaining line: QBO codes and titles → Fuse fallback → calibrated verdict.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { PATTERN_FLAGS } from './pattern';
import { fuzzyKey, normalizeInput } from './normalize';
import { findCodes, stripLogPrefix, unescapeJsonText, unwrapFaults } from './unwrap';
import { FUSE_KEYS, type FuzzyRecord, type MatchIndex, type MatchOutcome, type MatchResult, type Occurrence, type Verdict, type Via } from './types';

/** Calibration. Fuse scores run from 0 (perfect) to 1; see bench/ for how these were chosen. */
export const CALIBRATION = Object.freeze({
  /** A fuzzy hit at or under this score can be a `match`… */
  fuzzyMatchScore: 0.3,
  /** …if the runner-up page scores at least this much worse. */
  fuzzyMatchGap: 0.3,
  /** Fuzzy hits over this score are dropped. */
  fuzzyPossibleScore: 0.85,
  /** In a multi-line paste, fuzzy hits over this score are dropped (precision over recall). */
  fuzzyMultiLineScore: 0.5,
  /** Fuzzy queries are cut to this many characters (each word is one more search). */
  fuzzyQueryChars: 300,
  /** At most this many distinct unmatched lines go through fuzzy search. */
  fuzzyMaxLines: 200,
  /** Fuse scores at most this many candidate pages per line (chosen by the rarest shared words). */
  fuzzyCandidates: 8,
  /** Possible results shown for one segment. */
  maxPossible: 3,
  /** …and the paste holds at least this share of the page's message words. */
  fuzzyMatchOfPage: 0.3,
  /** …or: the page's message holds at least this share of the paste's distinctive words… */
  coverageMatch: 0.85,
  /** Bitap threshold for a paste's word to count as one of the page's words (0.34: two slips in a long word). */
  coverageTypo: 0.34,
  /** …and the paste holds at least this share of the page's message words (not just a few common ones)… */
  coverageOfPage: 0.3,
  /** …and the runner-up's holds at least this much less… */
  coverageGap: 0.25,
  /** …and those words say enough (sum of their rarity, ln(1 + pages/df): about two words found on one page only)… */
  coverageInfo: 5.5,
  /** …and Fuse still ranks it reasonably. */
  coverageMaxScore: 0.7,
  /** A fuzzy `match` needs at least this many distinctive words in the paste. */
  fuzzyMatchWords: 4,
  /** A multi-line paste keeps fuzzy `possible` results only if nothing matched exactly and it has at most this many lines. */
  fuzzyPossibleMaxLines: 5,
});

const MAX_OCCURRENCES = 50;
const MAX_HITS = 20_000;
const MAX_UNMATCHED = 200;

const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: FUSE_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  // Each word of the paste is matched on its own and weighted by rarity (BM25-style): long pastes,
  // cut-off messages, prose around a message and word order all work.
  useTokenSearch: true,
};

interface CompiledEntry {
  page: number;
  re: RegExp;
  needle: string;
  specificity: number;
  types: Record<string, string>;
}

interface Hit {
  page: number;
  /** Which compiled pattern. */
  pattern: number;
  start: number;
  end: number;
  specificity: number;
  values: Record<string, string>;
  types: Record<string, string>;
}

interface Found {
  page: number;
  fuzzy?: { score: number; gap: number; words: number; covered: number; ofPage: number; coverageGap: number; info: number };
  verdict: Verdict;
  confidence: number;
  via: Via;
  occurrence: Occurrence;
  types: Record<string, string>;
  count: number;
}

export interface Matcher {
  match(raw: unknown): MatchOutcome;
  /** Number of pages in the index. */
  readonly size: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const clip = (s: string, n = 500) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const HAS_LETTERS = /\p{L}{2}/u;

export function createMatcher(index: MatchIndex): Matcher {
  const compiled: CompiledEntry[] = index.patterns.map(([page, source, needle, specificity, types]) => ({
    page,
    re: new RegExp(source, PATTERN_FLAGS),
    needle,
    specificity,
    types: Object.fromEntries(types ? types.split(',').map((t) => t.split(':') as [string, string]) : []),
  }));
  const titleKeys = Object.entries(index.titles);
  const knownCodes = new Set(Object.keys(index.codes));
  // Every word the index knows. A paste's word that is not one of them, nor a typo of one (Bitap
  // says), is a value such as an account name: it would only drag the score down, so it is dropped.
  // Typo candidates come from two buckets (same first two letters, or same last three).
  const records = index.fuse.records as { i: number; $?: Record<string, { v?: string }> }[];
  const vocab = new Set<string>();
  for (const rec of records) for (const field of Object.values(rec.$ ?? {})) for (const w of (field.v ?? '').split(' ')) if (w) vocab.add(w);
  const buckets = new Map<string, string[]>();
  const bucket = (key: string, w: string) => {
    const list = buckets.get(key);
    if (list) list.push(w);
    else buckets.set(key, [w]);
  };
  for (const w of vocab) {
    bucket(`^${w.slice(0, 2)}`, w);
    bucket(`$${w.slice(-3)}`, w);
  }
  // Which pages hold each word, and how rare the word is (inverse document frequency).
  const pagesOf = new Map<string, number[]>();
  for (const rec of records) {
    const words = new Set(Object.values(rec.$ ?? {}).flatMap((f) => (f.v ?? '').split(' ')).filter(Boolean));
    for (const w of words) {
      const list = pagesOf.get(w);
      if (list) list.push(rec.i);
      else pagesOf.set(w, [rec.i]);
    }
  }
  const idf = (w: string) => Math.log(1 + index.pages.length / (pagesOf.get(w)?.length ?? index.pages.length));

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
  const messageWords: Set<string>[] = index.pages.map(() => new Set());
  const messageText: string[] = index.pages.map(() => '');
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

  function exactHits(text: string): Hit[] {
    const lower = text.toLowerCase();
    const hits: Hit[] = [];
    for (const [pattern, c] of compiled.entries()) {
      if (!lower.includes(c.needle)) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
        if (m[0].length === 0) c.re.lastIndex++;
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) values[k] = v.trim();
        hits.push({ page: c.page, pattern, start: m.index, end: m.index + m[0].length, specificity: c.specificity, values, types: c.types });
        if (hits.length >= MAX_HITS) return hits;
      }
    }
    return hits;
  }

  /** Overlapping hits are one message: the most specific page wins; a tie between pages is ambiguous. */
  function resolveHits(hits: Hit[], starts: number[], text: string): { found: Found[]; covered: Set<number> } {
    hits.sort((a, b) => a.start - b.start || b.specificity - a.specificity);
    const found: Found[] = [];
    const covered = new Set<number>();
    let i = 0;
    while (i < hits.length) {
      const cluster = [hits[i]!];
      let end = hits[i]!.end;
      let j = i + 1;
      // Overlapping hits, and hits of another pattern of the same page close by (one message that
      // two patterns each cover part of), are one message.
      const samePageNearby = (h: Hit) =>
        h.start - end <= 240 && cluster.some((c) => c.page === h.page && c.pattern !== h.pattern) && !text.slice(end, h.start).includes('\n\n');
      while (j < hits.length && (hits[j]!.start < end || samePageNearby(hits[j]!))) {
        cluster.push(hits[j]!);
        end = Math.max(end, hits[j]!.end);
        j++;
      }
      const best = Math.max(...cluster.map((h) => h.specificity));
      const winners = new Map<number, Hit>();
      for (const h of cluster) if (h.specificity === best && !winners.has(h.page)) winners.set(h.page, { ...h, values: { ...h.values } });
      // Two patterns of one page on one message: keep every value either pulled out.
      for (const h of cluster) {
        const w = winners.get(h.page);
        if (w && w !== h) for (const [k, v] of Object.entries(h.values)) w.values[k] ??= v;
      }
      const first = lineOf(starts, cluster[0]!.start);
      const last = lineOf(starts, end - 1);
      for (let l = first; l <= last; l++) covered.add(l);
      for (const h of winners.values()) {
        found.push({
          page: h.page,
          verdict: winners.size === 1 ? 'match' : 'possible',
          confidence: winners.size === 1 ? 1 : 0.5,
          via: 'pattern',
          types: h.types,
          count: 1,
          // The whole line(s) the message stands on: wrapper and all, as the person pasted it.
          occurrence: { values: h.values, line: first + 1, text: clip(text.slice(starts[first], last + 1 < starts.length ? starts[last + 1]! - 1 : text.length).trim()) },
        });
      }
      i = j;
    }
    return { found, covered };
  }

  function codesAndTitles(segment: string): number[] {
    const pages = new Set<number>();
    for (const code of findCodes(segment, knownCodes)) for (const p of index.codes[code] ?? []) pages.add(p);
    const lower = segment.toLowerCase();
    for (const [title, ps] of titleKeys) if (lower.includes(title)) for (const p of ps) pages.add(p);
    return [...pages];
  }

  function fuzzy(raw: string, multiLine: boolean): { page: number; score: number; gap: number; words: number; covered: number; ofPage: number; coverageGap: number; info: number }[] {
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

  function match(raw: unknown): MatchOutcome {
    const input = normalizeInput(raw);
    const outcome: MatchOutcome = { results: [], truncated: input.truncated, fuzzyCapped: false, unmatched: [], lines: 0, empty: false };
    if (!HAS_LETTERS.test(input.text)) {
      outcome.empty = true;
      return outcome;
    }
    const text = normalizeInput(unescapeJsonText(unwrapFaults(input.text))).text;
    const starts = lineStarts(text);
    const { found, covered } = resolveHits(exactHits(text), starts, text);

    // Remaining lines, deduplicated: identical log lines are searched once and counted.
    const rest = new Map<string, { line: number; count: number }>();
    for (let l = 0; l < starts.length; l++) {
      const line = text.slice(starts[l], l + 1 < starts.length ? starts[l + 1]! - 1 : text.length).trim();
      if (!line) continue;
      outcome.lines++;
      if (covered.has(l) || !HAS_LETTERS.test(line)) continue;
      const seen = rest.get(line);
      if (seen) seen.count++;
      else rest.set(line, { line: l + 1, count: 1 });
    }
    const multiLine = outcome.lines > 1;
    const fuzzyDone = new Map<string, Found[]>();
    let fuzzed = 0;
    for (const [segment, { line, count }] of rest) {
      const occurrence: Occurrence = { values: {}, line, text: clip(segment) };
      const pages = codesAndTitles(segment);
      if (pages.length) {
        for (const page of pages) {
          const sure = pages.length === 1;
          found.push({ page, verdict: sure ? 'match' : 'possible', confidence: sure ? 0.9 : 0.5, via: 'code', types: {}, count, occurrence });
        }
        continue;
      }
      // Lines that differ only in numbers and names are searched once.
      const query = fuzzyKey(stripLogPrefix(segment)).slice(0, CALIBRATION.fuzzyQueryChars).trim();
      const same = fuzzyDone.get(query);
      if (same) {
        for (const f of same) f.count += count;
        if (!same.length && outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
        continue;
      }
      if (fuzzed >= CALIBRATION.fuzzyMaxLines) {
        outcome.fuzzyCapped = true;
        if (outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
        continue;
      }
      fuzzed++;
      const hits: Found[] = [];
      for (const { page, score, gap, words, covered, ofPage, coverageGap, info } of fuzzy(query, multiLine)) {
        const sure =
          (words >= CALIBRATION.fuzzyMatchWords && score <= CALIBRATION.fuzzyMatchScore && gap >= CALIBRATION.fuzzyMatchGap && ofPage >= CALIBRATION.fuzzyMatchOfPage) ||
          (info >= CALIBRATION.coverageInfo && covered >= CALIBRATION.coverageMatch && ofPage >= CALIBRATION.coverageOfPage && coverageGap >= CALIBRATION.coverageGap && score <= CALIBRATION.coverageMaxScore);
        const confidence = Math.round(Math.max(0, Math.min(sure ? 0.95 : 0.75, 1 - score)) * 100) / 100;
        hits.push({ page, verdict: sure ? 'match' : 'possible', confidence, via: 'fuzzy', types: {}, count, occurrence, fuzzy: { score, gap, words, covered, ofPage, coverageGap, info } });
      }
      fuzzyDone.set(query, hits);
      if (!hits.length && outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
      found.push(...hits);
    }
    // In a report or log, a line that only looks a bit like an error is noise, not a finding.
    const exact = found.some((f) => f.via !== 'fuzzy');
    if (multiLine && (exact || outcome.lines > CALIBRATION.fuzzyPossibleMaxLines)) {
      for (let i = found.length - 1; i >= 0; i--) if (found[i]!.via === 'fuzzy' && found[i]!.verdict !== 'match') found.splice(i, 1);
    }

    // One result per page: the strongest verdict, all occurrences counted.
    const byPage = new Map<number, MatchResult & { firstLine: number }>();
    for (const f of found) {
      const [slug, title] = index.pages[f.page]!;
      const r = byPage.get(f.page);
      if (!r) {
        byPage.set(f.page, {
          slug, title, verdict: f.verdict, confidence: f.confidence, via: f.via,
          values: f.occurrence.values, types: f.types, count: f.count,
          occurrences: [f.occurrence], firstLine: f.occurrence.line,
          ...(f.fuzzy ? { fuzzy: f.fuzzy } : {}),
        });
        continue;
      }
      r.count += f.count;
      if (r.occurrences.length < MAX_OCCURRENCES) r.occurrences.push(f.occurrence);
      r.firstLine = Math.min(r.firstLine, f.occurrence.line);
      const stronger = (f.verdict === 'match' && r.verdict !== 'match') || (f.verdict === r.verdict && f.confidence > r.confidence);
      if (stronger) Object.assign(r, { verdict: f.verdict, confidence: f.confidence, via: f.via, values: f.occurrence.values, types: f.types, fuzzy: f.fuzzy });
    }
    outcome.results = [...byPage.values()]
      .sort((a, b) => Number(b.verdict === 'match') - Number(a.verdict === 'match') || b.confidence - a.confidence || a.firstLine - b.firstLine)
      .map(({ firstLine: _firstLine, ...r }) => {
        r.occurrences.sort((a, b) => a.line - b.line);
        return r;
      });
    return outcome;
  }

  return { match, size: index.pages.length };
}
