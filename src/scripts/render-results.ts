/**
 * Renders matcher results into the results container. Everything pasted is inserted as text
 * (textContent), never as HTML. Keeps the test contract: [data-testid="match-result"] with
 * data-slug and data-verdict, holding the link to the page.
 */
import type { MatchOutcome, MatchResult } from '../lib/matcher/types';
import { errorHref, shortenForLink } from '../lib/links';

export interface RenderOptions {
  base: string;
  /** The paste, carried to the error page in the link fragment. */
  message: string;
  /** Show the "nothing found" help (the troubleshooter does; the search page lets Pagefind speak). */
  showEmpty?: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** "txnDate" → "Txn date". */
export function labelFor(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueList(values: Record<string, string>): HTMLElement | null {
  const entries = Object.entries(values).filter(([, v]) => v !== '');
  if (!entries.length) return null;
  const dl = el('dl', { className: 'values' });
  for (const [name, value] of entries) {
    dl.append(el('div', {}, el('dt', { textContent: labelFor(name) }), el('dd', {}, el('code', { textContent: value.length > 160 ? `${value.slice(0, 159)}…` : value }))));
  }
  return dl;
}

function card(r: MatchResult, opts: RenderOptions, linkMessage: string, best: boolean): HTMLElement {
  const href = errorHref(opts.base, r.slug, r.occurrences[0]?.text ?? linkMessage);
  const sure = r.verdict === 'match';
  const badge = el('span', { className: `verdict verdict-${r.verdict}`, textContent: sure ? 'Match' : 'Possible match' });
  const link = el('a', { href, textContent: r.title, className: 'result-link' });
  const head = el('p', { className: 'result-head' }, badge, ' ', link);
  const li = el('li', { className: `match-result${best ? ' best' : ''}` }, head);
  li.dataset['testid'] = 'match-result';
  li.dataset['slug'] = r.slug;
  li.dataset['verdict'] = r.verdict;
  const meta: string[] = [`${Math.round(r.confidence * 100)}% confidence`];
  if (r.count > 1) meta.push(`seen ${r.count} times`);
  if (r.via === 'code') meta.push('identified by its QuickBooks error code or title');
  if (r.via === 'fuzzy') meta.push('similar wording');
  li.append(el('p', { className: 'result-meta', textContent: meta.join(' · ') }));
  const values = valueList(r.values);
  if (values) li.append(values);
  return li;
}

export function renderResults(container: HTMLElement, outcome: MatchOutcome, opts: RenderOptions): void {
  const linkMessage = shortenForLink(opts.message, outcome);
  const nodes: Node[] = [];
  const { results } = outcome;
  const matches = results.filter((r) => r.verdict === 'match').length;
  let summary: string;
  if (outcome.empty) summary = 'Paste or type an error message to find its fix.';
  else if (!results.length) summary = 'No known export error matches this text.';
  else if (matches === 1 && results.length === 1) summary = 'Found the error. Press Enter or select the title to open its fix.';
  else if (matches > 0) summary = `Found ${matches} error${matches === 1 ? '' : 's'}${results.length > matches ? ` and ${results.length - matches} possible match${results.length - matches === 1 ? '' : 'es'}` : ''}.`;
  else summary = `Not sure: ${results.length} possible match${results.length === 1 ? '' : 'es'}. Check which one fits your message.`;
  nodes.push(el('p', { className: 'results-summary', textContent: summary }));
  if (outcome.truncated) nodes.push(el('p', { className: 'note', textContent: 'Your paste was very long, so only its first 300,000 characters were checked.' }));
  if (outcome.fuzzyCapped) nodes.push(el('p', { className: 'note', textContent: 'Many different lines matched no known message; only the first 200 of them were compared by similarity.' }));
  if (results.length) {
    const list = el('ol', { className: 'result-list' });
    results.forEach((r, i) => list.append(card(r, opts, linkMessage, i === 0)));
    nodes.push(list);
  } else if (!outcome.empty && opts.showEmpty !== false) {
    nodes.push(
      el('p', {}, 'It may be a different QuickBooks error, or worded differently. Try ',
        el('a', { href: `${opts.base}search/#q=${encodeURIComponent(linkMessage.slice(0, 200))}`, textContent: 'searching the site' }),
        ' or ', el('a', { href: `${opts.base}errors/`, textContent: 'browse all errors' }), '.'),
    );
  }
  container.replaceChildren(...nodes);
}
