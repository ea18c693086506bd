/**
 * Renders matcher results into the results container. Everything pasted is inserted as text
 * (textContent), never as HTML. Keeps the test contract: [data-testid="match-result"] with
 * data-slug and data-verdict, holding the link to the page. Buttons carry data-action; the owner
 * element handles their clicks.
 */
import type { MatchOutcome, MatchResult } from '../lib/matcher/types';
import { errorHref, shortenForLink } from '../lib/links';
import { oneLine } from '../lib/tailor';
import { triageRows, valuesSummary } from '../lib/triage';
import { el, valueList } from './dom';

export interface RenderOptions {
  base: string;
  /** The paste, carried to the error page in the link fragment. */
  message: string;
  /** Show the "nothing found" help (the troubleshooter does; the search page lets Pagefind speak). */
  showEmpty?: boolean;
  /** Show ticket and triage tools (the troubleshooter does). */
  tools?: boolean;
}

function button(label: string, action: string, data: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', className: 'secondary', textContent: label });
  b.dataset['action'] = action;
  Object.assign(b.dataset, data);
  return b;
}

function card(r: MatchResult, opts: RenderOptions, linkMessage: string, best: boolean): HTMLElement {
  const href = errorHref(opts.base, r.slug, r.occurrences[0]?.text ?? linkMessage);
  const sure = r.verdict === 'match';
  const badge = el('span', {
    className: `verdict verdict-${r.verdict}`,
    textContent: sure ? 'Match' : 'Possible match',
  });
  const link = el('a', { href, textContent: r.title, className: 'result-link' });
  const li = el(
    'li',
    { className: `match-result${best ? ' best' : ''}` },
    el('p', { className: 'result-head' }, badge, ' ', link),
  );
  li.dataset['testid'] = 'match-result';
  li.dataset['slug'] = r.slug;
  li.dataset['verdict'] = r.verdict;
  const meta: string[] = [`${Math.round(r.confidence * 100)}% confidence`];
  if (r.count > 1) meta.push(`seen ${r.count} times`);
  if (r.via === 'code') meta.push('identified by its QuickBooks error code or title');
  if (r.via === 'typo') meta.push('matched after correcting a typo');
  if (r.via === 'fuzzy') meta.push('similar wording');
  li.append(el('p', { className: 'result-meta', textContent: meta.join(' · ') }));
  const values = valueList(r.values);
  if (values) li.append(values);
  const tip = oneLine(r.values);
  if (tip) {
    const p = el('p', { className: 'tailored-line', textContent: tip });
    p.dataset['testid'] = 'tailored-line';
    li.append(p);
  }
  if (opts.tools)
    li.append(el('p', { className: 'card-tools' }, button('Copy for ticket', 'ticket', { slug: r.slug })));
  return li;
}

function triage(outcome: MatchOutcome, opts: RenderOptions): HTMLElement {
  const rows = triageRows(outcome, (slug) => errorHref(opts.base, slug));
  const table = el(
    'table',
    { className: 'triage' },
    el('caption', {
      textContent: `Triage: ${rows.length} distinct error${rows.length === 1 ? '' : 's'} in ${outcome.lines} lines`,
    }),
  );
  table.append(
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Error', 'Count', 'Values seen'].map((h) => el('th', { scope: 'col', textContent: h })),
      ),
    ),
  );
  const body = el('tbody');
  for (const r of rows) {
    const tr = el(
      'tr',
      {},
      el(
        'td',
        {},
        el('a', { href: r.url, textContent: r.title }),
        r.verdict === 'possible' ? ' (possible)' : '',
      ),
      el('td', { textContent: String(r.count) }),
      el('td', { textContent: valuesSummary(r.values) || '—' }),
    );
    tr.dataset['testid'] = 'triage-row';
    tr.dataset['slug'] = r.slug;
    tr.dataset['count'] = String(r.count);
    body.append(tr);
  }
  table.append(body);
  const section = el(
    'section',
    { className: 'triage-view' },
    el('div', { className: 'table-scroll' }, table),
  );
  section.setAttribute('aria-label', 'Triage');
  section.dataset['testid'] = 'triage';
  if (outcome.unmatched.length) {
    const list = el('ul', {}, ...outcome.unmatched.map((l) => el('li', {}, el('code', { textContent: l }))));
    const details = el(
      'details',
      {},
      el('summary', {
        textContent: `${outcome.unmatched.length}${outcome.unmatched.length >= 200 ? '+' : ''} line${outcome.unmatched.length === 1 ? '' : 's'} matched nothing`,
      }),
      list,
    );
    details.dataset['testid'] = 'unmatched-lines';
    section.append(details);
  }
  section.append(
    el(
      'p',
      { className: 'card-tools' },
      button('Copy as Markdown', 'triage-markdown'),
      ' ',
      button('Download CSV', 'triage-csv'),
    ),
  );
  return section;
}

export function renderResults(container: HTMLElement, outcome: MatchOutcome, opts: RenderOptions): void {
  const linkMessage = shortenForLink(opts.message, outcome);
  const nodes: Node[] = [];
  const { results } = outcome;
  const matches = results.filter((r) => r.verdict === 'match').length;
  let summary: string;
  if (outcome.empty) summary = 'No words to check: paste or type an error message to find its fix.';
  else if (!results.length) summary = 'No known export error matches this text.';
  else if (matches === 1 && results.length === 1)
    summary = 'Found the error. Press Enter or select the title to open its fix.';
  else if (matches > 0)
    summary = `Found ${matches} error${matches === 1 ? '' : 's'}${results.length > matches ? ` and ${results.length - matches} possible match${results.length - matches === 1 ? '' : 'es'}` : ''}.`;
  else
    summary = `Not sure: ${results.length} possible match${results.length === 1 ? '' : 'es'}. Check which one fits your message.`;
  const head = el('p', { className: 'results-summary', textContent: summary, tabIndex: -1 });
  head.dataset['testid'] = 'results-summary';
  nodes.push(head);
  if (outcome.truncated)
    nodes.push(
      el('p', {
        className: 'note',
        textContent: 'Your paste was very long, so only its first 300,000 characters were checked.',
      }),
    );
  if (outcome.fuzzyCapped)
    nodes.push(
      el('p', {
        className: 'note',
        textContent:
          'Many different lines matched no known message; only the first 200 of them were compared by similarity.',
      }),
    );
  if (results.length) {
    const list = el('ol', { className: 'result-list' });
    results.forEach((r, i) => list.append(card(r, opts, linkMessage, i === 0)));
    nodes.push(list);
    if (opts.tools && outcome.lines > 1) nodes.push(triage(outcome, opts));
  } else if (!outcome.empty && opts.showEmpty !== false) {
    nodes.push(
      el(
        'p',
        {},
        'It may be a different QuickBooks error, or worded differently. Try ',
        el('a', {
          href: `${opts.base}search/#q=${encodeURIComponent(linkMessage.slice(0, 200))}`,
          textContent: 'searching the site',
        }),
        ' or ',
        el('a', { href: `${opts.base}errors/`, textContent: 'browse all errors' }),
        '.',
      ),
    );
    if (opts.tools) {
      const box = el(
        'div',
        { className: 'not-found' },
        el('h2', { textContent: 'Not in the knowledge base?' }),
        el('p', {
          textContent:
            'Send your message to support, or ask for a new article. Copy a ready-made request, or open it in your email app.',
        }),
        el(
          'p',
          { className: 'card-tools' },
          button('Copy request for support', 'not-found'),
          ' ',
          el('a', { href: '#', className: 'mailto', textContent: 'Email it' }),
        ),
      );
      box.dataset['testid'] = 'not-found';
      nodes.push(box);
    }
  }
  container.replaceChildren(...nodes);
}
