/**
 * Every sentence the browser code shows or copies, in one place (as Fuse.js keeps its messages in
 * core/errorMessages.ts). Messages that take values are functions. Limits come from the matcher's
 * own constants, so a changed limit changes the sentence too.
 */
import { MAX_FUZZY_LINES, MAX_IMAGE_PIXELS, MAX_INPUT_CHARS, MAX_UNMATCHED } from '../lib/matcher/limits';
import { groupDigits } from '../lib/values';

/** "1 error", "2 errors". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export const TEXT = {
  verdict: { match: 'Match', possible: 'Possible match' },
  confidence: (c: number) => `${Math.round(c * 100)}% confidence`,
  seenTimes: (n: number) => `seen ${n} times`,
  via: {
    code: 'identified by its QuickBooks error code or title',
    typo: 'matched after correcting a typo',
    fuzzy: 'similar wording',
  } as Partial<Record<string, string>>,
  copyForTicket: 'Copy for ticket',
  copyLink: 'Copy link',
  copyMarkdown: 'Copy as Markdown',
  downloadCsv: 'Download CSV',
  copied: 'Copied.',
  copyFailed: 'Copy did not work here: select the text and copy it by hand.',
  triage: {
    label: 'Triage',
    caption: (errors: number, lines: number) =>
      `Triage: ${plural(errors, 'distinct error')} in ${lines} lines`,
    columns: ['Error', 'Count', 'Values seen'],
    possible: ' (possible)',
    unmatched: (n: number) =>
      `${n}${n >= MAX_UNMATCHED ? '+' : ''} ${n === 1 ? 'line' : 'lines'} matched nothing`,
  },
  summary: {
    empty: 'No words to check: paste or type an error message to find its fix.',
    none: 'No known export error matches this text.',
    one: 'Found the error. Press Enter or select the title to open its fix.',
    found: (matches: number, possibles: number) =>
      `Found ${plural(matches, 'error')}${possibles ? ` and ${plural(possibles, 'possible match', 'possible matches')}` : ''}.`,
    unsure: (n: number) =>
      `Not sure: ${plural(n, 'possible match', 'possible matches')}. Check which one fits your message.`,
  },
  truncated: `Your paste was very long, so only its first ${groupDigits(MAX_INPUT_CHARS)} characters were checked.`,
  fuzzyCapped: `Many different lines matched no known message; only the first ${MAX_FUZZY_LINES} of them were compared by similarity.`,
  notFound: {
    tryBefore: 'It may be a different QuickBooks error, or worded differently. Try ',
    search: 'searching the site',
    or: ' or ',
    browse: 'browse all errors',
    heading: 'Not in the knowledge base?',
    body: 'Send your message to support, or ask for a new article. Copy a ready-made request, or open it in your email app.',
    copy: 'Copy request for support',
    email: 'Email it',
    emailSubject: 'QuickBooks export error not in the knowledge base',
  },
  loadFailed: 'The troubleshooter could not load. Browse all errors below, or use the site search.',
  yourMessage: {
    heading: 'Your message',
    offPattern:
      'This message does not follow this page’s usual wording exactly. Check that it is the same error.',
    accountsCaption: 'Accounts to create or rename in QuickBooks Online',
    accountsColumns: ['Done', 'Account number', 'Account name', 'Type', 'Subtype'],
    accountDone: (name: string) => `Done: ${name}`,
  },
  searchLabel: 'Search errors and guides',
  screenshot: {
    starting: (mb: number) =>
      `Starting the screenshot reader (a ${mb} MB download the first time only). The image stays in your browser.`,
    progressLabel: 'Screenshot reader progress',
    reading: 'Reading the text in your screenshot…',
    read: 'Read from your screenshot: check the values against the image, then correct the box if needed.',
    notImage: 'That file is not an image. Choose a screenshot (PNG, JPEG, GIF or WebP), or paste the text.',
    unreadable: 'That image could not be opened: the file may be damaged. Take the screenshot again.',
    tooLarge: (width: number, height: number) =>
      `That image is too large to read (${groupDigits(width)} × ${groupDigits(height)} pixels; the most is ${groupDigits(MAX_IMAGE_PIXELS / 1e6)} megapixels). Crop it to the error message and try again.`,
    noText: 'No text was found in that image. Crop the screenshot to the error message, or paste the text.',
    stalled:
      'The screenshot reader did not answer, so it was stopped. This browser or the site’s security settings may block it: paste the text of the error instead.',
    failed: 'The screenshot could not be read here. Paste the text of the error instead.',
  },
} as const;
