/**
 * What the troubleshooter's result buttons do (copy for ticket, copy or download the triage, copy
 * the request for support, copy a link): loaded by error-matcher.ts at the first click, so a paste's
 * first result does not wait for the ticket and export code.
 */
import { copyText } from './clipboard';
import { fetchPage } from './page-info';
import { occurrenceValues, resultMessage } from './render-results';
import { errorHref, shortenForLink } from '../lib/links';
import type { GroupedOutcome } from '../lib/matcher/groups';
import { notFoundText } from '../lib/support-request';
import { tailor } from '../lib/tailor';
import { ticketText } from '../lib/ticket';
import { triageRows } from '../lib/triage';
import { triageCsv, triageMarkdown } from '../lib/triage-export';
import { valuesSeen } from '../lib/values';
import * as TEXT from './text';

export { copyText };

/** What an action reads: the outcome on screen, the text it is for, the site's base and the troubleshooter's address. */
export interface ActionContext {
  outcome: GroupedOutcome | undefined;
  text: string;
  base: string;
  pageUrl: string;
}

/** Runs the action a result button names (`data-action`). */
export async function runAction(
  button: HTMLButtonElement,
  { outcome, text, base, pageUrl }: ActionContext,
): Promise<void> {
  const abs = (slug: string) => new URL(errorHref(base, slug), location.href).href;
  switch (button.dataset['action']) {
    case 'ticket': {
      const r = outcome?.results.find((x) => x.slug === button.dataset['slug']);
      if (!r) return;
      // The page's steps come from the page itself; fetching it carries nothing pasted.
      const url = abs(r.slug);
      const page = await fetchPage(url);
      const all = occurrenceValues(r);
      await copyText(
        button,
        ticketText({
          title: r.title,
          url,
          verdict: r.verdict,
          ...(r.general ? { general: true } : {}),
          message: resultMessage(r, shortenForLink(text, outcome)),
          values: valuesSeen(all),
          steps: page?.steps ?? [],
          notes: tailor(r.values, all).map((n) => {
            const step = page?.valueSteps[n.anchor];
            return step ? { text: n.text, step } : { text: n.text };
          }),
        }),
      );
      return;
    }
    case 'triage-markdown':
      if (outcome) await copyText(button, triageMarkdown(triageRows(outcome, abs), outcome.unmatched));
      return;
    case 'triage-csv': {
      if (!outcome) return;
      const blob = new Blob([triageCsv(triageRows(outcome, abs), outcome.unmatched)], {
        type: 'text/csv;charset=utf-8',
      });
      const a = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(blob),
        download: TEXT.triage.csvFile,
      });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      return;
    }
    case 'not-found':
      await copyText(button, notFoundText(shortenForLink(text), pageUrl, outcome));
      return;
    default:
  }
}
