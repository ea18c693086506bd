/**
 * Every sentence the browser code shows or copies, in one place (as Fuse.js keeps its messages in
 * core/errorMessages.ts). Messages that take values are functions. Limits come from the matcher's
 * own constants, so a changed limit changes the sentence too.
 */
import { MAX_FUZZY_LINES, MAX_INPUT_CHARS, MAX_UNMATCHED } from '../lib/matcher/limits';
import { groupDigits } from '../lib/digits';

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
  /** Before a possible match's page message on its card. */
  pageMessage: 'The page’s message: ',
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
    body: 'Send your message to support, or ask for a new article: copy a ready-made request.',
    copy: 'Copy request for support',
    email: (address: string) => `Email it to ${address}`,
    form: 'Open the support request form',
    formHint: ' and paste the request there (the link carries nothing you pasted).',
    whom: 'Send it to whoever supports your QuickBooks export: your company’s Touchless Integration administrator, or the support team you usually write to.',
    emailSubject: 'QuickBooks export error not in the knowledge base',
  },
  loadFailed: 'The troubleshooter could not load. Browse all errors below, or use the site search.',
  yourMessage: {
    heading: 'Your message',
    offPattern:
      'This message does not follow this page’s usual wording exactly. Check that it is the same error.',
    possible:
      'The troubleshooter was not sure this page is your error: check your message against the one above before following the steps.',
    accountsCaption: 'Accounts to create or rename in QuickBooks Online',
    accountsColumns: ['Done', 'Account', 'Type'],
    accountDone: (name: string) => `Done: ${name}`,
  },
  searchLabel: 'Search errors and guides',
} as const;
