/**
 * The matcher's input limits: how much of a paste it reads. Not tuned on data; they bound work
 * (no frozen tab) and are shown to the user when they cut a paste (src/client/text.ts).
 */

/** A paste is cut to this many characters. */
export const MAX_INPUT_CHARS = 300_000;
/** At most this many lines that matched nothing are listed. */
export const MAX_UNMATCHED = 200;
/** At most this many distinct unmatched lines go through fuzzy search. */
export const MAX_FUZZY_LINES = 200;
/** Fuzzy queries are cut to this many characters (each word is one more search). */
export const QUERY_CHARS = 300;
/** Word features, runs and the words around a QBO title read at most this many characters of a line. */
export const LINE_CHARS = 2000;
/** Runs of words look at this many words of a line. */
export const RUN_MAX_WORDS = 80;
/** Candidate pages scored per segment, chosen by the rarest shared words (plus pages a code, title or typo names). */
export const CANDIDATES = 6;
/** A line with more corrected typos than this is not repaired (it is something else). */
export const REPAIR_MAX_FIXES = 3;
/** Results shown for one segment. */
export const MAX_SHOWN = 3;
/** A QBO short title in a line with more than this many other words, no QuickBooks name and no QuickBooks wrapper is `titleWeak`. */
export const TITLE_OTHER_WORDS = 3;
/** A multi-line paste keeps `possible` results only when nothing in it matched and it has at most this many lines (a report's near-lines are noise). */
export const POSSIBLE_MAX_LINES = 5;
