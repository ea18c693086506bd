/**
 * "Copy for ticket": what a support agent needs, as plain text and as Markdown: the error and how
 * sure the troubleshooter is, the message, every value seen, the tailored notes with the step they
 * belong to, the numbered steps of the fix, and the link to the page. Pure; pasted text goes in as
 * text (Markdown-escaped, or in a code block).
 */
import { labelFor } from './labels';
import { mdEscape } from './markdown';
import type { Verdict } from './matcher/types';
import { readableValue } from './values';
import { supportRequest, ticket as W } from './wording';

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

const VERDICT: Record<Verdict, string> = W.verdicts;

/** The page link without its fragment, pointing at step `n`. */
const stepUrl = (url: string, n: number) => `${url.replace(/#.*$/, '')}#step-${n}`;

const valueEntries = (values: TicketInput['values']) =>
  Object.entries(values ?? {})
    .map(
      ([k, v]) =>
        [labelFor(k), (typeof v === 'string' ? [v] : [...v]).filter(Boolean).map(readableValue)] as const,
    )
    .filter(([, vs]) => vs.length > 0);

export function ticketText(t: TicketInput): { text: string; markdown: string } {
  const values = valueEntries(t.values);
  const steps = t.steps ?? [];
  const notes = t.notes ?? [];
  const noteWhere = (n: TicketNote) => (n.step ? ` (${W.step(n.step)}: ${stepUrl(t.url, n.step)})` : '');
  const text = [
    `${W.title}: ${t.title}`,
    t.verdict ? `${W.verdict}: ${VERDICT[t.verdict]}` : '',
    t.message ? `${W.message}: ${t.message}` : '',
    ...(values.length ? [`${W.valuesSeen}:`, ...values.map(([k, vs]) => `- ${k}: ${vs.join(', ')}`)] : []),
    ...notes.map((n) => `${W.forThisMessage}${noteWhere(n)}: ${n.text}`),
    ...(steps.length
      ? [`${W.howToFix}:`, ...steps.map((s, i) => `${i + 1}. ${s}`)]
      : t.fix
        ? [`${W.fix}: ${t.fix}`]
        : []),
    `${W.details}: ${t.url}`,
  ]
    .filter(Boolean)
    .join('\n');

  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const markdown = [
    `**${W.title}:** [${mdEscape(t.title)}](${t.url})`,
    t.verdict ? `\n**${W.verdict}:** ${mdEscape(VERDICT[t.verdict])}` : '',
    t.message ? `\n\`\`\`\n${t.message.replace(/```/g, "'''")}\n\`\`\`` : '',
    values.length
      ? `\n**${W.valuesSeen}:**\n\n${values.map(([k, vs]) => `- ${k}: ${vs.map(code).join(', ')}`).join('\n')}`
      : '',
    ...notes.map(
      (n) =>
        `\n**${W.forThisMessage}**${n.step ? ` ([${W.step(n.step)}](${stepUrl(t.url, n.step)}))` : ''}: ${mdEscape(n.text)}`,
    ),
    steps.length
      ? `\n**${W.howToFix}:**\n\n${steps.map((s, i) => `${i + 1}. ${mdEscape(s)}`).join('\n')}`
      : t.fix
        ? `\n**${W.fix}:** ${mdEscape(t.fix)}`
        : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { text, markdown };
}

/** The text for "Not in the knowledge base?": something to send to support or to request an article. */
export function notFoundText(message: string, pageUrl: string): string {
  return [supportRequest.intro, '', message, '', supportRequest.checked(pageUrl)].join('\n');
}
