/** `/` focuses the troubleshooter box where the page has one, else the header search. */
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
  const box = document.querySelector<HTMLElement>('#paste-box') ?? document.querySelector<HTMLElement>('#site-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
});
