/**
 * "Copy for ticket": what a support agent needs, in one text that reads well pasted as plain text and
 * as Markdown: the error and how sure the troubleshooter is, the message, every value seen, the
 * tailored notes with the step they belong to, the numbered steps of the fix, and the link to the
 * page. Pure; pasted text goes in as text (in code, or Markdown-escaped).
 */
import { labelFor } from './labels';
import { mdCode, mdEscape, mdFence } from './markdown';
import type { Verdict } from './matcher/types';
import { readableValue } from './values';

export interface TicketNote {
  text: string;
  /** The fix step the note belongs to (1-based, as the page's `#step-N`). */
  step?: number;
}

export interface TicketInput {
  title: string;
  /** Absolute link to the error page (or to one of its steps). */
  url: string;
  /** How sure the troubleshooter is; absent when nothing was matched (a page copied as it is). */
  verdict?: Verdict;
  /** The page is a QuickBooks code's general page (every rule of the code): no one message to check a guess against. */
  general?: boolean;
  /** The person's message (already shortened for links). */
  message?: string;
  /** Every value seen, by placeholder name (one value or several, from several occurrences). */
  values?: Readonly<Record<string, string | readonly string[]>>;
  /** The fix, step by step, in the page's order (step 1 first). */
  steps?: readonly string[];
  /** The fix in one or two lines: used only when the steps are not known. */
  fix?: string;
  /** Tailored notes for this message. */
  notes?: readonly TicketNote[];
}

const VERDICT: Record<Verdict, string> = {
  match: 'Match: the troubleshooter recognised this message.',
  possible:
    'Possible match, not confirmed: the message only resembles this error. Check it against the message on the page before following the steps.',
};
/** A guess at a code's general page, whose page has no one message to check against. */
const POSSIBLE_GENERAL =
  'Possible match, not confirmed: the message only resembles this error, whose page covers every rule of one QuickBooks error code.';

/** The page link without its fragment, pointing at step `n`. */
const stepUrl = (url: string, n: number) => `${url.replace(/#.*$/, '')}#step-${n}`;

const valueEntries = (values: TicketInput['values']) =>
  Object.entries(values ?? {})
    .map(
      ([k, v]) =>
        [labelFor(k), (typeof v === 'string' ? [v] : [...v]).filter(Boolean).map(readableValue)] as const,
    )
    .filter(([, vs]) => vs.length > 0);

/**
 * The ticket: one text that reads the same pasted as plain text and as Markdown. The site's own
 * words (labels, verdict, steps, links) go in as they are, sections apart; what was pasted goes in
 * as code (the message in a fenced block, each value in a code span) or escaped (the notes, which
 * quote values), so no link, image or HTML in a paste comes out live in a ticket tool.
 */
export function ticketText(t: TicketInput): string {
  const values = valueEntries(t.values);
  const steps = t.steps ?? [];
  const notes = t.notes ?? [];
  const noteWhere = (n: TicketNote) => (n.step ? ` (step ${n.step}: ${stepUrl(t.url, n.step)})` : '');
  return [
    `QuickBooks export error: ${t.title}`,
    t.verdict
      ? `Verdict: ${t.verdict === 'possible' && t.general ? POSSIBLE_GENERAL : VERDICT[t.verdict]}`
      : '',
    t.message ? `Message:\n${mdFence(t.message)}` : '',
    values.length
      ? ['Values seen:', ...values.map(([k, vs]) => `- ${k}: ${vs.map(mdCode).join(', ')}`)].join('\n')
      : '',
    ...notes.map((n) => `For this message${noteWhere(n)}: ${mdEscape(n.text)}`),
    steps.length
      ? ['How to fix it:', ...steps.map((s, i) => `${i + 1}. ${s}`)].join('\n')
      : t.fix
        ? `Fix: ${t.fix}`
        : '',
    `Details: ${t.url}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
