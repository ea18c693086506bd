/**
 * "Copy for ticket": a short summary a support agent can paste into a ticket, as plain text and as
 * Markdown. Pure; values are inserted as text (Markdown-escaped where it matters).
 */
import { labelFor } from './labels';
import { mdEscape } from './markdown';

export interface TicketInput {
  title: string;
  /** Absolute link to the error page (or to one of its steps). */
  url: string;
  /** The person's message (already shortened for links). */
  message?: string;
  values?: Record<string, string>;
  /** The fix in one or two lines. */
  fix: string;
  /** A tailored line, when the values allow one. */
  tailored?: string;
}

export function ticketText(t: TicketInput): { text: string; markdown: string } {
  const values = Object.entries(t.values ?? {}).filter(([, v]) => v);
  const text = [
    `QuickBooks export error: ${t.title}`,
    t.message ? `Message: ${t.message}` : '',
    ...values.map(([k, v]) => `${labelFor(k)}: ${v}`),
    `Fix: ${t.fix}`,
    t.tailored ? `For this message: ${t.tailored}` : '',
    `Details: ${t.url}`,
  ]
    .filter(Boolean)
    .join('\n');
  const markdown = [
    `**QuickBooks export error:** [${mdEscape(t.title)}](${t.url})`,
    t.message ? `\n\`\`\`\n${t.message.replace(/```/g, "'''")}\n\`\`\`` : '',
    ...values.map(([k, v]) => `- ${labelFor(k)}: \`${v.replace(/`/g, "'")}\``),
    `\n**Fix:** ${mdEscape(t.fix)}`,
    t.tailored ? `\n**For this message:** ${mdEscape(t.tailored)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { text, markdown };
}

/** The text for "Not in the knowledge base?": something to send to support or to request an article. */
export function notFoundText(message: string, pageUrl: string): string {
  return [
    'I got a QuickBooks Online export error that is not in the knowledge base:',
    '',
    message,
    '',
    `Checked with the troubleshooter at ${pageUrl}. Please help with a fix, or add an article for this error.`,
  ].join('\n');
}
