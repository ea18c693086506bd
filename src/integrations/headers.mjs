// @ts-check
/**
 * Writes dist/_headers (Netlify, Cloudflare Pages) after the build, from src/csp.mjs, so the
 * headers and the pages' <meta> policies never drift apart. Every path gets nosniff and
 * no-referrer. The CSP goes on rules that never overlap (two matching CSP headers would both be
 * enforced, and the stricter would block Pagefind): one per top-level folder of the built site,
 * `'wasm-unsafe-eval'` on the search page's and on `wasmPaths` (the screenshot reader's `ocr/`: a
 * worker is governed by its own response's policy, and that worker compiles a WebAssembly core).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headerPolicy } from '../csp.mjs';

/** @param {{ base: string; searchPath: string; wasmPaths?: string[] }} options @returns {import('astro').AstroIntegration} */
export function headersFile({ base, searchPath, wasmPaths = [] }) {
  const root = base.replace(/\/?$/, '/');
  return {
    name: 'headers-file',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const folders = readdirSync(out, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort();
        const rule = (/** @type {string} */ path, /** @type {boolean} */ wasm) =>
          `${path}\n  Content-Security-Policy: ${headerPolicy({ wasm })}`;
        const lines = [
          '# Written by src/integrations/headers.mjs from src/csp.mjs at build time: edit those, not this.',
          `${root}*`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: no-referrer',
          rule(root, false),
          rule(`${root}404.html`, false),
          ...folders.map((f) => rule(`${root}${f}/*`, [searchPath, ...wasmPaths].includes(`${root}${f}/`))),
        ];
        writeFileSync(`${out}_headers`, `${lines.join('\n')}\n`);
      },
    },
  };
}
