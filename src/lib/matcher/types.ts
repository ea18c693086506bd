/** Shapes shared by the index builder, the matcher and its callers. */
import type { ExactFeatures, Features } from './model';

export type Verdict = 'match' | 'possible';

/** How a result was found, strongest first: `typo` is an exact pattern after correcting typing slips. */
export type Via = 'pattern' | 'typo' | 'general' | 'code' | 'fuzzy';

/** One Fuse record per page (record i is page i). */
export interface FuzzyRecord {
  /** Page index. */
  p: number;
  /** The distinct words of the page's messages, patterns and QBO titles. */
  m?: string;
  /** Plain-language title, reduced to words. */
  t?: string;
  /** The page's keywords, reduced to words. */
  k?: string;
}

export const FUSE_KEYS = [
  { name: 'm', weight: 3 },
  { name: 't', weight: 1 },
  { name: 'k', weight: 1 },
] as const;

/** The keywords' field of a Fuse record (its key's place in FUSE_KEYS): not in /fuzzy-index.json, which carries each keyword once, as a phrase. */
export const KEYWORDS_FIELD = String(FUSE_KEYS.findIndex((k) => k.name === 'k'));

/**
 * The exact stage's index (/match-index.json): compact, because every visit with a paste downloads
 * it before the first result. Each pattern is its template; the matcher compiles what it needs
 * (pattern.ts), so the index holds no regex source and nothing derived from the template.
 */
export interface MatchIndex {
  v: 2;
  /** Per page: its slug, its title and its patterns' templates (next to each other: gzip finds the words they share). */
  pages: [slug: string, title: string, ...templates: string[]][];
  /** QBO error code → pages. */
  codes: Record<string, number[]>;
  /** QBO short fault title (lowercase, normalized) → pages. */
  titles: Record<string, number[]>;
  /** Near-duplicate groups (groups.ts), by slug: [id, question, [slug, answer][]]. */
  groups: [string, string, [string, string][]][];
  /** The general pages of their QBO codes (the schema's `qboGeneral`), ascending. */
  general: number[];
}

/** A page's Fuse record as Fuse.createIndex(...).toJSON() writes it: each field's value and norm. */
export type FuzzyFields = Record<string, { v?: string; n?: number }>;

/**
 * The fuzzy stage's index (/fuzzy-index.json), loaded only when a paste needs it. One row per page,
 * in page order, its parts side by side: gzip finds a page's words again within its own row (kept
 * as separate lists, each page's message, word sequences and Fuse words lay farther apart than
 * gzip looks back, and the index was about half as large again at 2,200 pages).
 */
export interface FuzzyIndex {
  v: 4;
  /** Fuse's keys, as Fuse.createIndex(...).toJSON() writes them. */
  keys: readonly unknown[];
  pages: [
    /**
     * Its message (its first, cut to MESSAGE_PREVIEW_CHARS), which a `possible` result previews.
     * Here, not in the exact stage's index: only the fuzzy stage gives `possible` results.
     */
    message: string,
    /** Its messages, patterns and QBO titles as word sequences (words.sequenceWords, joined by spaces). */
    seq: string[],
    /** Its Fuse record's fields (record i of the prebuilt Fuse index is page i). */
    fields: FuzzyFields,
    /** The words of its summary (cause and fix in plain words), as evidence for a suggestion. */
    about: string,
    /** Its keywords (what people call the error in their own words), each once, as a phrase (words.keywordPhrase). */
    keys: string[],
  ][];
}

export interface Occurrence {
  /** Values pulled out of the message, by placeholder name. */
  values: Record<string, string>;
  /** 1-based line of the paste where it starts. */
  line: number;
  /** The text that matched (or the line that was searched), at most OCCURRENCE_CHARS characters (limits.ts). */
  text: string;
}

export interface MatchResult {
  slug: string;
  title: string;
  verdict: Verdict;
  /** 0–1; how sure the matcher is. */
  confidence: number;
  via: Via;
  /** Values of the first occurrence. */
  values: Record<string, string>;
  /**
   * Placeholder types by name ("date", "json", …). Neither the island nor the CLI reads them: the OCR
   * bench (bench/ocr.ts) does, to compare `json` values (account lists) parsed rather than as text.
   */
  types: Record<string, string>;
  /**
   * The page's message, for a `possible` result's preview (cut to MESSAGE_PREVIEW_CHARS; '' when it has
   * none, and from the exact stage alone, whose results are all `match`es and preview nothing).
   */
  message: string;
  /**
   * The page is the general page of its QBO codes (the schema's `qboGeneral`): it covers every rule
   * of the code, so its card compares no one message with the paste, however it was found.
   */
  general?: true;
  /** How many times this error occurs in the paste. */
  count: number;
  /** For results the model scored: its features (model.ts), for `--explain`. */
  features?: Features;
  /** For exact hits: the exact-hit model's features. */
  exactFeatures?: ExactFeatures | undefined;
  /** Occurrences in paste order (at most MAX_OCCURRENCES kept). */
  occurrences: Occurrence[];
}

/** The QuickBooks fault a paste carries, said when nothing in the knowledge base is a sure `match` for it. */
export interface OutcomeFault {
  /** Its QBO error code, as pasted ('' when the paste gives none). */
  code: string;
  /** Its short title, as pasted ('' when the paste gives none). */
  title: string;
  /**
   * The knowledge base's pages with that code or title (at most MAX_FAULT_PAGES, by title),
   * when it has any: each is another detail of the same error, or the paste says too little to tell
   * which. Listed, never suggested as a result.
   */
  pages?: { slug: string; title: string }[];
  /** How many pages have that code or title in all (more than `pages` lists, when it says so). */
  pageCount?: number;
}

export interface MatchOutcome {
  results: MatchResult[];
  /** The paste was longer than the cap and was cut. */
  truncated: boolean;
  /** Too many distinct unmatched lines: fuzzy search looked at the first ones only. */
  fuzzyCapped: boolean;
  /** Some lines need fuzzy search, which this matcher was built without. */
  needsFuzzy: boolean;
  /** Non-empty lines that matched nothing (deduplicated, at most MAX_UNMATCHED; limits.ts). */
  unmatched: string[];
  /** Number of non-empty lines looked at. */
  lines: number;
  /** Lines of routine work (a routine log level, and no word of an error, of trouble or a "not"; fuzzy.ts `routine`) that no pattern holds: not looked up, nor listed as matching nothing. */
  routine: number;
  /** The input was empty or held no letters. */
  empty: boolean;
  /** When nothing is a `match` (nothing found, or only guesses): the QuickBooks fault the paste carries (its code and short title), if any. */
  fault?: OutcomeFault;
}
