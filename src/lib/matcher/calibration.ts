/** Calibration of verdicts, shared by the exact and fuzzy stages. Fuse scores run from 0 (perfect) to 1; `npm run bench` shows what these give. */
export const CALIBRATION = Object.freeze({
  /** A fuzzy hit at or under this score can be a `match`… */
  fuzzyMatchScore: 0.3,
  /** …if the runner-up page scores at least this much worse. */
  fuzzyMatchGap: 0.3,
  /** Fuzzy hits over this score are dropped (unless their evidence keeps them, up to fuzzyLooseScore). */
  fuzzyPossibleScore: 0.85,
  /** A fuzzy hit is a suggestion when the page's words hold this much of the paste (their rarity summed, as coverageInfo: about two words that one page has and no other)… */
  fuzzyPossibleInfo: 6.5,
  /** …and it scores at most this (over fuzzyPossibleScore: a description in a person's own words, most of whose words are not the message's)… */
  fuzzyLooseScore: 0.95,
  /** …or when it scores at most fuzzyPossibleScore and its words are this share of what the paste says (a short query, a cut-off message); a word the index does not know counts as the rarest. */
  fuzzyPossibleShare: 0.55,
  /** In a multi-line paste, fuzzy hits over this score are dropped (precision over recall). */
  fuzzyMultiLineScore: 0.5,
  /** Fuzzy search's word runs and evidence, and the words around a QBO title, read at most this many characters of a line. */
  fuzzyLineChars: 2000,
  /** Fuzzy queries are cut to this many characters (each word is one more search). */
  fuzzyQueryChars: 300,
  /** Fuse scores at most this many candidate pages per line (chosen by the rarest shared words). */
  fuzzyCandidates: 6,
  /** A QBO short title on a line that never names QuickBooks is only a `possible` when the line has more than this many other words. */
  titleOtherWords: 3,
  /** Possible results shown for one segment. */
  maxPossible: 3,
  /** …and the paste holds at least this share of the page's message words… */
  fuzzyMatchOfPage: 0.3,
  /** …and the page's messages hold at least this share of the paste's words, those the index does not know included ("…because it is reconciled" is another message). */
  fuzzyMatchCovered: 0.9,
  /** …or: the page's message holds at least this share of the paste's distinctive words… */
  coverageMatch: 0.9,
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
  /** A line with more corrected typos than this is not repaired (it is something else). */
  repairMaxFixes: 3,
  /** Fragment matching looks at this many words of a line. */
  runMaxWords: 80,
  /** A fragment is a `match` when its longest run of words in one page's message is at least this long… */
  runMatch: 5,
  /** …holds at least this many words that are not glue words or values… */
  runMatchContent: 3,
  /** …and is at least this much longer than any other page's run. */
  runMatchGap: 3,
});

/** A run of the paste's words in one page's message that puts that page first: the whole paste (`whole`), long enough, and clearly longer than any other page's. */
export function runLeads(run: number, gap: number, whole: boolean): boolean {
  return whole && run >= CALIBRATION.runMatch && gap >= CALIBRATION.runMatchGap;
}

/** …and makes it a `match` when enough of its words say something. */
export function runDecides(run: number, content: number, gap: number, whole: boolean): boolean {
  return runLeads(run, gap, whole) && content >= CALIBRATION.runMatchContent;
}
