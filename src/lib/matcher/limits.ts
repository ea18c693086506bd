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
