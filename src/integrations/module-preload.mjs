// @ts-check
/**
 * After the build, every page that loads a module script also gets a `<link rel="modulepreload">`
 * for each module that script imports, directly or not. Without them the browser finds the imports
 * one level at a time (the troubleshooter's script, then render-results.js and four others, then
 * the runtime helper they import): three round trips in a row before the troubleshooter can start
 * its worker. Dynamic imports (Fuse.js and the fuzzy stage, loaded on demand) are left alone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Static imports in a built module: `import"./a.js"`, `from"./b.js"` (minified or not). */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
const MODULE_SCRIPT = /<script type="module" src="([^"]+\.js)"><\/script>/g;

/**
 * The modules a page's scripts import, in the order found, by URL path.
 * @param {string} dist the build's output directory
 * @param {string} base the site's base path (`/`, or `/qbo/` with BASE_PATH): URLs start with it, dist/ does not
 * @param {string[]} entries the page's module script URLs (site-absolute paths)
 * @param {Map<string, string[]>} cache imports per module URL, shared across pages
 */
export function staticImports(dist, base, entries, cache) {
  const seen = new Set(entries);
  const out = [];
  const queue = [...entries];
  while (queue.length) {
    const src = /** @type {string} */ (queue.shift());
    let imports = cache.get(src);
    if (!imports) {
      let code = '';
      try {
        code = readFileSync(join(dist, src.startsWith(base) ? src.slice(base.length) : src), 'utf8');
      } catch {
        // A script that is not in this build: nothing to preload.
      }
      imports = [...code.matchAll(STATIC_IMPORT)].map((m) =>
        posix.normalize(posix.join(posix.dirname(src), /** @type {string} */ (m[1]))),
      );
      cache.set(src, imports);
    }
    for (const dep of imports)
      if (!seen.has(dep)) {
        seen.add(dep);
        out.push(dep);
        queue.push(dep);
      }
  }
  return out;
}

/** @param {string} dir */
function* htmlFiles(dir) {
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (d.isFile() && d.name.endsWith('.html')) yield join(d.parentPath, d.name);
}

/** @returns {import('astro').AstroIntegration} */
export function modulePreload() {
  let base = '/';
  return {
    name: 'module-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        /** @type {Map<string, string[]>} */
        const cache = new Map();
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const entries = [...html.matchAll(MODULE_SCRIPT)].map((m) => /** @type {string} */ (m[1]));
          const deps = staticImports(dist, base, entries, cache);
          if (!deps.length || !html.includes('</head>')) continue;
          const links = deps.map((d) => `<link rel="modulepreload" href="${d}">`).join('');
          writeFileSync(file, html.replace('</head>', `${links}</head>`));
          pages++;
        }
        logger.info(`modulepreload links added to ${pages} pages`);
      },
    },
  };
}
