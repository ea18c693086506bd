/**
 * The request for support that the not-found box offers (copied, or in its mailto link): pure, and
 * apart from lib/ticket.ts, whose ticket builder loads only when a ticket is copied.
 */
import { confidence, faultName } from './outcome-words';
import { errorHref } from './links';
import type { MatchOutcome } from './matcher/types';

/** At most this many of the pages shown are listed in the request (a triage of a report may show many). */
export const REQUEST_PAGES = 5;

/**
 * The text for "Not in the knowledge base?": something to send to support or to request an
 * article. With the outcome on screen, it also says what the troubleshooter showed: the QuickBooks
 * fault it read, and the pages it offered, each at its address under `pageUrl` (the site's base),
 * so support sees what was already looked at.
 */
export function notFoundText(
  message: string,
  pageUrl: string,
  shown?: Pick<MatchOutcome, 'results' | 'fault'>,
): string {
  const fault = shown?.fault;
  const pages = shown?.results ?? [];
  const name = fault && faultName(fault.code, fault.title);
  return [
    'I got a QuickBooks Online export error that is not in the knowledge base:',
    '',
    message,
    '',
    ...(name ? [`The troubleshooter read it as QuickBooks error ${name}.`] : []),
    ...(pages.length ? ['It showed these pages:'] : []),
    ...pages
      .slice(0, REQUEST_PAGES)
      .map(
        (r) =>
          `- ${r.title} (${r.verdict === 'possible' ? `possible match, ${confidence(r.confidence)}` : r.general ? 'match: the page for every rule of its QuickBooks code' : 'match'}): ${new URL(errorHref('', r.slug), pageUrl).href}`,
      ),
    ...(pages.length > REQUEST_PAGES ? [`- …and ${pages.length - REQUEST_PAGES} more`] : []),
    ...(name || pages.length ? [''] : []),
    `Checked with the troubleshooter at ${pageUrl}. Please help with a fix, or add an article for this error.`,
  ].join('\n');
}
