/**
 * The search page: Pagefind's own UI, loaded on demand. A query from `#q=` (or an old `?q=` link,
 * moved into the fragment) is searched at once. A pasted error message or a description gets the troubleshooter's answer first: the matcher's results
 * appear above Pagefind's. Word queries (up to three words) keep Pagefind's results alone.
 */
import { MatchClient } from './match-client';
import { renderResults } from './render-results';
import { cut, encodeText } from '../lib/cut';
import { readMessage } from '../lib/links';
import { SEARCH_QUERY_CHARS } from '../lib/matcher/limits';
import * as TEXT from './text';

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`[site-search] could not load ${src}`));
    document.head.append(s);
  });
}

function loadStyle(href: string): void {
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  document.head.append(l);
}

/**
 * A paste or a description rather than a word query: long, shaped like an error (codes, `=`,
 * quotes, "Details:"), or four words or more ("deposit wont sync totals dont match", which Pagefind,
 * needing every word, finds nothing for, and the troubleshooter reads as own words).
 */
const forTroubleshooter = (q: string) =>
  q.length > 40 || /details:|exception|error|fault|=|"/i.test(q) || q.trim().split(/\s+/).length >= 4;

class SiteSearch extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const bundle = this.dataset['bundle'] ?? '/pagefind/';
    const base = this.dataset['base'] ?? '/';
    const host = this.querySelector<HTMLElement>('#pagefind-search');
    const answers = this.querySelector<HTMLElement>('[data-testid="match-results"]');
    if (!host || !answers) return;
    const client = new MatchClient(this.dataset['index'] ?? `${base}match-index.json`);
    // Each page's message, for the preview on a possible match (the catalogue: nothing pasted in it).
    const showMatches = async (q: string) => {
      if (!q.trim() || !forTroubleshooter(q)) {
        answers.replaceChildren();
        answers.dataset['state'] = 'ready';
        return;
      }
      const answer = await client.match(q);
      if (!answer) return;
      const useful = answer.outcome.results.length > 0;
      if (useful)
        renderResults(answers, answer.outcome, {
          base,
          message: q,
          showEmpty: false,
        });
      else answers.replaceChildren();
      answers.dataset['state'] = 'ready';
    };
    try {
      loadStyle(`${bundle}pagefind-ui.css`);
      await loadScript(`${bundle}pagefind-ui.js`);
      if (!window.PagefindUI) throw new Error('[site-search] Pagefind UI did not load');
      host.replaceChildren();
      const ui = new window.PagefindUI({
        element: host,
        bundlePath: bundle,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        autofocus: true,
      });
      const input = host.querySelector<HTMLInputElement>('input');
      // Pagefind names its input by a title only; a real accessible name is better.
      input?.setAttribute('aria-label', TEXT.searchLabel);
      let timer: number | undefined;
      input?.addEventListener('input', () => {
        clearTimeout(timer);
        timer = window.setTimeout(() => void showMatches(input.value), 150);
      });
      // An old `?q=` link: the query lives in the fragment from now on.
      if (new URLSearchParams(location.search).has('q')) {
        const q = readMessage({ search: location.search, hash: '' }, ['q']);
        history.replaceState(history.state, '', `${location.pathname}${q ? `#q=${encodeText(q)}` : ''}`);
      }
      const run = () => {
        const q = readMessage(location, ['q']);
        if (!q) return;
        // Pagefind gets a search-sized query; the matcher gets the whole paste.
        ui.triggerSearch(cut(q, SEARCH_QUERY_CHARS));
        void showMatches(q);
      };
      run();
      addEventListener('hashchange', run);
    } catch (err) {
      console.warn(err);
    }
  }
}

customElements.define('site-search', SiteSearch);
export {};
