/**
 * The matcher: one pure function from a paste to results. No DOM, no I/O.
 *
 * Stages: normalize → unwrap fault bodies → exact patterns over the whole text (a match may span a
 * wrapped line) → per remaining line: QBO codes and titles → Fuse fallback → calibrated verdict.
 */
import { groupEntries, PATTERN_FLAGS } from './pattern';
import { fuzzyKey, normalizeInput } from './normalize';
import {
  aboutQuickBooks,
  findCodes,
  stripLogPrefix,
  stripWrappers,
  unescapeJsonText,
  unquoteCells,
  unwrapFaults,
} from './unwrap';
import { CALIBRATION, runDecides } from './calibration';
import { MAX_FUZZY_LINES, MAX_UNMATCHED } from './limits';
import type { FuzzySearch } from './fuzzy';
import type { FuzzyDetail, MatchIndex, MatchOutcome, MatchResult, Occurrence, Verdict, Via } from './types';

const MAX_OCCURRENCES = 50;
const MAX_HITS = 20_000;

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
  fuzzy?: FuzzyDetail;
  verdict: Verdict;
  confidence: number;
  via: Via;
  occurrence: Occurrence;
  types: Record<string, string>;
  count: number;
}

export interface Matcher {
  match(raw: unknown): MatchOutcome;
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

/** Lines `first` to `last` (0-based, inclusive) of the text. */
function lines(text: string, starts: number[], first: number, last = first): string {
  return text.slice(starts[first], last + 1 < starts.length ? starts[last + 1]! - 1 : text.length).trim();
}

const clip = (s: string, n = 500) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const HAS_LETTERS = /\p{L}{2}/u;

/**
 * Without `fuzzy`, lines that need fuzzy search are left unmatched and the outcome says
 * `needsFuzzy`; the browser then loads Fuse.js and asks again.
 */
export function createMatcher(index: MatchIndex, fuzzy?: FuzzySearch): Matcher {
  const compiled: CompiledEntry[] = index.patterns.map(([page, source, needle, specificity, types]) => ({
    page,
    re: new RegExp(source, PATTERN_FLAGS),
    needle,
    specificity,
    types: Object.fromEntries(types ? types.split(',').map((t) => t.split(':') as [string, string]) : []),
  }));
  const titleKeys = Object.entries(index.titles);
  const knownCodes = new Set(Object.keys(index.codes));
  function exactHits(text: string): Hit[] {
    // A message wrapped over two lines still holds its needle.
    const lower = text.toLowerCase().replace(/\n/g, ' ');
    const hits: Hit[] = [];
    for (const [pattern, c] of compiled.entries()) {
      if (!lower.includes(c.needle)) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
        if (m[0].length === 0) c.re.lastIndex++;
        const values: Record<string, string> = {};
        for (const [k, v] of groupEntries(m)) if (v !== undefined) values[k] = v.trim();
        hits.push({
          page: c.page,
          pattern,
          start: m.index,
          end: m.index + m[0].length,
          specificity: c.specificity,
          values,
          types: c.types,
        });
        if (hits.length >= MAX_HITS) return hits;
      }
    }
    return hits;
  }

  /** Overlapping hits are one message: the most specific page wins; a tie between pages is ambiguous. */
  function resolveHits(
    hits: Hit[],
    starts: number[],
    text: string,
  ): { found: Found[]; covered: Set<number> } {
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
        h.start - end <= 240 &&
        cluster.some((c) => c.page === h.page && c.pattern !== h.pattern) &&
        !text.slice(end, h.start).includes('\n\n');
      while (j < hits.length && (hits[j]!.start < end || samePageNearby(hits[j]!))) {
        cluster.push(hits[j]!);
        end = Math.max(end, hits[j]!.end);
        j++;
      }
      const best = Math.max(...cluster.map((h) => h.specificity));
      const winners = new Map<number, Hit>();
      for (const h of cluster)
        if (h.specificity === best && !winners.has(h.page))
          winners.set(h.page, { ...h, values: { ...h.values } });
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
          occurrence: { values: h.values, line: first + 1, text: clip(lines(text, starts, first, last)) },
        });
      }
      i = j;
    }
    return { found, covered };
  }

  /**
   * Pages named by a QBO code or short title on the line. A title alone is only a hint (`weak`)
   * when the line goes on about something else and neither names QuickBooks nor wears its
   * wrappers: "Permission Denied Error: Windows could not access the shared folder" is not
   * QuickBooks' 5020. `bare` is the line without its log prefix.
   */
  function codesAndTitles(segment: string, bare: string): { pages: number[]; weak: boolean } {
    const pages = new Set<number>();
    for (const code of findCodes(segment, knownCodes)) for (const p of index.codes[code] ?? []) pages.add(p);
    const byCode = pages.size > 0;
    const lower = segment.toLowerCase();
    const start = bare.slice(0, CALIBRATION.fuzzyLineChars).toLowerCase();
    let rest = stripWrappers(start);
    // The SDK's and the platform's wrappers (`BadRequest. Details:`) are QuickBooks' own.
    const wrapped = rest !== start;
    for (const [title, ps] of titleKeys) {
      if (!lower.includes(title)) continue;
      for (const p of ps) pages.add(p);
      rest = rest.replace(title, ' ');
    }
    const otherWords = rest.match(/\p{L}{2,}/gu)?.length ?? 0;
    return {
      pages: [...pages],
      weak: !byCode && !wrapped && otherWords > CALIBRATION.titleOtherWords && !aboutQuickBooks(segment),
    };
  }

  function match(raw: unknown): MatchOutcome {
    const input = normalizeInput(raw);
    const outcome: MatchOutcome = {
      results: [],
      truncated: input.truncated,
      fuzzyCapped: false,
      needsFuzzy: false,
      unmatched: [],
      lines: 0,
      empty: false,
    };
    if (!HAS_LETTERS.test(input.text)) {
      outcome.empty = true;
      return outcome;
    }
    const text = normalizeInput(unquoteCells(unescapeJsonText(unwrapFaults(input.text)))).text;
    const starts = lineStarts(text);
    const { found, covered } = resolveHits(exactHits(text), starts, text);

    // Remaining lines, deduplicated: identical log lines are searched once and counted.
    const rest = new Map<string, { line: number; count: number }>();
    for (let l = 0; l < starts.length; l++) {
      const line = lines(text, starts, l);
      if (!line) continue;
      outcome.lines++;
      if (covered.has(l) || !HAS_LETTERS.test(line)) continue;
      const seen = rest.get(line);
      if (seen) seen.count++;
      else rest.set(line, { line: l + 1, count: 1 });
    }
    const multiLine = outcome.lines > 1;
    const noteUnmatched = (segment: string) => {
      if (outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, 200));
    };
    const fuzzyDone = new Map<string, Found[]>();
    let fuzzed = 0;
    for (const [segment, { line, count }] of rest) {
      const occurrence: Occurrence = { values: {}, line, text: clip(segment) };
      // The line without its log prefix: what codes, titles and fuzzy search read.
      const bare = stripLogPrefix(segment);
      const { pages, weak } = codesAndTitles(segment, bare);
      if (pages.length) {
        for (const page of pages) {
          const sure = pages.length === 1 && !weak;
          found.push({
            page,
            verdict: sure ? 'match' : 'possible',
            confidence: sure ? 0.9 : 0.5,
            via: 'code',
            types: {},
            count,
            occurrence,
          });
        }
        continue;
      }
      // Lines that differ only in numbers and names are searched once.
      const query = fuzzyKey(bare).slice(0, CALIBRATION.fuzzyQueryChars).trim();
      const same = fuzzyDone.get(query);
      if (same) {
        for (const f of same) f.count += count;
        if (!same.length) noteUnmatched(segment);
        continue;
      }
      if (!fuzzy) {
        outcome.needsFuzzy = true;
        noteUnmatched(segment);
        continue;
      }
      if (fuzzed >= MAX_FUZZY_LINES) {
        outcome.fuzzyCapped = true;
        noteUnmatched(segment);
        continue;
      }
      fuzzed++;
      // Typing slips corrected, the exact patterns may now hold: the near-duplicates stay told apart.
      const fixed = fuzzy.repair(bare);
      const again = fixed ? resolveHits(exactHits(fixed), [0], fixed).found : [];
      if (again.length) {
        for (const f of again)
          Object.assign(f, {
            via: 'typo',
            count,
            confidence: Math.min(f.confidence, 0.95),
            occurrence: { ...f.occurrence, line, text: clip(segment) },
          });
        fuzzyDone.set(query, again);
        found.push(...again);
        continue;
      }
      const hits: Found[] = [];
      for (const { page, ...detail } of fuzzy.search(query, bare, multiLine)) {
        const {
          score,
          gap,
          words,
          covered,
          ofPage,
          coverageGap,
          info,
          run,
          runContent,
          runGap,
          runWhole,
          negationLost,
        } = detail;
        const sure =
          (!negationLost &&
            words >= CALIBRATION.fuzzyMatchWords &&
            score <= CALIBRATION.fuzzyMatchScore &&
            gap >= CALIBRATION.fuzzyMatchGap &&
            ofPage >= CALIBRATION.fuzzyMatchOfPage &&
            covered >= CALIBRATION.fuzzyMatchCovered) ||
          (!negationLost &&
            info >= CALIBRATION.coverageInfo &&
            covered >= CALIBRATION.coverageMatch &&
            ofPage >= CALIBRATION.coverageOfPage &&
            coverageGap >= CALIBRATION.coverageGap &&
            score <= CALIBRATION.coverageMaxScore) ||
          runDecides(run, runContent, runGap, runWhole);
        // Fuzzy search ranks its hits (a page whose message the paste is a run of goes first): the
        // confidences keep that order.
        const below = hits.length ? hits[hits.length - 1]!.confidence - 0.01 : 1;
        const confidence =
          Math.round(Math.max(0, Math.min(sure ? 0.95 : 0.75, 1 - score, below)) * 100) / 100;
        hits.push({
          page,
          verdict: sure ? 'match' : 'possible',
          confidence,
          via: 'fuzzy',
          types: {},
          count,
          occurrence,
          fuzzy: detail,
        });
      }
      fuzzyDone.set(query, hits);
      if (!hits.length) noteUnmatched(segment);
      found.push(...hits);
    }
    // In a report or log, a line that only looks a bit like an error is noise, not a finding.
    const exact = found.some((f) => f.via !== 'fuzzy');
    if (multiLine && (exact || outcome.lines > CALIBRATION.fuzzyPossibleMaxLines)) {
      for (let i = found.length - 1; i >= 0; i--)
        if (found[i]!.via === 'fuzzy' && found[i]!.verdict !== 'match') found.splice(i, 1);
    }

    // One result per page: the strongest verdict, all occurrences counted.
    const byPage = new Map<number, MatchResult & { firstLine: number }>();
    for (const f of found) {
      const [slug, title] = index.pages[f.page]!;
      const r = byPage.get(f.page);
      if (!r) {
        byPage.set(f.page, {
          slug,
          title,
          verdict: f.verdict,
          confidence: f.confidence,
          via: f.via,
          values: f.occurrence.values,
          types: f.types,
          count: f.count,
          occurrences: [f.occurrence],
          firstLine: f.occurrence.line,
          ...(f.fuzzy ? { fuzzy: f.fuzzy } : {}),
        });
        continue;
      }
      r.count += f.count;
      if (r.occurrences.length < MAX_OCCURRENCES) r.occurrences.push(f.occurrence);
      r.firstLine = Math.min(r.firstLine, f.occurrence.line);
      const stronger =
        (f.verdict === 'match' && r.verdict !== 'match') ||
        (f.verdict === r.verdict && f.confidence > r.confidence);
      if (stronger)
        Object.assign(r, {
          verdict: f.verdict,
          confidence: f.confidence,
          via: f.via,
          values: f.occurrence.values,
          types: f.types,
          fuzzy: f.fuzzy,
        });
    }
    outcome.results = [...byPage.values()]
      .sort(
        (a, b) =>
          Number(b.verdict === 'match') - Number(a.verdict === 'match') ||
          b.confidence - a.confidence ||
          a.firstLine - b.firstLine,
      )
      .map(({ firstLine, ...r }) => {
        r.occurrences.sort((a, b) => a.line - b.line);
        return r;
      });
    return outcome;
  }

  return { match };
}
