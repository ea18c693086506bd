/**
 * Site-wide keyboard and search-form behaviour.
 * - `/` focuses the troubleshooter box where the page has one, else the header search.
 * - The search forms (`form[data-site-search]`: the header's, the 404 page's, the search page's
 *   fallback) open the search page with the query in the fragment (`#q=`), which is never sent to a
 *   server: a pasted error must not travel in a request. Their fields have no name and their buttons
 *   start disabled, so without JS they send nothing (and CSS hides them: search needs JS).
 */
import { SEARCH_FORM_CHARS } from '../lib/matcher/limits';

/**
 * The query for the fragment, never throwing: cut by characters (an emoji stays whole), lone
 * surrogates made U+FFFD. (lib/cut.ts does the same for the island; kept apart so every page's
 * script stays this small.)
 */
const encodeQuery = (q: string) =>
  encodeURIComponent(Array.from(q).slice(0, SEARCH_FORM_CHARS).join('').toWellFormed());

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
  const box =
    document.querySelector<HTMLElement>('#paste-box') ??
    document.querySelector<HTMLElement>('#site-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
});

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-site-search]')) {
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) submit.disabled = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = form.querySelector<HTMLInputElement>('input[type="search"]')?.value.trim() ?? '';
    const target = new URL(form.getAttribute('action') ?? '', location.href);
    target.search = '';
    target.hash = q ? `q=${encodeQuery(q)}` : '';
    if (target.pathname !== location.pathname) location.assign(target.href);
    else if (location.hash !== target.hash) location.hash = target.hash;
    // The same query again: no hashchange of its own, so search again by hand.
    else dispatchEvent(new HashChangeEvent('hashchange'));
  });
}
