// @ts-check
/**
 * The Content-Security-Policy, written once: every page's `<meta http-equiv>` (src/layouts/Base.astro,
 * src/components/Redirect.astro) and the `_headers` file for hosts that read one
 * (src/integrations/headers.mjs) come from here. `'self'` only: no third-party origin, no inline
 * script or style, no hash. Only the search page, where Pagefind compiles its WebAssembly search
 * core, also gets `'wasm-unsafe-eval'` (never `'unsafe-eval'`); so do, in `_headers`, the
 * screenshot reader's files under `ocr/`, whose worker compiles its OCR core.
 */

/** @typedef {{ wasm?: boolean }} PolicyOptions */

/** @param {PolicyOptions} [options] */
export function directives({ wasm = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self'",
    // The troubleshooter's module worker is a file under /_astro/.
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** The policy for a page's `<meta http-equiv="content-security-policy">`. */
export const metaPolicy = (/** @type {PolicyOptions} */ options = {}) => directives(options).join('; ');

/** The policy as a response header: the same, plus frame-ancestors, which only works as a header. */
export const headerPolicy = (/** @type {PolicyOptions} */ options = {}) =>
  [...directives(options), "frame-ancestors 'none'"].join('; ');
