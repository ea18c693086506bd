/**
 * The search page: Pagefind's own UI, loaded on demand. A query from ?q= is searched at once.
 */
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

class SiteSearch extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const bundle = this.dataset['bundle'] ?? '/pagefind/';
    const host = this.querySelector<HTMLElement>('#pagefind-search');
    if (!host) return;
    try {
      loadStyle(`${bundle}pagefind-ui.css`);
      await loadScript(`${bundle}pagefind-ui.js`);
      if (!window.PagefindUI) throw new Error('[site-search] Pagefind UI did not load');
      host.replaceChildren();
      const ui = new window.PagefindUI({ element: host, bundlePath: bundle, showSubResults: true, showImages: false, resetStyles: false, autofocus: true });
      const q = new URLSearchParams(location.search).get('q');
      if (q) ui.triggerSearch(q.slice(0, 500));
    } catch (err) {
      console.warn(err);
    }
  }
}

customElements.define('site-search', SiteSearch);
export {};
