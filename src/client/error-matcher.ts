/**
 * <error-matcher>: the troubleshooter island. Without JS its form is hidden and sends nothing (the
 * box has no name, the button starts disabled) and the page still lists every error. With JS,
 * results update as the person types or pastes (debounced; stale answers dropped), Enter opens the
 * best match, and `/#q=<message>` opens with the box filled (an old `/?q=` link too, moved into the
 * fragment at once). The index loads on first focus or when the page is idle.
 */
import { MatchClient } from './match-client';
import { renderResults } from './render-results';
import { cut, encodeText } from '../lib/cut';
import { readMessage, shortenForLink, troubleshooterHref } from '../lib/links';
import type { GroupedOutcome } from '../lib/matcher/groups';
import { BOX_PREVIEW_CHARS } from '../lib/matcher/limits';
import { notFoundText } from '../lib/support-request';
import { statusBeside } from './dom';
import { wireScreenshots } from './screenshot-intake';
import * as TEXT from './text';

const DEBOUNCE_MS = 150;

/**
 * The result buttons' code, loaded at the first click. It can fail where the rest did not: a tab
 * left open across a deploy asks for a file the new deploy no longer has. The button then says so.
 */
async function loadActions(button: HTMLElement): Promise<typeof import('./result-actions') | undefined> {
  try {
    return await import('./result-actions');
  } catch (err) {
    console.warn(err);
    statusBeside(button, TEXT.actionsFailed);
    return undefined;
  }
}

class ErrorMatcher extends HTMLElement {
  #client: MatchClient | undefined;
  #timer: number | undefined;
  #outcome: GroupedOutcome | undefined;
  #text = '';
  /** The whole paste, when the box only shows its start. */
  #full: string | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const box = this.querySelector('textarea');
    const results = this.querySelector<HTMLElement>('[data-testid="match-results"]');
    if (!form || !box || !results) return;
    const base = this.dataset['base'] ?? '/';
    this.#client = new MatchClient(this.dataset['index'] ?? `${base}match-index.json`);
    const warm = () => void this.#client?.warm().catch((err: unknown) => this.#fail(results, err));
    box.addEventListener('focus', warm, { once: true });
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 3000 });
    else setTimeout(warm, 1500);

    const current = () => this.#full ?? box.value;
    box.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length <= BOX_PREVIEW_CHARS) return;
      event.preventDefault();
      this.#full = pasted;
      box.value = `${cut(pasted, BOX_PREVIEW_CHARS)}\n${TEXT.longPaste(pasted.length)}`;
      void this.#run(pasted, results, base);
    });
    box.addEventListener('input', () => {
      // Typing in the box after a long paste: the box is the message again.
      this.#full = undefined;
      clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => void this.#run(box.value, results, base), DEBOUNCE_MS);
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      } else if (event.key === 'Escape' && box.value) {
        box.value = '';
        this.#full = undefined;
        void this.#run('', results, base);
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#openBest(current(), results, base);
    });

    wireScreenshots(
      this,
      box,
      base,
      (text) => {
        this.#full = undefined;
        box.value = text;
        void this.#run(text, results, base);
      },
      () => this.#client?.warmFuzzy(),
    );

    results.addEventListener('click', (event) => {
      const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      if (target) void this.#action(target, base);
    });

    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = false;

    const fromLink = () => {
      const message = readMessage(location, ['q']);
      if (!message || message === current()) return;
      box.value = message;
      this.#full = undefined;
      void this.#run(message, results, base);
    };
    // An old `?q=` link: keep the message, but only in the fragment from now on.
    if (new URLSearchParams(location.search).has('q')) {
      const message = readMessage({ search: location.search, hash: '' }, ['q']);
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${message ? `#q=${encodeText(message)}` : ''}`,
      );
    }
    fromLink();
    addEventListener('hashchange', fromLink);
  }

  #fail(results: HTMLElement, err: unknown): void {
    console.warn(err);
    const p = document.createElement('p');
    p.textContent = TEXT.loadFailed;
    results.replaceChildren(p);
    results.dataset['state'] = 'ready';
  }

  async #run(text: string, results: HTMLElement, base: string): Promise<GroupedOutcome | undefined> {
    clearTimeout(this.#timer);
    this.#text = text;
    if (!text.trim()) {
      this.#outcome = undefined;
      results.replaceChildren();
      results.dataset['state'] = 'idle';
      return undefined;
    }
    results.dataset['state'] = 'loading';
    try {
      const answer = await this.#client!.match(text);
      if (!answer || text !== this.#text) return undefined;
      this.#outcome = answer.outcome;
      renderResults(results, answer.outcome, {
        base,
        message: text,
        tools: true,
        support: { email: this.dataset['supportEmail'], url: this.dataset['supportUrl'] },
      });
      if (answer.outcome.results.length) results.append(this.#toolbar(text, answer.outcome, base));
      const mailto = results.querySelector<HTMLAnchorElement>('a.mailto');
      if (mailto) {
        const body = notFoundText(shortenForLink(text), this.#pageUrl(base), answer.outcome);
        mailto.href = `mailto:${this.dataset['supportEmail'] ?? ''}?subject=${encodeText(TEXT.notFound.emailSubject)}&body=${encodeText(body)}`;
      }
      results.dataset['ms'] = answer.ms.toFixed(3);
      results.dataset['state'] = 'ready';
      return answer.outcome;
    } catch (err) {
      this.#fail(results, err);
      return undefined;
    }
  }

  #pageUrl(base: string): string {
    return new URL(base, location.href).href;
  }

  async #action(button: HTMLButtonElement, base: string): Promise<void> {
    const context = { outcome: this.#outcome, text: this.#text, base, pageUrl: this.#pageUrl(base) };
    const actions = await loadActions(button);
    await actions?.runAction(button, context);
  }

  async #openBest(text: string, results: HTMLElement, base: string): Promise<void> {
    const outcome =
      text === this.#text && this.#outcome ? this.#outcome : await this.#run(text, results, base);
    // The first item: a result, or a near-duplicate group (its chosen page, or else its question).
    const first = results.querySelector<HTMLElement>('.result-list > li');
    const link = first?.querySelector<HTMLAnchorElement>('[data-testid="match-result"] a');
    if (outcome?.results.length && link) location.assign(link.href);
    else if (first?.dataset['testid'] === 'match-group')
      first.querySelector<HTMLButtonElement>('button[data-answer]')?.focus();
    else results.querySelector<HTMLElement>('.results-summary')?.focus();
  }

  #toolbar(text: string, outcome: GroupedOutcome, base: string): HTMLElement {
    const bar = document.createElement('p');
    bar.className = 'result-tools';
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'secondary';
    copy.textContent = TEXT.copyLink;
    copy.addEventListener('click', () => {
      const href = new URL(troubleshooterHref(base, shortenForLink(text, outcome)), location.href).href;
      void loadActions(copy).then((actions) => actions?.copyText(copy, href));
    });
    bar.append(copy);
    return bar;
  }
}

customElements.define('error-matcher', ErrorMatcher);
