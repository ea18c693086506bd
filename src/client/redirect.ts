/** Alias pages: go to the canonical page, keeping `#step-N` or `#m=…` (a meta refresh would drop it). */
const target = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('data-path');
if (target) location.replace(target + location.search + location.hash);
