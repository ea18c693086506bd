/**
 * The matcher: one pure function from a paste to results. No DOM, no I/O.
 *
 * Stages: normalize → unwrap fault bodies → exact patterns over the whole text (a match may span a
 * wrapped line) → per remaining line: QBO codes and titles → Fuse fallback → calibrated verdict.
 * The last two come with fuzzy search (fuzzy.ts, score.ts), which the browser loads only when a
 * paste needs it.
 */
import { clip, cut } from '../cut';
import { groupEntries, PATTERN_FLAGS, patternFacts, patternSource, templateNeedle } from './pattern';
import { normalizeInput } from './normalize';
import {
  aboutQuickBooks,
  decodeEntities,
  onlyACode,
  findCodes,
  stackFrame,
  pythonFrame,
  exceptionLine,
  stripLogPrefix,
  stripWrappers,
  unescapeJsonText,
  unquoteCells,
  unwrapFaults,
  type Fault,
} from './unwrap';
import {
  LINE_CHARS,
  MAX_FAULT_PAGES,
  MAX_FUZZY_LINES,
  MAX_UNMATCHED,
  POSSIBLE_MAX_LINES,
  OCCURRENCE_CHARS,
  QUERY_CHARS,
  TITLE_OTHER_WORDS,
  UNMATCHED_CHARS,
} from './limits';
import { EXACT_FEATURES, EXACT_MODEL, logistic, type ExactFeatures, type Features } from './model';
import type { FuzzySearch } from './fuzzy';
import type { ScoreContext, Scored } from './score';
import type { MatchIndex, MatchOutcome, MatchResult, Occurrence, OutcomeFault, Verdict, Via } from './types';

const MAX_OCCURRENCES = 50;
const MAX_HITS = 20_000;

interface CompiledEntry {
  page: number;
  template: string;
  needle: string;
  /** Worked out when a paste first holds the needle: most patterns never run on a given paste. */
  compiled?: { re: RegExp; specificity: number; types: Record<string, string> };
}

/** Needles are found from their first this many characters (compilePattern's needles have at least 6; five, read as a number, stay a small integer). */
const NEEDLE_KEY = 5;
/** The characters a needle is made of (pattern.ts: lowercase letters, digits, spaces), numbered from 1; 0 for any other. */
const NEEDLE_CODE = new Uint8Array(128);
const NEEDLE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
for (let i = 0; i < NEEDLE_CHARS.length; i++) NEEDLE_CODE[NEEDLE_CHARS.charCodeAt(i)] = i + 1;
const RADIX = 38;
const TOP = RADIX ** (NEEDLE_KEY - 1);
const codeAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? NEEDLE_CODE[c]! : 0;
};

/**
 * Which patterns' needles a lowercase text holds, in pattern order. The needles are grouped by their
 * first NEEDLE_KEY characters, read as a number; the text is read once, its every run of that many
 * needle characters as a rolling number, at any number of patterns, instead of once per pattern.
 * A needle shorter than that, or with another character, is looked for on its own.
 */
export function needleFinder(needles: readonly string[]): (lower: string) => number[] {
  const byKey = new Map<number, Map<string, number[]>>();
  const apart: number[] = [];
  needles.forEach((needle, i) => {
    let key = 0;
    for (let k = 0; k < needle.length; k++) if (!codeAt(needle, k)) key = NaN;
    for (let k = 0; k < NEEDLE_KEY; k++) key = key * RADIX + codeAt(needle, k);
    if (needle.length < NEEDLE_KEY || Number.isNaN(key)) {
      apart.push(i);
      return;
    }
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = new Map<string, number[]>()));
    const same = group.get(needle);
    if (same) same.push(i);
    else group.set(needle, [i]);
  });
  return (lower) => {
    const out = apart.filter((i) => lower.includes(needles[i]!));
    const found = new Set<string>();
    let key = 0;
    let run = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = codeAt(lower, i);
      if (!c) {
        key = 0;
        run = 0;
        continue;
      }
      if (run >= NEEDLE_KEY) key -= codeAt(lower, i - NEEDLE_KEY) * TOP;
      else run++;
      key = key * RADIX + c;
      if (run < NEEDLE_KEY) continue;
      const group = byKey.get(key);
      if (!group) continue;
      const at = i - NEEDLE_KEY + 1;
      for (const [needle, patterns] of group)
        if (!found.has(needle) && lower.startsWith(needle, at)) {
          found.add(needle);
          out.push(...patterns);
        }
    }
    return out.sort((a, b) => a - b);
  };
}

export interface Hit {
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
  /** The model's features, for results it scored (`npm run match -- --explain` prints them). */
  features?: Features;
  /** The exact-hit model's features, for exact hits. */
  exactFeatures?: ExactFeatures;
  verdict: Verdict;
  confidence: number;
  /** The probability the confidence is shown from: the model's (`right`), or the exact-hit model's. */
  p: number;
  via: Via;
  occurrence: Occurrence;
  types: Record<string, string>;
  count: number;
}

export type { Scored } from './score';

/** What the fitting script (scripts/calibrate.ts) and `--explain` watch: every decision the model is asked for. */
export interface Trace {
  /** An exact-pattern hit: the pages that tied on it, with their features, and the (0-based) lines it stands on. */
  exact?(hits: readonly { page: number; features: ExactFeatures }[], lines: number[]): void;
  /**
   * A segment the model scored: every candidate, before the thresholds, and the (0-based) lines
   * that read the same. With a trace, every distinct line is scored once, whether or not a sure
   * exact hit covers it, so that what the fitting script sees does not depend on the thresholds
   * installed when it runs. `whole`: the segment is a short paste's lines read as one (its lines
   * were scored apart too); it is traced after every line.
   */
  segment?(candidates: readonly Scored[], lines: readonly number[], whole?: boolean): void;
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

const HAS_LETTERS = /\p{L}{2}/u;
/** Words to read, or a code to look up. */
const readable = (t: string) => HAS_LETTERS.test(t) || onlyACode(t);

/** The text the exact stage searches: fault bodies unwrapped, escapes, quoted cells and character references read, normalized. */
const searchText = (normalized: string, faults: Fault[]) =>
  normalizeInput(decodeEntities(unquoteCells(unescapeJsonText(unwrapFaults(normalized, faults))))).text;

/** What needles are looked for in: the text lowercased, a message wrapped over two lines joined. */
const needleSpace = (text: string) => text.toLowerCase().replace(/\n/g, ' ');

/**
 * The text a paste's pattern needles are looked for in ('' when it has nothing to read): the
 * worker hashes it to know which parts of the index the paste needs (parts.ts).
 */
export function needleText(raw: unknown): string {
  const input = normalizeInput(raw);
  return readable(input.text) ? needleSpace(searchText(input.text, [])) : '';
}

/**
 * Without `fuzzy`, lines that need fuzzy search are left unmatched and the outcome says
 * `needsFuzzy`; the browser then loads Fuse.js and asks again.
 */
export function createMatcher(index: MatchIndex, fuzzy?: FuzzySearch, trace?: Trace): Matcher {
  // The index's templates were checked when it was built (buildIndex): only their needles are read
  // now, before the first paste.
  const compiled: CompiledEntry[] = index.pages.flatMap(([, , ...templates], page) =>
    templates.map((template) => ({ page, template, needle: templateNeedle(template) })),
  );
  const compile = (c: CompiledEntry) => {
    const { parts, specificity, placeholders } = patternFacts(c.template);
    const types = Object.fromEntries(placeholders.map((ph) => [ph.name, ph.type]));
    return { re: new RegExp(patternSource(parts), PATTERN_FLAGS), specificity, types };
  };
  const holdsNeedle = needleFinder(compiled.map((c) => c.needle));
  const titleKeys = Object.entries(index.titles);
  /** A title without its spaces, hyphens and underscores: QBO writes "ThrottleExceeded", people "Throttle Exceeded". */
  const squash = (t: string) => t.replace(/[\s_-]+/g, '');
  /** Each title, spaced any way between word edges ("Throttle Exceeded", "throttle_exceeded"). */
  const spacedTitles = titleKeys.map(([key, pages]) => {
    const squashed = squash(key);
    const letters = Array.from(squashed, (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${letters.join('[\\s_-]*')}(?![\\p{L}\\p{N}])`, 'u');
    return { key, pages, squashed, re };
  });
  /**
   * The QBO titles a lower-cased line holds, in the index's order, each with where it is written:
   * as the index writes it, anywhere ("ApplicationAuthorizationFailed" holds "AuthorizationFailed");
   * spaced otherwise, between word edges (looked for only where the line without its spaces holds it).
   */
  const titlesIn = (lower: string) => {
    let line: string | undefined;
    return spacedTitles.flatMap(({ key, pages, squashed, re }) => {
      const at = lower.indexOf(key);
      if (at >= 0) return [{ key, pages, squashed, at, end: at + key.length }];
      const m = (line ??= squash(lower)).includes(squashed) ? re.exec(lower) : null;
      return m ? [{ key, pages, squashed, at: m.index, end: m.index + m[0].length }] : [];
    });
  };
  /**
   * A QBO title in brackets or quotes ("error code 120 (Authorization Failure)", `QBO said "Stale
   * Object Error"`) is the error's name, not a value as bracketed or quoted names and accounts are:
   * its brackets or quotes go, so the word features read it.
   */
  const unwrapTitles = (line: string) =>
    line.replace(/[("'“‘]([^()"'“”‘’\n]{2,80})[)"'”’]/g, (whole, inner: string) => {
      const key = squash(inner.trim().toLowerCase());
      return spacedTitles.some((t) => t.squashed === key) ? ` ${inner} ` : whole;
    });
  const knownCodes = new Set(Object.keys(index.codes));
  const general = new Set(index.general);
  function exactHits(text: string): Hit[] {
    const hits: Hit[] = [];
    for (const pattern of holdsNeedle(needleSpace(text))) {
      const c = compiled[pattern]!;
      const { re, specificity, types } = (c.compiled ??= compile(c));
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        const values: Record<string, string> = {};
        for (const [k, v] of groupEntries(m)) if (v !== undefined) values[k] = v.trim();
        hits.push({
          page: c.page,
          pattern,
          start: m.index,
          end: m.index + m[0].length,
          specificity,
          values,
          types,
        });
        if (hits.length >= MAX_HITS) return hits;
      }
    }
    return hits;
  }

  /** The exact-hit model's features (model.ts) of a hit on `segment`, the line(s) it stands on; `span` is the text the hit's cluster covers. */
  function exactFeatures(segment: string, span: string, h: Hit, tied: boolean): ExactFeatures {
    const words = (s: string) => s.match(/\p{L}{2,}/gu)?.length ?? 0;
    // The line's start, as the word features read it: a line of 300 KB with a hit every 100
    // characters costs each hit what 2 KB does (it cost 1.6 s in all, growing with the square).
    const head = cut(segment, LINE_CHARS);
    const bare = stripLogPrefix(head);
    const message = stripWrappers(bare);
    const lower = head.toLowerCase();
    const ownCode = findCodes(head, knownCodes).some((c) => index.codes[c]?.includes(h.page));
    const ownTitle = titlesIn(lower).some((t) => t.pages.includes(h.page));
    const inSpan = words(stripWrappers(span));
    return {
      whole: Math.min(1, inSpan / Math.max(1, words(message))),
      rest: Math.min(1, Math.max(0, words(message) - inSpan) / 10),
      quickbooks: aboutQuickBooks(head) || message !== bare || ownCode || ownTitle ? 1 : 0,
      specific: Math.min(1, h.specificity / 80),
      tied: tied ? 1 : 0,
    };
  }

  /** Overlapping hits are one message: the most specific page wins; a tie between pages is ambiguous. */
  function resolveHits(
    hits: Hit[],
    starts: number[],
    text: string,
  ): { found: Found[]; covered: Set<number>; on: Map<number, Map<number, Hit>> } {
    hits.sort((a, b) => a.start - b.start || b.specificity - a.specificity);
    const found: Found[] = [];
    const covered = new Set<number>();
    // Every line's exact hits, by page: a hit the exact-hit model is not sure of goes to the full model.
    const on = new Map<number, Map<number, Hit>>();
    // Hits the exact-hit model is sure of, decided once every line's hits are known.
    const sureHits: {
      span: number[];
      first: number;
      last: number;
      scored: { h: Hit; f: ExactFeatures; p: number }[];
    }[] = [];
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
      const segment = lines(text, starts, first, last);
      const scored = [...winners.values()].map((h) => {
        const f = exactFeatures(segment, text.slice(cluster[0]!.start, end), h, winners.size > 1);
        return { h, f, p: logistic(EXACT_FEATURES, f, EXACT_MODEL) };
      });
      const span = Array.from({ length: last - first + 1 }, (_, k) => first + k);
      for (const l of span) {
        const m = on.get(l) ?? new Map<number, Hit>();
        for (const h of winners.values()) if (!m.has(h.page)) m.set(h.page, h);
        on.set(l, m);
      }
      trace?.exact?.(
        scored.map(({ h, f }) => ({ page: h.page, features: f })),
        span,
      );
      // The exact-hit model's probability (fitted, model-exact.json): sure enough, the hit is a `match`
      // and its lines are done; otherwise the full model scores them (a tie is never sure).
      const sure = scored.length === 1 && !scored[0]!.f.tied && scored[0]!.p >= EXACT_MODEL.match;
      if (sure) sureHits.push({ span, first, last, scored });
      i = j;
    }
    for (const { span, first, last, scored } of sureHits) {
      // Another page's pattern on the same line (the account wrapper before the customer detail):
      // the full model weighs the two, as it does a tie.
      if (span.some((l) => (on.get(l)?.size ?? 0) > 1)) continue;
      for (const l of span) covered.add(l);
      for (const { h, f, p } of scored) {
        found.push({
          page: h.page,
          verdict: 'match',
          confidence: Math.round(p * 100) / 100,
          p,
          exactFeatures: f,
          via: 'pattern',
          types: h.types,
          count: 1,
          // The whole line(s) the message stands on: wrapper and all, as the person pasted it.
          occurrence: {
            values: h.values,
            line: first + 1,
            text: clip(lines(text, starts, first, last), OCCURRENCE_CHARS),
          },
        });
      }
    }
    return { found, covered, on };
  }

  /** The pages that have a fault's code (as a QBO code, or in a message: 11014) or its title. */
  function faultPages(fault: OutcomeFault): Set<number> {
    const lower = fault.title.toLowerCase();
    const numeric = /^\d{1,9}$/.test(fault.code);
    const pages = new Set<number>(numeric ? index.codes[String(Number(fault.code))] : []);
    if (numeric) {
      const said = new RegExp(`(?<!\\d)${fault.code}(?!\\d)`);
      index.pages.forEach(([, , ...templates], p) => {
        if (templates.some((t) => said.test(t))) pages.add(p);
      });
    }
    for (const t of titlesIn(lower)) t.pages.forEach((p) => pages.add(p));
    return pages;
  }

  /**
   * A fault that matched nothing, with the pages that have its code or title (`pages`; each for
   * another detail, or the paste says too little to tell which): the person is told they exist,
   * not that the error is missing from the knowledge base. By title (the same order in Node and in
   * the browser, whose index numbers pages otherwise); a page whose part has not arrived (no slug
   * yet) is left out.
   */
  function withPages(fault: OutcomeFault, pages: Set<number>): OutcomeFault {
    const known = [...pages]
      .flatMap((p) => {
        const [slug, title] = index.pages[p] ?? [];
        return slug && title ? [{ slug, title }] : [];
      })
      .sort((a, b) => a.title.localeCompare(b.title, 'en'));
    return known.length
      ? { ...fault, pages: known.slice(0, MAX_FAULT_PAGES), pageCount: known.length }
      : fault;
  }

  /**
   * QBO codes and short titles on the line, as evidence for the pages that have them: each is worth
   * 1 / (pages sharing it), so a code many pages share says little. A title is `weak` when the line
   * goes on about something else and neither names QuickBooks nor wears its wrappers:
   * "Permission Denied Error: Windows could not access the shared folder" is not QuickBooks' 5020.
   * `bare` is the line without its log prefix. A code that pages sharing it claim by a pattern
   * somewhere in the paste (`hitPages`: the fault's header line, its detail on the next) is evidence
   * for them alone, and its other pages are `claimed`.
   */
  function codesAndTitles(
    segment: string,
    bare: string,
    hitPages: ReadonlySet<number> = new Set(),
  ): {
    code: Map<number, number>;
    title: Map<number, number>;
    weak: boolean;
    said: string;
    claimed: Set<number>;
  } {
    const code = new Map<number, number>();
    const claimed = new Set<number>();
    const title = new Map<number, number>();
    const add = (to: Map<number, number>, pages: number[]) => {
      for (const p of pages) to.set(p, Math.min(1, (to.get(p) ?? 0) + 1 / pages.length));
    };
    const lower = segment.toLowerCase();
    const start = cut(bare, LINE_CHARS).toLowerCase();
    let rest = stripWrappers(start);
    // The SDK's and the platform's wrappers (`BadRequest. Details:`) are QuickBooks' own.
    const wrapped = rest !== start;
    // The first title as the line writes it ("ThrottleExceeded", not the index's lowercase key).
    let said = '';
    const titles = titlesIn(lower);
    for (const t of titles) {
      add(title, t.pages);
      // As written, unless lower case moved the line's letters (then the index's key).
      const written = segment.slice(t.at, t.end);
      const same = squash(written.toLowerCase()) === t.squashed;
      rest = rest.replace(same ? written.toLowerCase() : t.key, ' ');
      if (!said) said = same ? written : t.key;
    }
    // A number next to a QBO title is its code (`3200 AuthenticationFailed`).
    for (const c of findCodes(segment, knownCodes, titles.length > 0)) {
      const sharing = index.codes[c] ?? [];
      const claimers = sharing.filter((p) => hitPages.has(p));
      add(code, claimers.length ? claimers : sharing);
      for (const p of sharing) if (claimers.some((q) => q !== p)) claimed.add(p);
    }
    const otherWords = rest.match(/\p{L}{2,}/gu)?.length ?? 0;
    const weak = !code.size && !wrapped && otherWords > TITLE_OTHER_WORDS && !aboutQuickBooks(segment);
    return { code, title, weak, said, claimed };
  }

  /**
   * The QBO codes a line carries, as codesAndTitles reads them (a number next to a QBO title is its
   * code: `3200 AuthenticationFailed`): two lines alike but for their code are scored apart.
   */
  const codeKey = (segment: string) =>
    findCodes(segment, knownCodes, titlesIn(segment.toLowerCase()).length > 0).join(',');

  /** The first QBO title, as written, on the lines that matched nothing (of the first MAX_FUZZY_LINES), where it is not `weak`. */
  const faultTitle = (segments: Iterable<string>) => {
    let n = 0;
    for (const segment of segments) {
      if (n++ >= MAX_FUZZY_LINES) break;
      const { said, weak } = codesAndTitles(segment, stripLogPrefix(segment));
      if (said && !weak) return said.toWellFormed();
    }
    return '';
  };

  const context: ScoreContext = { exactHits, general };
  /** One segment scored by the model (score.ts, which comes with fuzzy search). */
  const scoreSegment = (
    segment: string,
    bare: string,
    query: string,
    fuzzy: FuzzySearch,
    hitPages: ReadonlySet<number>,
    routine: boolean,
    exact: ReadonlyMap<number, Hit> = new Map(),
  ) =>
    fuzzy.score(context, {
      segment,
      bare,
      query,
      hitPages,
      ...codesAndTitles(segment, bare, hitPages),
      routine,
      exact,
    });

  /** A scored result as found on a segment: `count` occurrences, at `occurrence` with its values. */
  const foundOf = (s: Scored, count: number, occurrence: Occurrence): Found => ({
    page: s.page,
    verdict: s.verdict,
    confidence: s.confidence,
    p: s.p,
    via: s.via,
    types: s.types,
    count,
    occurrence: { ...occurrence, values: s.values },
    features: s.features,
  });

  function match(raw: unknown): MatchOutcome {
    const input = normalizeInput(raw);
    const outcome: MatchOutcome = {
      results: [],
      truncated: input.truncated,
      fuzzyCapped: false,
      needsFuzzy: false,
      unmatched: [],
      lines: 0,
      routine: 0,
      empty: false,
    };
    if (!readable(input.text)) {
      outcome.empty = true;
      return outcome;
    }
    const faults: Fault[] = [];
    const text = searchText(input.text, faults);
    const starts = lineStarts(text);
    const hits = exactHits(text);
    // Pages whose patterns hold somewhere in the paste: a fault's detail another page explains.
    const hitPages = new Set(hits.map((h) => h.page));
    const { found, covered, on } = resolveHits(hits, starts, text);

    // Lines that differ only in numbers and names are scored once: the line without its log
    // prefix (what codes, titles and word features read), its query, and what it is scored under.
    const reading = (segment: string, l: number, routine = fuzzy?.routine(segment) ?? false) => {
      const bare = unwrapTitles(stripLogPrefix(segment));
      // Fuzzy search's own tokenizer (words.ts) comes with it: without it, no line is searched.
      const query = fuzzy ? cut(fuzzy.key(bare), QUERY_CHARS).trim() : '';
      const exactHere = on.get(l);
      // A line of routine work (fuzzy search reads it as good news) is scored apart from an error
      // line alike.
      const key = `${query}\u0000${codeKey(segment)}\u0000${[...(exactHere?.keys() ?? [])].join(',')}\u0000${routine}`;
      return { bare, query, exactHere, routine, key };
    };
    // With a trace, every distinct line is scored once, covered or not, and traced at the end with
    // every line that reads so (see Trace); the search below reuses these scores.
    const traced = new Map<string, { scored: Scored[]; shown: Scored[]; at: number[] }>();

    // Remaining lines, deduplicated: identical log lines are searched once and counted.
    const rest = new Map<string, { line: number; count: number; routine: boolean }>();
    let pythonSource = false;
    for (let l = 0; l < starts.length; l++) {
      const line = lines(text, starts, l);
      if (!line) {
        pythonSource = false;
        continue;
      }
      outcome.lines++;
      // A stack trace's frames say where the error was thrown, not what it is: not a message to look
      // for (nor a line that matched nothing).
      if (!readable(line) || stackFrame(line)) {
        pythonSource = pythonFrame(line);
        continue;
      }
      // The source line Python prints under a frame (`client.post(invoice)`): code, not a message.
      if (pythonSource && !exceptionLine(line)) {
        pythonSource = false;
        continue;
      }
      pythonSource = false;
      // Whether the line tells of routine work: read once, here with a trace, else below.
      let routine: boolean | undefined;
      if (trace?.segment && fuzzy) {
        const read = reading(line, l);
        const { bare, query, exactHere, key } = read;
        routine = read.routine;
        const t = traced.get(key);
        if (t) t.at.push(l);
        else
          traced.set(key, {
            ...scoreSegment(line, bare, query, fuzzy, hitPages, routine, exactHere),
            at: [l],
          });
      }
      if (covered.has(l)) continue;
      // A line of routine work that no pattern holds (`INFO Export run 5521 started`) tells of no
      // error: not a message to look for, nor a line that matched nothing.
      routine ??= fuzzy?.routine(line) ?? false;
      if (routine && !on.has(l)) {
        outcome.routine++;
        continue;
      }
      const seen = rest.get(line);
      if (seen) seen.count++;
      else rest.set(line, { line: l + 1, count: 1, routine });
    }
    // In a report or log, a line that only looks a bit like an error is noise, not a finding:
    // it is listed with the lines that matched nothing.
    const onlyMatches = outcome.lines > 1 && (covered.size > 0 || outcome.lines > POSSIBLE_MAX_LINES);
    const noteUnmatched = (segment: string) => {
      if (outcome.unmatched.length < MAX_UNMATCHED) outcome.unmatched.push(clip(segment, UNMATCHED_CHARS));
    };
    const fuzzyDone = new Map<string, Found[]>();
    let fuzzed = 0;
    for (const [segment, { line, count, routine }] of rest) {
      const occurrence: Occurrence = { values: {}, line, text: clip(segment, OCCURRENCE_CHARS) };
      const { bare, query, exactHere, key } = reading(segment, line - 1, routine);
      const same = fuzzyDone.get(key);
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
      const { shown } =
        traced.get(key) ?? scoreSegment(segment, bare, query, fuzzy, hitPages, routine, exactHere);
      const hits = (onlyMatches ? shown.filter((s) => s.verdict === 'match') : shown).map((s) =>
        foundOf(s, count, occurrence),
      );
      fuzzyDone.set(key, hits);
      if (!hits.length) noteUnmatched(segment);
      found.push(...hits);
    }

    // A short paste of a few lines that nothing matched exactly (a ticket, a chat or an email about
    // one problem; not a report: onlyMatches) is also read whole: its lines together may describe
    // what no one line says.
    if (fuzzy && !onlyMatches && rest.size >= 2) {
      const whole = [...rest.keys()].join(' ');
      const at = [...rest.values()].map((r) => r.line - 1);
      // Its lines of routine work were left out above.
      const { bare, query } = reading(whole, -1, false);
      const { scored, shown } = scoreSegment(whole, bare, query, fuzzy, hitPages, false);
      if (trace?.segment) traced.set(`\u0001${whole}`, { scored, shown, at });
      // Read whole, the paste is one error that the model is sure of (an SDK exception's header line
      // and its detail on the next): what its lines guessed alone were readings of parts of it, so
      // their guesses go, and the error is counted once.
      if (shown[0]?.verdict === 'match') {
        const sureOnly = found.filter((f) => f.verdict === 'match');
        found.splice(0, found.length, ...sureOnly);
      }
      // A page its lines found already is counted once.
      const pagesFound = new Set(found.map((f) => f.page));
      const occurrence = { values: {}, line: at[0]! + 1, text: clip(whole, OCCURRENCE_CHARS) };
      for (const s of shown) found.push(foundOf(s, pagesFound.has(s.page) ? 0 : 1, occurrence));
    }

    for (const [key, { scored, at }] of traced) trace?.segment?.(scored, at, key.startsWith('\u0001'));

    // One result per page: the strongest verdict, all occurrences counted.
    const byPage = new Map<number, MatchResult & { firstLine: number; p: number }>();
    for (const f of found) {
      const [slug, title] = index.pages[f.page]!;
      const message = fuzzy?.preview(f.page) ?? '';
      const r = byPage.get(f.page);
      if (!r) {
        byPage.set(f.page, {
          slug,
          title,
          message,
          verdict: f.verdict,
          confidence: f.confidence,
          p: f.p,
          via: f.via,
          values: f.occurrence.values,
          types: f.types,
          ...(general.has(f.page) ? { general: true as const } : {}),
          count: f.count,
          occurrences: [f.occurrence],
          firstLine: f.occurrence.line,
          ...(f.features ? { features: f.features } : {}),
          ...(f.exactFeatures ? { exactFeatures: f.exactFeatures } : {}),
        });
        continue;
      }
      r.count += f.count;
      // A reading that counts nothing more (a short paste read whole, whose page a line found)
      // adds no place either: the error is on the line that found it. (It still ranks the page
      // from the paste's start, among results as sure.)
      if (f.count > 0 && r.occurrences.length < MAX_OCCURRENCES) r.occurrences.push(f.occurrence);
      r.firstLine = Math.min(r.firstLine, f.occurrence.line);
      const stronger =
        (f.verdict === 'match' && r.verdict !== 'match') ||
        (f.verdict === r.verdict && f.confidence > r.confidence);
      if (stronger)
        Object.assign(r, {
          verdict: f.verdict,
          confidence: f.confidence,
          p: f.p,
          via: f.via,
          values: f.occurrence.values,
          types: f.types,
          features: f.features,
          exactFeatures: f.exactFeatures,
        });
    }
    // Nothing found, or only guesses: say which QuickBooks fault it was, if the paste carries one: a
    // fault body, or a code, or a QBO title on a line about QuickBooks (a log line: "HTTP 429
    // ThrottleExceeded"). Under guesses, the fault may well be one the knowledge base lacks.
    const sure = [...byPage.values()].some((r) => r.verdict === 'match');
    const fault = faults.find((f) => f.code || f.message);
    const code = fault ? '' : String(findCodes(cut(text, LINE_CHARS))[0] ?? '');
    const title = fault || sure ? '' : faultTitle(rest.keys());
    if (!sure && (fault ?? (code || title))) {
      const said = fault
        ? { code: fault.code.toWellFormed(), title: fault.message.toWellFormed() }
        : { code, title };
      const pages = faultPages(said);
      // Under guesses, only a fault that none of them has the code or title of: a guess that has
      // it may well be the answer.
      if (![...byPage.keys()].some((p) => pages.has(p)))
        // An outcome that still needs fuzzy search is not the last word (the browser asks again,
        // with every part of the index here): the pages come with that one.
        outcome.fault = outcome.needsFuzzy ? said : withPages(said, pages);
    }
    const sorted = [...byPage.values()].sort(
      (a, b) =>
        Number(b.verdict === 'match') - Number(a.verdict === 'match') ||
        b.confidence - a.confidence ||
        a.firstLine - b.firstLine,
    );
    // A guess after the first result is a runner-up to it: its confidence is read beside the
    // first's (`after`, fitted on such guesses). Still in the order of their probabilities. (A
    // guess comes from fuzzy search, which brings the model.)
    const first = sorted[0];
    if (fuzzy)
      for (const r of sorted.slice(1))
        if (r.verdict === 'possible') r.confidence = Math.round(fuzzy.after(r.p, first!.p) * 100) / 100;
    outcome.results = sorted.map(({ firstLine, p, ...r }) => {
      r.occurrences.sort((a, b) => a.line - b.line);
      return r;
    });
    return outcome;
  }

  return { match };
}
