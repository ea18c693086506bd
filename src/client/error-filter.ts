/**
 * <error-filter>: the filter box of /errors/. Without JS the page is the plain grouped list and the
 * box stays hidden. With JS, typing keeps the errors whose title and message hold every typed word,
 * hides the groups left empty, and says how many are shown.
 */
import * as TEXT from './text-list';

const DEBOUNCE_MS = 100;

class ErrorFilter extends HTMLElement {
  connectedCallback(): void {
    const panel = this.querySelector<HTMLElement>('.error-filter');
    const box = panel?.querySelector('input');
    const status = panel?.querySelector<HTMLElement>('[role="status"]');
    if (!panel || !box || !status) return;
    const items = [...this.querySelectorAll<HTMLElement>('[data-testid="catalogue-item"]')];
    const groups = [...this.querySelectorAll<HTMLElement>('[data-group]')];
    const groupOf = items.map((li) => groups.indexOf(li.closest<HTMLElement>('[data-group]')!));
    let texts: string[] | undefined;
    let timer: number | undefined;

    const apply = () => {
      const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      texts ??= items.map((li) => li.textContent.toLowerCase());
      const perGroup = groups.map(() => 0);
      items.forEach((li, i) => {
        const show = words.every((w) => texts![i]!.includes(w));
        if (li.hidden === show) li.hidden = !show;
        if (show) perGroup[groupOf[i]!]!++;
      });
      groups.forEach((g, i) => (g.hidden = perGroup[i] === 0));
      const shown = perGroup.reduce((a, b) => a + b, 0);
      status.textContent = !words.length
        ? ''
        : shown
          ? TEXT.filter.shown(shown, items.length)
          : TEXT.filter.none;
    };
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(apply, DEBOUNCE_MS);
    });
    panel.hidden = false;
    // Back and forward restore what was typed.
    if (box.value) apply();
  }
}

customElements.define('error-filter', ErrorFilter);
