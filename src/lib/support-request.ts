/**
 * The request for support that the not-found box offers (copied, or in its mailto link): pure, and
 * apart from lib/ticket.ts, whose ticket builder loads only when a ticket is copied.
 */

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
