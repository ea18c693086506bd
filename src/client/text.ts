/**
 * The sentences the browser code shows or copies, kept together, imported as `* as TEXT` so that a
 * page bundles only the sentences it uses (as Fuse.js keeps its messages in
 * core/errorMessages.ts). Messages that take values are functions. Limits come from the matcher's
 * own constants, so a changed limit changes the sentence too. An error page's sentences are in
 * text-page.ts (re-exported here) and the filter's on /errors/ in text-list.ts, so that neither page
 * loads the troubleshooter's (a module its script imports comes whole, as one chunk); the
 * screenshot reader's are in text-screenshot.ts, loaded with the reader, never for a text paste.
 */
import { MAX_FUZZY_LINES, MAX_INPUT_CHARS, MAX_UNMATCHED } from '../lib/matcher/limits';
import { groupDigits } from '../lib/digits';
import { faultName } from '../lib/outcome-words';

/** "1 error", "2 errors". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** "two", "three" … up to ten, then digits. */
const numberWord = (n: number): string =>
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n - 2] ?? String(n);

/** Sentences looked up by a key that may have none. */
type Words = Partial<Record<string, string>>;

export const verdict = { match: 'Match', possible: 'Possible match' } as const;

export { confidence } from '../lib/outcome-words';

export const seenTimes = (n: number) => `seen ${n} times`;

export const via = {
  code: 'identified by its QuickBooks error code or title',
  typo: 'matched after correcting a typo',
  fuzzy: 'similar wording',
} as Words;

/** A possible match's `code` reason: the page lists the code or title, which other errors may share; nothing identified it. */
export const viaCodeGuess = 'shares your message’s QuickBooks error code or title';

export const copyLink = 'Copy link';

/** Before a possible match's page message on its card. */
export const pageMessage = 'The page’s message: ';

/** In place of that message on the card of a code's general page (its message is one rule of many). */
export const generalPage = (detail: boolean) =>
  `This page covers every rule of this QuickBooks error code${detail ? '; your message’s detail names the rule' : ''}.`;

export const copyMarkdown = 'Copy as Markdown';

export const downloadCsv = 'Download CSV';

export const triage = {
  label: 'Triage',
  caption: (errors: number, lines: number) => `Triage: ${plural(errors, 'distinct error')} in ${lines} lines`,
  columns: ['Error', 'Count', 'Values seen'],
  or: ' or ',
  /** The downloaded CSV's file name. */
  csvFile: 'qbo-export-errors-triage.csv',
  unmatched: (n: number) =>
    `${n}${n >= MAX_UNMATCHED ? '+' : ''} ${n === 1 ? 'line' : 'lines'} matched nothing`,
  /** After each line that matched nothing: the troubleshooter on that line alone, in a new tab. */
  lookUpAlone: 'look it up alone',
} as const;

export const summary = {
  empty: 'No words to check: paste or type an error message to find its fix.',
  none: 'No known export error matches this text.',
  /** Nothing matched, and every line read was a routine log line. */
  routine:
    'No known export error matches this text: it is logged as routine work (INFO, DEBUG or TRACE) and names no error. Paste the line that reports the error.',
  one: 'Found the error. Press Enter or select the title to open its fix.',
  found: (matches: number, possibles: number) =>
    `Found ${plural(matches, 'error')}${possibles ? ` and ${plural(possibles, 'possible match', 'possible matches')}` : ''}.`,
  unsure: (n: number) =>
    n === 1
      ? '1 possible match, not confirmed: check that its message is the one you have.'
      : `${plural(n, 'possible match', 'possible matches')}, none confirmed: check which page’s message is the one you have.`,
  /** The one possible match is the general page of the paste's QuickBooks code (its card shows no message to compare). */
  general:
    '1 possible match, not confirmed: the page for every rule of your message’s QuickBooks error code.',
  /** The first of several possible matches is that general page: only the others have a message to compare. */
  generalFirst: (n: number) =>
    `${plural(n, 'possible match', 'possible matches')}, none confirmed: the first is the page for every rule of your message’s QuickBooks error code; check the others’ messages.`,
  group: (n: number) =>
    `Not sure which of ${numberWord(n)} errors this is: answer the question below to see its fix.`,
} as const;

/** A near-duplicate group's card (results the matcher could not tell apart). */
export const group = {
  heading: (n: number) => `One of these ${numberWord(n)}`,
  chosen: (answer: string) => `You answered: ${answer}.`,
  change: 'Change answer',
} as const;

/** The box's last line after a long paste: the box shows the start, the matcher reads it all. */
export const longPaste = (chars: number) =>
  `… (${groupDigits(chars)} characters pasted; the box shows the start, the troubleshooter reads it all)`;
export const truncated = `Your paste was very long, so only its first ${groupDigits(MAX_INPUT_CHARS)} characters were checked.`;

export const fuzzyCapped = `Many different lines matched no known message; only the first ${MAX_FUZZY_LINES} of them were compared by similarity.`;

export const notFound = {
  tryBefore: 'It may be a different QuickBooks error, or worded differently. Try ',
  search: 'searching the site',
  or: ' or ',
  browse: 'browse all errors',
  heading: 'Not in the knowledge base?',
  fault: (code: string, title: string) =>
    `This is QuickBooks error ${faultName(code, title)}, which is not in the knowledge base yet.`,
  /** The fault's code or title is on pages of the knowledge base, none of which fits the paste. */
  faultPages: (code: string, title: string, n: number) =>
    `This is QuickBooks error ${faultName(code, title)}. The knowledge base has ${n === 1 ? 'a page' : `${n} pages`} for it, but ${n === 1 ? 'it does not fit' : 'none of them fits'} your message closely enough to suggest. Compare your message with ${n === 1 ? 'it' : 'theirs'}:`,
  /** Under guesses (no `match`): the fault the paste carries, which the guesses may not be. */
  faultUnsure: (code: string, title: string) =>
    `This is QuickBooks error ${faultName(code, title)}. None of the suggestions above is a sure match for it, so it may not be in the knowledge base yet.`,
  /** Under a `match` that is a code's general page: the paste's rule has no page of its own. */
  generalRule: 'The rule in your message has no page of its own yet.',
  faultMore: (n: number) => `…and ${plural(n, 'more page')} for this error.`,
  body: 'Send your message to support, or ask for a new article: copy a ready-made request.',
  copy: 'Copy request for support',
  email: (address: string) => `Email it to ${address}`,
  form: 'Open the support request form',
  formHint: ' and paste the request there (the link carries nothing you pasted).',
  whom: 'Send it to whoever supports your QuickBooks export: your company’s Touchless Integration administrator, or the support team you usually write to.',
  emailSubject: 'QuickBooks export error not in the knowledge base',
} as const;

/** Beside a result button whose code did not load (a tab left open across a deploy, or offline). */
export const actionsFailed = 'This did not load: reload the page and try again.';

export const loadFailed =
  'The troubleshooter could not load. Browse all errors below, or use the site search.';

export const searchLabel = 'Search errors and guides';

export * from './text-page';
