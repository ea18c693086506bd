// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { stepAnchors } from './src/integrations/step-anchors.mjs';
import { ocrAssets } from './src/integrations/ocr-assets.ts';

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
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), ocrAssets()],
  markdown: {
    processor: satteri({ hastPlugins: [stepAnchors] }),
  },
  devToolbar: { enabled: false },
  // No inline scripts or styles: Astro would inline small ones and allow them by hash in the <meta>,
  // but public/_headers is static and cannot know those hashes. Every script is a file under
  // /_astro/, allowed by 'self' in both policies.
  // Module workers, so the troubleshooter's worker can load Fuse.js as a separate chunk on demand.
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  // Content-Security-Policy as a <meta> on every page; Astro adds the hashes of its own inline
  // scripts and styles. No third-party origin anywhere. public/_headers repeats it for hosts that
  // read that file (keep the two in step; tests/e2e/quality.spec.ts checks both).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        // The troubleshooter's module worker is a file under /_astro/.
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search core, and the screenshot reader its OCR core (in a
      // worker that gets public/_headers' policy): that needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
