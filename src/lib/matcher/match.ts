/**
 * The matcher: one pure function from a paste to results. No DOM, no I/O.
 *
 * Stages: normalize → unwrap fault bodies → exact patterns over the whole text (a match may span a
 * wrapped line) → per remaining line: QBO codes and titles → Fuse fallback → calibrated verdict.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { PATTERN_FLAGS } from './pattern';
import { fuzzyKey, normalizeInput } from './normalize';
import { findCodes, stripLogPrefix, unwrapFaults } from './unwrap';
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
  /** Possible results shown for one segment. */
  maxPossible: 3,
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
  start: number;
  end: number;
  specificity: number;
  values: Record<string, string>;
  types: Record<string, string>;
}

interface Found {
  page: number;
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
  const docs = index.recordPages.map((p) => ({ p }));
  const fuse = new Fuse<FuzzyRecord>(docs, FUSE_OPTIONS, Fuse.parseIndex<FuzzyRecord>(index.fuse as never));
  const titleKeys = Object.entries(index.titles);

  function exactHits(text: string): Hit[] {
    const lower = text.toLowerCase();
    const hits: Hit[] = [];
    for (const c of compiled) {
      if (!lower.includes(c.needle)) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
        if (m[0].length === 0) c.re.lastIndex++;
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) values[k] = v.trim();
        hits.push({ page: c.page, start: m.index, end: m.index + m[0].length, specificity: c.specificity, values, types: c.types });
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
      while (j < hits.length && hits[j]!.start < end) {
        cluster.push(hits[j]!);
        end = Math.max(end, hits[j]!.end);
        j++;
      }
      const best = Math.max(...cluster.map((h) => h.specificity));
      const winners = new Map<number, Hit>();
      for (const h of cluster) if (h.specificity === best && !winners.has(h.page)) winners.set(h.page, h);
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
          occurrence: { values: h.values, line: first + 1, text: clip(text.slice(h.start, h.end)) },
        });
      }
      i = j;
    }
    return { found, covered };
  }

  function codesAndTitles(segment: string): number[] {
    const pages = new Set<number>();
    for (const code of findCodes(segment)) for (const p of index.codes[code] ?? []) pages.add(p);
    const lower = segment.toLowerCase();
    for (const [title, ps] of titleKeys) if (lower.includes(title)) for (const p of ps) pages.add(p);
    return [...pages];
  }

  function fuzzy(segment: string, multiLine: boolean): { page: number; score: number; gap: number }[] {
    const query = fuzzyKey(stripLogPrefix(segment)).slice(0, CALIBRATION.fuzzyQueryChars).trim();
    if (query.length < 8 || !query.includes(' ')) return [];
    const best = new Map<number, number>();
    for (const r of fuse.search(query, { limit: 24 })) {
      const s = r.score ?? 1;
      if (s < (best.get(r.item.p) ?? 2)) best.set(r.item.p, s);
    }
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
    const cutoff = multiLine ? CALIBRATION.fuzzyMultiLineScore : CALIBRATION.fuzzyPossibleScore;
    return ranked
      .filter(([, s]) => s <= cutoff)
      .slice(0, CALIBRATION.maxPossible)
      .map(([page, score], i) => ({ page, score, gap: i === 0 ? (ranked[1]?.[1] ?? 1) - score : 0 }));
  }

  function match(raw: unknown): MatchOutcome {
    const input = normalizeInput(raw);
    const outcome: MatchOutcome = { results: [], truncated: input.truncated, fuzzyCapped: false, unmatched: [], lines: 0, empty: false };
    if (!HAS_LETTERS.test(input.text)) {
      outcome.empty = true;
      return outcome;
    }
    const text = normalizeInput(unwrapFaults(input.text)).text;
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
      if (fuzzed >= CALIBRATION.fuzzyMaxLines) {
        outcome.fuzzyCapped = true;
        if (outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
        continue;
      }
      fuzzed++;
      const hits = fuzzy(segment, multiLine);
      if (!hits.length && outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
      for (const { page, score, gap } of hits) {
        const sure = score <= CALIBRATION.fuzzyMatchScore && gap >= CALIBRATION.fuzzyMatchGap;
        const confidence = Math.round(Math.max(0, Math.min(sure ? 0.95 : 0.75, 1 - score)) * 100) / 100;
        found.push({ page, verdict: sure ? 'match' : 'possible', confidence, via: 'fuzzy', types: {}, count, occurrence });
      }
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
        });
        continue;
      }
      r.count += f.count;
      if (r.occurrences.length < MAX_OCCURRENCES) r.occurrences.push(f.occurrence);
      r.firstLine = Math.min(r.firstLine, f.occurrence.line);
      const stronger = (f.verdict === 'match' && r.verdict !== 'match') || (f.verdict === r.verdict && f.confidence > r.confidence);
      if (stronger) Object.assign(r, { verdict: f.verdict, confidence: f.confidence, via: f.via, values: f.occurrence.values, types: f.types });
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
