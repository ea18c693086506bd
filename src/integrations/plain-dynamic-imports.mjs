// @ts-check
/**
 * Vite wraps every dynamic `import()` in the browser's code in its preload helper, which also
 * fetches the imported chunk's own imports in parallel (`<link rel="modulepreload">`) and fires a
 * `vite:preloadError` event when one fails. Here neither is needed: a page's static imports are
 * preloaded by module-preload.mjs, a dynamic chunk's imports are nearly all loaded already (the
 * result buttons' code adds only the copying code, the screenshot reader nothing), and no code
 * listens for the event (a failed import still rejects: the result buttons say to reload). The
 * helper was a file of 880 B gzip on every page with a dynamic import, the home page's included;
 * this one only runs the import, and Vite lists no chunks for it to preload.
 */

/** The id Vite gives the helper module it imports into each chunk with a dynamic import. */
const HELPER = '\0vite/preload-helper.js';

/** @returns {import('vite').Plugin} */
export function plainDynamicImports() {
  return {
    name: 'plain-dynamic-imports',
    // Before Vite's own plugin, which would load its helper under the same id.
    enforce: 'pre',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : null),
    },
    // Without modulePreload Vite still lists a dynamic chunk's stylesheets for the helper to load,
    // which this one would not: no browser script imports CSS today, and the build says if one does.
    writeBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps'))
          this.error(
            `${chunk.fileName}: a dynamic import has stylesheets to preload (plain-dynamic-imports.mjs)`,
          );
    },
  };
}
