/**
 * The matcher's input limits: how much of a paste it reads. Not tuned on data; they bound work
 * (no frozen tab) and are shown to the user when they cut a paste (src/client/text.ts).
 */

/** A paste is cut to this many characters. */
export const MAX_INPUT_CHARS = 300_000;
/** At most this many lines that matched nothing are listed. */
export const MAX_UNMATCHED = 200;
/** An unmatched line is listed cut to this many characters. */
export const UNMATCHED_CHARS = 200;
/** An occurrence (the line a result was found on) keeps this many characters of it. */
export const OCCURRENCE_CHARS = 500;
/** A `possible` card previews its page's message cut to this many characters (the index keeps no more). */
export const MESSAGE_PREVIEW_CHARS = 240;
/** The not-found box's link to full-text search carries the paste cut to this many characters. */
export const SEARCH_LINK_CHARS = 200;
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

/** A fault that matched nothing lists at most this many of the pages that share its code or title. */
export const MAX_FAULT_PAGES = 5;

/*
 * The island's own display limits (src/client/): how much of a long text a page shows or hands on.
 */

/** A value in a list of values seen (a result card, an error page's "Your message") is shown cut to this many characters. */
export const VALUE_CHARS = 300;
/**
 * A paste longer than this is kept in memory for matching and the box shows only its start: a
 * textarea holding a megabyte freezes the tab while the browser lays it out.
 */
export const BOX_PREVIEW_CHARS = 2_000;
/** Full-text search (Pagefind) gets the search page's query cut to this many characters; the matcher reads it all. */
export const SEARCH_QUERY_CHARS = 300;
/** The search forms hand the search page a query (in the fragment) of at most this many characters. */
export const SEARCH_FORM_CHARS = 2000;

/*
 * Screenshots (src/client/ocr.ts, src/client/ocr-prepare.ts): how big an image may be, and how long
 * the reader may stay silent before the person is told it did not work.
 */

/** An image with more pixels than this is refused (8,000 × 5,000): it would take too much memory to decode and scale. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The image handed to OCR is scaled to at most this many pixels (upscaling stops here). */
export const MAX_OCR_PIXELS = 6_000_000;
/** How long a download of the reader may run without finishing (a slow line: 4.4 MB at 0.4 Mbit/s). */
export const OCR_DOWNLOAD_TIMEOUT_MS = 120_000;
/**
 * How long any other step (starting the WebAssembly core, reading an image) may run without news.
 * A blocked core (a CSP without 'wasm-unsafe-eval') never reports back, so this ends the wait.
 */
export const OCR_STEP_TIMEOUT_MS = 15_000;
