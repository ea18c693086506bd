/**
 * The fuzzy stage: Fuse.js token search over candidate pages, and the coverage measures that let a
 * typo-ridden or cut-off message still be a confident `match`. Kept apart from the exact stage so
 * the browser loads Fuse.js and its index only when a paste needs them.
 */
import type FuseType from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import damerauLevenshtein from 'damerau-levenshtein';
import { cut as cutText } from '../cut';
import { CANDIDATES, LINE_CHARS, REPAIR_MAX_FIXES, RUN_MAX_WORDS } from './limits';
import { gatedFuse } from './term-gate';
import {
  APOSTROPHE_LEFT_OUT,
  SLOT,
  STOPWORDS,
  fuzzyKey,
  keyOfWords,
  keywordWords,
  sequenceWordsBoth,
} from './words';
import { HTTP_ERROR_NAMED, reasonPhrases } from './http';
import { stripLogPrefix, stripWrappers } from './unwrap';
import { FUSE_KEYS, KEYWORDS_FIELD, type FuzzyFields, type FuzzyIndex, type FuzzyRecord } from './types';
import type { Features } from './model';
import { afterConfidence } from './fitted';
import { compileBoosted } from './trees';
import { QUOTED } from './quoted';
import { scoreSegment, type ScoreContext, type Scored, type Segment } from './score';

/** A page's message words that turn it into its opposite (words.sequenceWords writes every "n't" as "not"). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'cannot', 'no', 'never']);
/**
 * A paste says "not" in these words too: a word of absence or trouble ("class missing for business
 * unit", "insufficient scope", "total is different from the payments") tells the page's "not" in
 * other words, not its opposite news ("Deposit total … does match…").
 */
const SAID_NOT: ReadonlySet<string> = new Set([
  ...NEGATIONS,
  // Absence.
  ...'missing without absent lack lacks lacking lacked unable'.split(' '),
  ...'none nothing nobody nowhere neither nor'.split(' '),
  // Trouble.
  ...'invalid insufficient empty blank wrong fail fails failed failing failure broken'.split(' '),
  ...'rejected rejects refused refuses denied mismatch different differs'.split(' '),
]);

/**
 * Words of success: a paste that says one (and no "not" nor word of trouble, SAID_NOT) tells good
 * news ("Payment application journaled successfully", "Sync completed: 12 invoices"), the opposite
 * of every page's error. Only those no page's wording uses count.
 */
const GOOD_NEWS: ReadonlySet<string> = new Set(
  'success successful successfully succeeded succeeds completed ok okay passed'.split(' '),
);

/** The log levels that record routine work, not a failure (.NET's `Information`, Serilog's `INF`, `DBG` and `VRB` too). */
const ROUTINE_LEVELS = 'INFORMATION|INFO|DEBUG|TRACE|NOTICE|VERBOSE|INF|DBG|VRB';
/** One of them in a line's opening prefix (what stripLogPrefix removes). */
const ROUTINE_LEVEL = new RegExp(String.raw`\b(?:${ROUTINE_LEVELS})\b`, 'i');
/**
 * The same level said elsewhere on the line than its opening prefix: as a field (`"level":"info"`,
 * `level=debug`, `"severity":"INFO"`, pino's and Bunyan's `"level":30`, Serilog's `"@l":"Debug"`), in
 * capitals between separators (Python's `… - exporter - INFO - …`, syslog's `exporter[123]: INFO …`,
 * `| INFO |`), or as glog's `I1206 03:00:00.123456` (I for info).
 */
const ROUTINE_LEVEL_FIELD = new RegExp(
  String.raw`["']?(?:\b(?:level|lvl|severity|levelname|loglevel)|@l)["']?\s{0,3}[:=]\s{0,3}["']?(?:${ROUTINE_LEVELS}|10|20|30)\b(?!["']?\s{0,3}[-.\d])`,
  'i',
);
const ROUTINE_LEVEL_SAID = new RegExp(
  String.raw`[-|:\]]\s{0,3}(?:${ROUTINE_LEVELS})\b|\b(?:${ROUTINE_LEVELS})\s{0,3}[-|:\]]|^I\d{4} \d\d:\d\d:\d\d`,
);
/** Serilog's compact JSON (CLEF) event, which leaves its level (`"@l"`) out when it is Information. */
const CLEF_EVENT = /^\{"@t":/;
const CLEF_LEVEL = /"@l":/;
/** Syslog's priority opening a line (`<14>1 2026-…`, `<30>Dec  6 …`): facility × 8 + severity. */
const SYSLOG_PRIORITY = /^<(\d{1,3})>/;

/**
 * The line was logged at a routine level: its opening prefix (what stripLogPrefix removes, the
 * line without it being `bare`) says one (ROUTINE_LEVEL), the line says one elsewhere
 * (ROUTINE_LEVEL_SAID, ROUTINE_LEVEL_FIELD), its syslog priority's severity is notice, info or
 * debug (5, 6, 7), or it is a CLEF event with no level (Information).
 */
function routineLevel(line: string, bare: string): boolean {
  const priority = SYSLOG_PRIORITY.exec(line)?.[1];
  return (
    (priority !== undefined && Number(priority) % 8 >= 5) ||
    (CLEF_EVENT.test(line) && !CLEF_LEVEL.test(line)) ||
    ROUTINE_LEVEL.test(line.slice(0, line.length - bare.length)) ||
    ROUTINE_LEVEL_SAID.test(line) ||
    ROUTINE_LEVEL_FIELD.test(line)
  );
}

/** Words that tell of an error, whatever the line's level, and however it is written. */
const TROUBLE_WORDS =
  'error errors exception exceptions warn warning warnings fault faults fatal critical failed failure failures rejected duplicate duplicates exceeded unsupported'.split(
    ' ',
  );
const TROUBLE: ReadonlySet<string> = new Set(TROUBLE_WORDS);
/** Words a person tells of trouble by, beyond an error's own (the feature `trouble`, model.ts). */
const TOLD_TROUBLE: ReadonlySet<string> = new Set(
  'reject rejects rejecting refuse refuses refused refusing denied deny blocked bounced bouncing stuck problem problems issue issues fix broke'.split(
    ' ',
  ),
);
/** One of them written apart (inside quotes too, which the word sequence reads as a value). */
const TROUBLE_WORD = new RegExp(String.raw`\b(?:${TROUBLE_WORDS.join('|')})\b`, 'i');
/** One of them counted as none: "0 failed", "zero errors", "no warnings", "errors: 0", "failed=0". */
const NONE_OF = new RegExp(
  String.raw`\b(?:0|zero|no)\s+(?:${TROUBLE_WORDS.join('|')})\b|\b(?:${TROUBLE_WORDS.join('|')})\s*[:=]\s*0\b(?![.,]\d)`,
  'gi',
);
/**
 * An HTTP error status QuickBooks returns, by its reason phrase (http.ts) or its number after HTTP's
 * name for it (`HTTP 503`, `status=429`; a number alone is no status: `146/500 requests used`), or a
 * retry: `INFO Retrying in 30s: 429 Too Many Requests` tells of a failure, whatever its level.
 */
const HTTP_TROUBLE = new RegExp(String.raw`\b(?:${reasonPhrases()})|\bretr(?:y|ying|ied|ies)\b`, 'i');

/**
 * What a text says of trouble, a count of none aside ("0 failed"): `negated`, its own "not",
 * however it was typed (the word sequence writes every "n't" as "not"), or a word of absence or
 * trouble (SAID_NOT); `errorSaid`, a word of an error (apart, or inside a camel- or snake-case name:
 * "CompletedWithErrors") or an HTTP error; `none`, it counts a word of trouble as none. `words`: the
 * text's word sequence, when the caller has it.
 */
function troubleIn(text: string, words?: readonly string[]) {
  const cleared = text.replace(NONE_OF, ' ');
  const read = cleared === text && words ? words : sequenceWordsBoth(cleared).keyed;
  return {
    none: cleared !== text,
    negated: read.some((w) => SAID_NOT.has(w)),
    errorSaid:
      TROUBLE_WORD.test(cleared) ||
      HTTP_TROUBLE.test(cleared) ||
      HTTP_ERROR_NAMED.test(cleared) ||
      read.some((w) => TROUBLE.has(w)),
  };
}

/**
 * The line was logged at a routine level (routineLevel: INFO, DEBUG, TRACE, NOTICE or VERBOSE, however
 * the log writes it) and says no word of an error, of trouble or a "not" (a count of
 * none aside: "0 failed"): it tells of work done, not of a failure (`INFO Deposit 4030 exported:
 * total matches 12 payments`).
 */
function routineLine(line: string): boolean {
  const t = cutText(line, LINE_CHARS).trim();
  if (!routineLevel(t, stripLogPrefix(t))) return false;
  const { negated, errorSaid } = troubleIn(t);
  return !negated && !errorSaid;
}

/**
 * Words a person uses to tell of an error ("we", "our", "it says", "keeps"): the `prose` feature
 * counts those no page's wording uses ("Something you're trying to use…" is QuickBooks speaking).
 */
const TELLING: ReadonlySet<string> = new Set([
  'i',
  'we',
  'our',
  'us',
  'my',
  'me',
  'says',
  'said',
  'saying',
  'tells',
  'told',
  'keeps',
  'trying',
  'tried',
]);

/** A candidate page's word features for one segment (model.ts names them), plus the raw figures the margins need. */
export interface WordFeatures {
  explained: number;
  message: number;
  ofPage: number;
  run: number;
  runWhole: number;
  runHead: number;
  runLength: number;
  unexplained: number;
  words: number;
  prose: number;
  /** The segment says a word of failure: see model.ts `trouble`. */
  trouble: number;
  negation: number;
  replaced: number;
  fuse: number;
  /** The page's keyword phrase the segment holds: see model.ts `keyword`. */
  keyword: number;
  /** Summed rarity of the explained words, in nats. */
  evidenceBits: number;
  /** The same, each word's over the rarest a word can be (a word on one page says 1, at any size). */
  evidenceWords: number;
  /** The run's length in words. */
  runWords: number;
  /** The segment's content words, wrappers, values and glue words aside (what the message itself says). */
  saidWords: number;
}

export interface FuzzySearch {
  /** Word features of the candidate pages for one segment; see `features` below. */
  features(raw: string, line: string, extra?: Iterable<number>, routine?: boolean): Map<number, WordFeatures>;
  /**
   * The line with its typos corrected (words outside quotes and brackets that the index does not
   * know but that are one slip from a word it does), or undefined when there is nothing to correct.
   * The exact stage runs again on it.
   */
  repair(line: string): string | undefined;
  /** The page's message, which a `possible` result previews (its row's first part in FuzzyIndex.pages). */
  preview(page: number): string;
  /** Whether any page's words (messages, titles, keywords, patterns) hold this word (any case). */
  knows(word: string): boolean;
  /** Whether a line tells of routine work (routineLine above): `features` reads it as good news, and the matcher does not look it up. */
  routine(line: string): boolean;
  /** A text as fuzzy search compares it (fuzzyKey in words.ts): the matcher's query for a line. */
  key(text: string): string;
  /** The `quoted` model's probability for a candidate's features (model.ts; its trees come with fuzzy search). */
  quoted(f: Features): number;
  /** Every candidate page of a segment scored by the model, best first, and the results shown (score.ts). */
  score(context: ScoreContext, segment: Segment): { scored: Scored[]; shown: Scored[] };
  /** The confidence shown for a guess after the paste's first result (fitted.ts; the model comes with fuzzy search). */
  after(p: number, first: number): number;
}

export const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: FUSE_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  // Each word of the paste is matched on its own and weighted by rarity (BM25-style): long pastes,
  // cut-off messages, prose around a message and word order all work.
  useTokenSearch: true,
};

/** The share of a wording's content words a paste must align with before a "not" it leaves out counts (negation). */
const NEGATION_COVERAGE = 0.5;

/** How far into a page's wording a run may start and still be its head (`BadRequest. Details:`). */
const RUN_HEAD_SLACK = 2;

/** Segments whose word features `features` remembers. */
const SEEN_MAX = 2000;

/**
 * One of a page's wordings (a message, a pattern, a QBO title) as the word-feature kernels below
 * read it, worked out when fuzzy search is created: each word's number (createFuzzy numbers the
 * words), which words are glue words, content words and a "not", and how many content words it has.
 */
interface Wording {
  ids: Int32Array;
  stops: Uint8Array;
  content: Uint8Array;
  negations: Uint8Array;
  contentCount: number;
}

/**
 * What the kernels work in, one per fuzzy search, reused wording after wording: which word of the
 * paste's first RUN_MAX_WORDS is which of the wording's (`alike`), the runs ending at the paste's
 * previous word and at this one (runOf), the alignments (alignmentOf); and each word's place among
 * the words spelt backwards (sameWords finds a cut first word's possible endings by it). The
 * kernels are plain functions of these, not closures of one fuzzy search, so that the code the
 * engine optimises serves every matcher made.
 */
interface Workspace {
  alike: Uint8Array;
  runRows: [Int32Array, Int32Array, Int32Array, Int32Array];
  aligned: Uint16Array;
  endingPlace: Int32Array;
}

/**
 * A segment's first RUN_MAX_WORDS words (words.sequenceWords) as the page-by-page features
 * read them, worked out once per segment: each word's number (-1 for a word no wording or keyword
 * phrase has), the numbers of the words it is a typing slip of, whether it is a content word, and
 * whether runOf counts it as one (a content word that the wordings have, or a slip of one). The
 * last word may be cut short: `startFrom`-`startTo` are the numbers of the words it may be the
 * start of; the first may be the tail of a word of two letters or more: `endFrom`-`endTo` are the
 * places (endingPlace) of the words it may end. Empty ranges for a slot, `#`.
 */
interface PasteWords {
  words: readonly string[];
  ids: Int32Array;
  slips: (readonly number[])[];
  content: Uint8Array;
  counted: Uint8Array;
  startFrom: number;
  startTo: number;
  endFrom: number;
  endTo: number;
}

/** A word that says something: not a value slot, not a glue word. */
const content = (w: string) => w !== SLOT && !STOPWORDS.has(w);

/** Where `w` would stand in a sorted list (UTF-16 code units, as `<` and startsWith compare): the first place whose word is not before it. */
const lowerBound = (sorted: readonly string[], w: string) => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
/** The places [from, to) of the words in a sorted list that start with `w`: they stand together, from where `w` would stand. */
const prefixRange = (sorted: readonly string[], w: string): [number, number] => {
  const from = lowerBound(sorted, w);
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.startsWith(w)) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
};

/** Whether a sorted list holds a word that starts with `w`. */
const startsAny = (sorted: readonly string[], w: string) => {
  const at = lowerBound(sorted, w);
  return at < sorted.length && sorted[at]!.startsWith(w);
};

/** A word spelt backwards, by UTF-16 code units: a word ends with another when its backward spelling starts with theirs. */
const backwards = (w: string) => w.split('').reverse().join('');

/** The paste's i-th word is the word numbered v: itself, or a typing slip of it (a slot, `#`, is any value, and has no slip). */
const typedAs = (paste: PasteWords, i: number, v: number): boolean =>
  paste.ids[i] === v || paste.slips[i]!.includes(v);

/** Whether the set holds any of the words. */
const holdsAny = (have: ReadonlySet<string>, words: readonly string[]) => {
  for (const v of words) if (have.has(v)) return true;
  return false;
};

/**
 * Fills `alike` for one of a page's wordings: alike[i * m + j] is 1 when the paste's i-th word is
 * the wording's j-th, itself or a slip of it, or cut at the paste's ends (its first word may be
 * the tail of a word and its last the start of one). Says whether any word is alike: a wording
 * that shares none has no run and aligns nowhere, and the caller passes it by.
 */
function sameWords(paste: PasteWords, wording: Wording, space: Workspace): boolean {
  const { alike, endingPlace } = space;
  const ids = wording.ids;
  const m = ids.length;
  const n = paste.words.length;
  let any = 0;
  for (let i = 0; i < n; i++) {
    const id = paste.ids[i]!;
    const slips = paste.slips[i]!;
    const row = i * m;
    if (!slips.length && i !== 0 && i !== n - 1) {
      // Most words: the same word or not.
      for (let j = 0; j < m; j++) any |= alike[row + j] = ids[j] === id ? 1 : 0;
      continue;
    }
    const startFrom = i === n - 1 ? paste.startFrom : 0;
    const startTo = i === n - 1 ? paste.startTo : 0;
    const endFrom = i === 0 ? paste.endFrom : 0;
    const endTo = i === 0 ? paste.endTo : 0;
    for (let j = 0; j < m; j++) {
      const v = ids[j]!;
      any |= alike[row + j] =
        v === id ||
        slips.includes(v) ||
        (v >= startFrom && v < startTo) ||
        (endingPlace[v]! >= endFrom && endingPlace[v]! < endTo)
          ? 1
          : 0;
    }
  }
  return any === 1;
}

/**
 * The longest run of the paste's words, in order, that one of the page's messages holds, word by
 * word as `alike` says (sameWords). `content` counts the run's words that are neither glue words
 * nor values; `end` is the index of the run's last word in the paste, `from` where it starts in
 * the page's wording.
 */
interface Run {
  run: number;
  content: number;
  end: number;
  from: number;
}
/** Takes a wording of the page (`alike` filled for it) into `best`, the longest run of the wordings before it. */
function runOf(paste: PasteWords, wording: Wording, space: Workspace, best: Run): void {
  const { alike } = space;
  const stop = wording.stops;
  const m = stop.length;
  // The run, and its content words, ending at the paste's previous word (prev) and this one
  // (row), at each word of the wording: two rows of numbers, swapped after each word. A row's
  // first number is never written, and stays 0.
  let [prevRun, prevContent, rowRun, rowContent] = space.runRows;
  prevRun.fill(0, 0, m + 1);
  prevContent.fill(0, 0, m + 1);
  for (let i = 0; i < paste.words.length; i++) {
    const isContent = paste.counted[i] === 1;
    for (let j = 0; j < m; j++) {
      if (alike[i * m + j]) {
        const run = prevRun[j]! + 1;
        const contentWords = prevContent[j]! + (isContent && !stop[j] ? 1 : 0);
        rowRun[j + 1] = run;
        rowContent[j + 1] = contentWords;
        if (run > best.run || (run === best.run && contentWords > best.content)) {
          best.run = run;
          best.content = contentWords;
          best.end = i;
          best.from = j + 1 - run;
        }
      } else {
        rowRun[j + 1] = 0;
        rowContent[j + 1] = 0;
      }
    }
    [prevRun, rowRun] = [rowRun, prevRun];
    [prevContent, rowContent] = [rowContent, prevContent];
  }
}

/**
 * Content words the paste says where the page's wording says other content words: in the best
 * in-order alignment of the paste's words with one of the page's wordings (typos allowed; on a tie,
 * the wording that replaces fewest), each stretch before an aligned word in which both still have
 * content words counts the fewer of the two. "Currency mismatch between…" against
 * "Classification mismatch between…" replaces one; a cut-off message or its second half leaves
 * words out on one side only, and replaces none. Words after the last aligned one are not counted
 * (a log line goes on after the message). A value the page's example wording spells out (a name
 * where its pattern has a placeholder) counts too when that wording aligns best: the fitted
 * weight reads the feature as it is (calibrate measured it so, against leaving values out).
 * On the same alignment, `opposite`: a "not" of the wording lies between two aligned words (not
 * before the first, as in a second half, nor after the last, as in a cut-off), the paste aligns
 * with at least NEGATION_COVERAGE of the wording's content words, and (the caller checks) says no
 * "not" of its own: "QBO Class X was found for…" against "QBO Class X was not found for…".
 */
interface Alignment {
  common: number;
  replaced: number;
  opposite: boolean;
}
/** Takes a wording of the page (`alike` filled for it) into `best`, the best alignment of the wordings before it. */
function alignmentOf(paste: PasteWords, wording: Wording, space: Workspace, best: Alignment): void {
  const isContent = wording.content;
  const isNot = wording.negations;
  const m = isContent.length;
  const n = paste.words.length;
  const eq = space.alike;
  // common[i * w + j]: the longest in-order alignment of words[i..] with seq[j..] (none past either end).
  const w = m + 1;
  const common = space.aligned;
  common.fill(0, n * w, n * w + w);
  for (let i = n - 1; i >= 0; i--) {
    common[i * w + m] = 0;
    for (let j = m - 1; j >= 0; j--)
      common[i * w + j] = eq[i * m + j]
        ? common[(i + 1) * w + j + 1]! + 1
        : Math.max(common[(i + 1) * w + j]!, common[i * w + j + 1]!);
  }
  let i = 0;
  let j = 0;
  let inPaste = 0;
  let inPage = 0;
  let replaced = 0;
  // A "not" of the page's left out between two aligned words, and the page's content words aligned.
  let notLeftOut = false;
  let inside = false;
  let alignedWords = 0;
  let alignedContent = 0;
  while (i < n && j < m) {
    if (eq[i * m + j] && common[i * w + j] === common[(i + 1) * w + j + 1]! + 1) {
      replaced += Math.min(inPaste, inPage);
      if (notLeftOut && alignedWords > 0) inside = true;
      inPaste = inPage = 0;
      notLeftOut = false;
      alignedWords++;
      if (isContent[j]) alignedContent++;
      i++;
      j++;
    } else if (common[(i + 1) * w + j]! >= common[i * w + j + 1]!) {
      if (paste.content[i]) inPaste++;
      i++;
    } else {
      if (isContent[j]) inPage++;
      if (isNot[j]) notLeftOut = true;
      j++;
    }
  }
  const total = common[0]!;
  const opposite = inside && alignedContent >= NEGATION_COVERAGE * Math.max(1, wording.contentCount);
  if (total > best.common || (total === best.common && replaced < best.replaced)) {
    best.common = total;
    best.replaced = replaced;
    best.opposite = opposite;
  }
}

/** The `quoted` model, laid out for the many candidates it scores (once, for every matcher made). */
const quoted = compileBoosted(QUOTED);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `Fuse` is passed in (not imported) so that the caller decides when the library loads. */
export function createFuzzy(Fuse: typeof FuseType, index: FuzzyIndex, pageCount: number): FuzzySearch {
  // Each page's Fuse record fields: the index's, and the keywords' field, which Fuse.js builds here
  // from the keyword phrases (the index carries each keyword once).
  const keywordKey = FUSE_KEYS[Number(KEYWORDS_FIELD)]!.name;
  const keywordRecords = Fuse.createIndex(
    [keywordKey],
    index.pages.map(([, , , , phrases]) => ({ [keywordKey]: keywordWords(phrases) })),
  ).toJSON().records as { $?: FuzzyFields }[];
  const fieldsOf: FuzzyFields[] = index.pages.map(([, , fields], p) => {
    const k = keywordRecords[p]?.$?.['0'];
    return k ? { ...fields, [KEYWORDS_FIELD]: k } : fields;
  });
  // Which pages hold each word of the Fuse records (messages, titles, keywords), and how rare it is (idf).
  const pagesOf = new Map<string, number[]>();
  // Each page's Fuse record's words (messages, title, keywords), read once.
  const recordWords = fieldsOf.map(
    (fields) =>
      new Set(
        Object.values(fields)
          .flatMap((f) => (f.v ?? '').split(' '))
          .filter(Boolean),
      ),
  );
  recordWords.forEach((words, i) => {
    for (const w of words) pushTo(pagesOf, w, i);
  });
  // Each word's rarity, computed once (a word the records lack has the rarity of one on every page).
  const idfOf = new Map([...pagesOf].map(([w, pages]) => [w, Math.log(1 + pageCount / pages.length)]));
  const common = Math.log(1 + pageCount / pageCount);
  const idf = (w: string) => idfOf.get(w) ?? common;

  // Word sequences per page (messages, patterns, QBO titles, glue words kept), for fragments: a
  // cut-off message, its second half, a typo'd copy.
  const sequences = index.pages.map(([, seq]) => seq.map((t) => t.split(' ')));
  /** Each word of each wording, looked up once: 1 where `test` holds. */
  const flags = (test: (w: string) => boolean) =>
    sequences.map((list) => list.map((seq) => Uint8Array.from(seq, (w) => (test(w) ? 1 : 0))));
  // Which words of each wording are glue words, content words, and a "not" (alignmentOf reads them).
  const sequenceStops = flags((w) => STOPWORDS.has(w));
  const sequenceContent = flags(content);
  const sequenceNegations = flags((w) => NEGATIONS.has(w));
  /** The longest wording's length in words: the size of the scratch space the word features work in. */
  const longest = sequences.reduce((a, list) => list.reduce((b, seq) => Math.max(b, seq.length), a), 1);
  const sequenceVocab = new Set(sequences.flat(2));
  const telling = new Set([...TELLING].filter((w) => !sequenceVocab.has(w)));
  const goodNews = new Set([...GOOD_NEWS].filter((w) => !sequenceVocab.has(w)));

  // Every word the index knows, found again from any of its one-letter deletions: two words one
  // slip apart (a letter dropped, added, changed or two swapped) share one (SymSpell's idea).
  const known = new Set([...pagesOf.keys(), ...sequenceVocab]);
  known.delete(SLOT);
  const deletions = (w: string) => [w, ...Array.from(w, (_, i) => w.slice(0, i) + w.slice(i + 1))];
  const byDeletion = new Map<string, string[]>();
  for (const w of known) for (const d of new Set(deletions(w))) pushTo(byDeletion, d, w);
  const slips = new Map<string, string[]>();
  /**
   * The index's words that an unknown word is one typing slip from (Damerau-Levenshtein distance
   * 1: a swap of two neighbouring letters is one slip). Three-letter words only count swapped
   * letters ("kye"). Known words are never typos.
   */
  const slipOf = (w: string): string[] => {
    let r = slips.get(w);
    if (r !== undefined) return r;
    r = [];
    if (!known.has(w) && w.length >= 3 && w.length <= 32) {
      const sorted = w.length === 3 ? Array.from(w).sort().join('') : '';
      // The words that share a deletion with w, each once, in the order first met.
      const met = new Set<string>();
      for (const d of deletions(w))
        for (const v of byDeletion.get(d) ?? []) {
          if (met.has(v)) continue;
          met.add(v);
          if (
            sorted
              ? v.length === 3 && Array.from(v).sort().join('') === sorted
              : damerauLevenshtein(w, v).steps <= 1
          )
            r.push(v);
        }
    }
    if (slips.size < 5000) slips.set(w, r);
    return r;
  };
  /**
   * The Fuse records' words a paste's word stands for: itself, or the words it is a slip of. A word
   * that is neither is a value such as an account name: it would only drag the score down, so
   * fuzzy search drops it.
   */
  const resolve = (w: string): string[] => (pagesOf.has(w) ? [w] : slipOf(w).filter((v) => pagesOf.has(v)));
  const distinctive = (query: string) =>
    query
      .split(' ')
      .filter((w) => w.length >= 2 && resolve(w).length > 0)
      .join(' ');

  /**
   * Candidate pages for fuzzy search: the pages holding the paste's words, rarest words counting
   * most. Fuse then scores only these, so fuzzy search costs the same at 22 pages or 2,200.
   */
  // Scratch space for `candidates`: a page's score, and the pages in the order they were first scored.
  const scoreOf = new Float64Array(pageCount);
  const scoredYet = new Uint8Array(pageCount);
  const candidates = (query: string): number[] => {
    const order: number[] = [];
    const add = (p: number, g: number) => {
      if (!scoredYet[p]) {
        scoredYet[p] = 1;
        order.push(p);
      }
      scoreOf[p] = scoreOf[p]! + g;
    };
    for (const w of new Set(query.split(' '))) {
      const meant = resolve(w);
      // A word that stands for one index word adds its rarity to each page that has it (each page
      // once: a record's words are distinct); one that stands for several, the highest per page.
      if (meant.length === 1) {
        const weight = idf(meant[0]!);
        for (const p of pagesOf.get(meant[0]!) ?? []) add(p, weight);
        continue;
      }
      const gain = new Map<number, number>();
      for (const v of meant) {
        const weight = idf(v);
        for (const p of pagesOf.get(v) ?? []) gain.set(p, Math.max(gain.get(p) ?? 0, weight));
      }
      for (const [p, g] of gain) add(p, g);
    }
    // The CANDIDATES best, highest score first, ties in the order the pages were first scored (a
    // stable sort of every scored page, cut to CANDIDATES, without sorting them all).
    const best: number[] = [];
    for (const p of order) {
      const s = scoreOf[p]!;
      if (best.length === CANDIDATES && s <= scoreOf[best[CANDIDATES - 1]!]!) continue;
      let at = best.length;
      while (at > 0 && scoreOf[best[at - 1]!]! < s) at--;
      best.splice(at, 0, p);
      if (best.length > CANDIDATES) best.pop();
    }
    const out = best.slice();
    for (const p of order) {
      scoreOf[p] = 0;
      scoredYet[p] = 0;
    }
    return out;
  };
  // Fuse.js, with the word searches whose answer the text decides answered without Bitap (term-gate.ts).
  const GatedFuse = gatedFuse(Fuse);
  const searchCandidates = (query: string, pages: number[]) => {
    // Fuse's records of these pages, numbered as the documents below.
    const subset = pages.map((p, i) => ({ i, $: fieldsOf[p] ?? {} }));
    const fuse = new GatedFuse<FuzzyRecord>(
      pages.map((p) => ({ p })),
      FUSE_OPTIONS,
      Fuse.parseIndex<FuzzyRecord>({ keys: index.keys, records: subset } as never),
    );
    return fuse.search(query);
  };

  // Message words per page (the `m` field of record i is page i), for the coverage check below;
  // and all of a page's words (messages, title, keywords, summary), for the evidence a suggestion needs.
  const messageWords: Set<string>[] = Array.from({ length: pageCount }, () => new Set());
  const pageWords: Set<string>[] = Array.from({ length: pageCount }, () => new Set());
  index.pages.forEach(([, , , about], i) => {
    const fields = fieldsOf[i]!;
    messageWords[i] = new Set((fields['0']?.v ?? '').split(' '));
    pageWords[i] = new Set([...recordWords[i]!, ...about.split(' ')]);
  });
  // The same words sorted, for the one look-up a set cannot answer: a word that starts with a cut one.
  const messageWordLists = messageWords.map((words) => [...words].sort());
  const pageWordLists = pageWords.map((words) => [...words].sort());
  /** The rarity of a word on one page only: what a word the index does not know says. */
  const rarest = Math.log(1 + pageCount);

  // Each page's keywords (what people call the error), each a word sequence.
  const keyPhrases = index.pages.map(([, , , , keys]) => keys.map((k) => k.split(' ')));
  // What each keyword phrase says (keywordOf): its words' rarity, each over the rarest a word can be, summed, over 2.
  const keyPhraseWeights = keyPhrases.map((phrases) =>
    phrases.map((phrase) => phrase.reduce((a, v) => a + (v === SLOT ? 0 : idf(v) / rarest), 0) / 2),
  );

  // Every word of the pages' wordings and keyword phrases, numbered in sorted order: the word
  // features compare a paste's words with a page's as numbers, in loops that meet each pair, and
  // the words that start with a cut one have numbers in a range (prefixRange).
  const vocabulary = [...new Set([...sequences.flat(2), ...keyPhrases.flat(2)])].sort();
  const wordIds = new Map(vocabulary.map((w, id) => [w, id]));
  const idOf = (w: string) => wordIds.get(w)!;
  // The words spelt backwards, sorted, and each word's place among them: the words that end with a
  // cut one have places in a range.
  const endings = vocabulary.map(backwards).sort();
  const endingPlace = Int32Array.from(vocabulary, (w) => lowerBound(endings, backwards(w)));
  const sequenceIds = sequences.map((list) => list.map((seq) => Int32Array.from(seq, idOf)));
  const keyPhraseIds = keyPhrases.map((phrases) => phrases.map((phrase) => Int32Array.from(phrase, idOf)));

  const pasteWords = (words: readonly string[]): PasteWords => {
    const n = words.length;
    const last = words[n - 1];
    const first = words[0];
    const [startFrom, startTo] =
      last !== undefined && last.length >= 1 && last !== SLOT ? prefixRange(vocabulary, last) : [0, 0];
    const [endFrom, endTo] =
      first !== undefined && first.length >= 2 && first !== SLOT
        ? prefixRange(endings, backwards(first))
        : [0, 0];
    const paste: PasteWords = {
      words,
      ids: new Int32Array(n),
      slips: [],
      content: new Uint8Array(n),
      counted: new Uint8Array(n),
      startFrom,
      startTo,
      endFrom,
      endTo,
    };
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      const slips = slipOf(w);
      paste.ids[i] = wordIds.get(w) ?? -1;
      paste.slips.push(slips.flatMap((v) => wordIds.get(v) ?? []));
      paste.content[i] = content(w) ? 1 : 0;
      paste.counted[i] = content(w) && (sequenceVocab.has(w) || slips.length > 0) ? 1 : 0;
    }
    return paste;
  };

  /**
   * The page's keyword phrases the paste's words hold word for word, in order (typing slips
   * allowed; the paste's glue words may stand between them, but never a "not" or a word of trouble:
   * "QuickBooks is down" holds "QuickBooks down"): of those, the one whose words say most, their
   * rarity each over the rarest a word can be, summed, over 2 (clipped to 1). "server error" said in
   * a person's own words.
   */
  const keywordOf = (paste: PasteWords, page: number): number => {
    let best = 0;
    const n = paste.words.length;
    const phrases = keyPhraseIds[page] ?? [];
    const glue = (i: number) => !paste.content[i] && !SAID_NOT.has(paste.words[i]!);
    for (let k = 0; k < phrases.length; k++) {
      const phrase = phrases[k]!;
      for (let i = 0; i + phrase.length <= n; i++) {
        let j = 0;
        for (let at = i; j < phrase.length && at < n; at++) {
          if (typedAs(paste, at, phrase[j]!)) j++;
          else if (j === 0 || !glue(at)) break;
        }
        if (j === phrase.length) {
          best = Math.max(best, keyPhraseWeights[page]![k]!);
          break;
        }
      }
    }
    return Math.min(1, best);
  };

  /**
   * A segment's words as `coverage` reads them, worked out once per segment: its distinct words of
   * two letters or more, what each says (its rarity; a word the index does not know says as much as
   * the rarest word it does), the words each is a slip of, and what they say together.
   */
  interface Sayings {
    words: string[];
    says: number[];
    slips: string[][];
    total: number;
  }
  const sayings = (raw: string): Sayings => {
    const words = [...new Set(raw.split(' ').filter((w) => w.length >= 2))];
    let total = 0;
    const says = words.map((w) => {
      const meant = resolve(w);
      const s = meant.length ? Math.max(0, ...meant.map(idf)) : rarest;
      total += s;
      return s;
    });
    return { words, says, slips: words.map(slipOf), total };
  };
  /**
   * Share of the paste's words (all of them, known to the index or not; values in quotes and
   * brackets aside) that the page's messages contain (typos count, and a last word cut short), and
   * how much those words say (the sum of their rarity). A typo-ridden or cut-off message covers its
   * own page almost fully; an unrelated error that shares a few words does not.
   */
  const coverage = (
    said: Sayings,
    page: number,
    of: Set<string>[] = messageWords,
    ofLists: string[][] = messageWordLists,
  ): { ofPage: number; info: number; infoShare: number; missed: number } => {
    const { words, says, slips } = said;
    const have = of[page]!;
    let hit = 0;
    let info = 0;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      // The last word may be cut short.
      if (
        have.has(w) ||
        holdsAny(have, slips[k]!) ||
        (k === words.length - 1 && startsAny(ofLists[page]!, w))
      ) {
        hit++;
        info += says[k]!;
      }
    }
    return {
      ofPage: hit / Math.max(1, have.size),
      info,
      infoShare: info / Math.max(1e-9, said.total),
      missed: words.length - hit,
    };
  };

  function repair(line: string): string | undefined {
    let fixes = 0;
    // A word with an apostrophe ("didn't", "you're") is taken whole and as written: its part
    // before the apostrophe is no slip of another word ("didn" is not "did").
    const text = line.replace(/"[^"\n]{0,80}"|\([^()\n]{0,80}\)|\p{L}+(?:['’]\p{L}+)*/gu, (word) => {
      if (!/^\p{L}/u.test(word) || /['’]/.test(word)) return word;
      const w = word.toLowerCase();
      // "doesnt", "cant": the apostrophe is the slip, and the message writes it.
      if (APOSTROPHE_LEFT_OUT.test(w)) {
        fixes++;
        return `${word.slice(0, -1)}'${word.slice(-1)}`;
      }
      let near = slipOf(w);
      // Two words one slip away ("acount": account, amount): a dropped letter is the likelier slip.
      if (near.length > 1) near = near.filter((v) => v.length === w.length + 1);
      if (near.length !== 1) return word;
      fixes++;
      return near[0]!;
    });
    return fixes && fixes <= REPAIR_MAX_FIXES ? text : undefined;
  }

  // The wordings as the word-feature kernels read them, and the space they work in.
  const wordings: Wording[][] = sequences.map((list, page) =>
    list.map((_, k) => ({
      ids: sequenceIds[page]![k]!,
      stops: sequenceStops[page]![k]!,
      content: sequenceContent[page]![k]!,
      negations: sequenceNegations[page]![k]!,
      // Its content words, counted once (the negation feature reads the share aligned).
      contentCount: sequenceContent[page]![k]!.reduce((a, b) => a + b, 0),
    })),
  );
  const space: Workspace = {
    alike: new Uint8Array(RUN_MAX_WORDS * longest),
    runRows: [0, 1, 2, 3].map(() => new Int32Array(longest + 1)) as Workspace['runRows'],
    aligned: new Uint16Array((RUN_MAX_WORDS + 1) * (longest + 1)),
    endingPlace,
  };

  /**
   * The word features of each candidate page for one segment (see model.ts): the pages that hold
   * the segment's rarest words, plus `extra` (pages named by a code, a title or a corrected typo).
   * `raw` is the segment reduced to words (normalize.fuzzyKey), `line` the segment itself.
   */
  /**
   * Features already computed, by everything they are computed from: a segment met again (the same
   * message with other values, which word features do not see, or the same wrapper line in another
   * paste) costs a look-up. The oldest is dropped past SEEN_MAX.
   */
  const seen = new Map<string, Map<number, WordFeatures>>();

  function features(
    raw: string,
    line: string,
    extra: Iterable<number> = [],
    routine = false,
  ): Map<number, WordFeatures> {
    // The message itself: the line's start (a 200 KB line costs what 2 KB does) without the
    // wrappers many pages share (`BadRequest. Details:`), which are evidence for none of them.
    const message = stripWrappers(cutText(line, LINE_CHARS));
    const { keyed: allWords, plain } = sequenceWordsBoth(message);
    const said = keyOfWords(plain);
    const saidWords = said ? said.split(' ').length : 0;
    const seqWords = allWords.slice(0, RUN_MAX_WORDS);
    const cut = /…|\.\.\./.test(message);
    // A word of trouble counted as none ("0 failed", "errors: 0") is no trouble: it tells that
    // things went fine, when nothing else the line says tells of an error.
    // A word of an error ("completed with errors") is trouble, whatever else the line says.
    const { none, negated, errorSaid } = troubleIn(message, allWords);
    // Good news in so many words, a count of none, or a line logged at a routine level
    // (routineLine), with no trouble said: the opposite news of every candidate.
    const good = !negated && !errorSaid && (routine || none || allWords.some((w) => goodNews.has(w)));
    // The segment's own features, the same for every candidate page.
    const words = Math.min(1, seqWords.filter((w) => w !== SLOT).length / 10);
    const prose = Math.min(1, allWords.filter((w) => telling.has(w)).length / 2);
    const trouble = negated || errorSaid || allWords.some((w) => TOLD_TROUBLE.has(w)) ? 1 : 0;
    const named = [...extra];
    // Everything the features are computed from (words hold no NUL and no comma). `prose` reads
    // every word, past the ones `seqWords` keeps, and its glue words ("we") are not in `said`.
    const key = [raw, said, seqWords.join(' '), cut, negated, good, prose, trouble, named.join(',')].join(
      '\u0000',
    );
    const known = seen.get(key);
    if (known) return new Map(known);

    // The segment's words as the page-by-page features read them, worked out once.
    const paste = pasteWords(seqWords);
    const saidSays = sayings(said);
    const rawSays = sayings(raw);
    const pageFeatures = (page: number, fuseScore: ReadonlyMap<number, number>): WordFeatures => {
      const e = coverage(saidSays, page, pageWords, pageWordLists);
      const m = coverage(rawSays, page);
      // Each of the page's wordings, compared word by word with the paste once, read by both runOf and alignmentOf.
      const r: Run = { run: 0, content: 0, end: -1, from: -1 };
      const a: Alignment = { common: 0, replaced: 0, opposite: false };
      for (const wording of wordings[page] ?? []) {
        if (!sameWords(paste, wording, space)) continue;
        runOf(paste, wording, space, r);
        alignmentOf(paste, wording, space, a);
      }
      return {
        explained: e.infoShare,
        message: m.infoShare,
        ofPage: m.ofPage,
        evidenceBits: e.info,
        evidenceWords: e.info / rarest,
        runWords: r.run,
        saidWords,
        runLength: Math.min(1, r.run / 10),
        unexplained: Math.min(1, e.missed / 10),
        words,
        prose,
        trouble,
        run: r.run / Math.max(1, seqWords.length),
        // The run is the whole paste: it starts at its first word and ends at its last, or where
        // the paste shows it was cut.
        runWhole: r.run > 0 && r.end - r.run + 1 === 0 && (cut || r.end === seqWords.length - 1) ? 1 : 0,
        // The run starts where one of the page's wordings starts (a wrapper of two words aside):
        // "Payroll settings cannot be updated through the QBO…" runs on from the middle of it.
        runHead: r.run >= 2 && r.from <= RUN_HEAD_SLACK ? 1 : 0,
        // "QBO Class "X" was found for Business Unit "Y"" holds every word of the class-not-found
        // message but its "not": the opposite news, not that error.
        // Only a paste that holds most of the message can say its opposite: a code and a title
        // ("Error 120 Authorization Failure") say nothing either way.
        negation: good || (!negated && a.opposite) ? 1 : 0,
        replaced: Math.min(1, a.replaced / 3),
        fuse: 1 - (fuseScore.get(page) ?? 1),
        keyword: keywordOf(paste, page),
      };
    };
    const out = new Map<number, WordFeatures>();
    const query = distinctive(raw);
    const pool = [...new Set([...(query ? candidates(query) : []), ...named])];
    if (pool.length) {
      const fuseScore = new Map<number, number>();
      if (query)
        for (const r of searchCandidates(query, pool)) {
          const s = r.score ?? 1;
          if (s < (fuseScore.get(r.item.p) ?? 2)) fuseScore.set(r.item.p, s);
        }
      for (const page of pool) out.set(page, Object.freeze(pageFeatures(page, fuseScore)));
    }
    if (seen.size >= SEEN_MAX) seen.delete(seen.keys().next().value!);
    seen.set(key, out);
    return new Map(out);
  }

  const search: FuzzySearch = {
    features,
    repair,
    preview: (page) => index.pages[page]?.[0] ?? '',
    knows: (word) => pagesOf.has(word.toLowerCase()) || sequenceVocab.has(word.toLowerCase()),
    routine: routineLine,
    key: fuzzyKey,
    quoted,
    score: (context, segment) => scoreSegment(search, context, segment),
    after: (p, first) => afterConfidence(p, first),
  };
  return search;
}
