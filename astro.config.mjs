// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { headersFile } from './src/integrations/headers.mjs';
import { shikiClasses } from './src/integrations/shiki-classes.mjs';
import { stepAnchors } from './src/integrations/step-anchors.mjs';
import { markdownLikeMdx } from './src/integrations/markdown-like-mdx.mjs';
import { modulePreload } from './src/integrations/module-preload.mjs';
import { ocrAssets } from './src/integrations/ocr-assets.ts';
import { plainDynamicImports } from './src/integrations/plain-dynamic-imports.mjs';

/**
 * The public URL and base path come from the environment, so the same build works on any host:
 *   SITE_URL=https://help.example.com BASE_PATH=/qbo/ npm run build
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    sitemap(),
    // Before headersFile, which gives each top-level folder of dist/ its policy: dist/ocr/ must exist.
    ocrAssets(),
    headersFile({
      base,
      searchPath: `${base.replace(/\/?$/, '/')}search/`,
      wasmPaths: [`${base.replace(/\/?$/, '/')}ocr/`],
    }),
    modulePreload(),
  ],
  markdown: {
    // Renders .md and .mdx pages (MDX through @astrojs/mdx); a page gives the same HTML as either.
    processor: markdownLikeMdx(satteri({ hastPlugins: [stepAnchors] })),
    // Code blocks: Shiki's css-variables theme, each colour a class (no inline style: the CSP
    // allows none); src/styles/global.css gives the colours, light and dark.
    shikiConfig: { theme: 'css-variables', transformers: [shikiClasses] },
  },
  devToolbar: { enabled: false },
  // Read at build time (README, "Deployment"); each is optional.
  env: {
    schema: {
      // Where the "Not in the knowledge base?" request goes: an address, or a support form's URL.
      SUPPORT_EMAIL: envField.string({ context: 'server', access: 'public', optional: true, includes: '@' }),
      SUPPORT_URL: envField.string({ context: 'server', access: 'public', optional: true, url: true }),
      // The platform's help site: the articles the pages name become links (src/lib/help-articles.ts).
      HELP_BASE_URL: envField.string({ context: 'server', access: 'public', optional: true, url: true }),
    },
  },
  // No inline scripts or styles (the CSP allows none): Astro would inline small scripts and
  // stylesheets. Every script and stylesheet is a file under /_astro/, allowed by 'self'.
  // Module workers, so the troubleshooter's worker can load Fuse.js as a separate chunk on demand.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    // Dynamic imports without Vite's preload helper (src/integrations/plain-dynamic-imports.mjs).
    plugins: [plainDynamicImports()],
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every imported constant (the limits in src/lib/matcher/limits.ts, mostly) is written where it
        // is used: each page's script no longer imports a chunk of numbers, and a sentence built from
        // a limit is one string (the home page's paste: 273 B gzip less). The worker's build too.
        optimization: { inlineConst: true },
      },
    },
    worker: {
      format: 'es',
      rolldownOptions: {
        optimization: { inlineConst: true },
        // Vite builds the workers apart and leaves Rolldown's default there, which keeps every
        // `/* @__PURE__ */` in the minified code (the matcher's worker 42 B gzip, on every paste):
        // none, as in its build of the pages' code.
        output: { comments: { annotation: false, jsdoc: false, legal: false } },
      },
    },
  },
  // The Content-Security-Policy is written by hand in src/csp.mjs, not by `security.csp`: Astro's
  // would list a hash for every script and stylesheet file of the build, which nothing needs, and
  // cannot give 'wasm-unsafe-eval' to the search page alone. Base.astro puts it in every page's
  // <meta>; the headers-file integration writes dist/_headers from the same source.
});
