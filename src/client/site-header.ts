/**
 * Site-wide keyboard and header search behaviour.
 * - `/` focuses the troubleshooter box where the page has one, else the header search.
 * - The header search opens the search page with the query in the fragment (`#q=`), which is
 *   never sent to a server: a pasted error must not travel in a request.
 */
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

const headerSearch = document.querySelector<HTMLFormElement>('form.header-search');
headerSearch?.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = headerSearch.querySelector<HTMLInputElement>('input[name="q"]');
  const q = input?.value.trim() ?? '';
  const target = new URL(headerSearch.action, location.href);
  target.hash = q ? `q=${encodeURIComponent(q.slice(0, 2000))}` : '';
  if (target.pathname === location.pathname) {
    location.hash = target.hash;
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else location.assign(target.href);
});
