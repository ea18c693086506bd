/**
 * Helpers for the quality gates (quality.spec.ts): a `test` that also fails on any request to a
 * third-party origin, an axe run, a focus-visibility probe, and a payload crawler over dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Like fixtures.ts's `test` (empty console), and every request must stay on the test server:
 * anything else (http, https, ws) is aborted and fails the test. `data:` and `blob:` URLs never
 * reach the router.
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Playwright types a fixture that gives nothing as void
export const test = base.extend<{ noThirdParty: void }>({
  noThirdParty: [
    async ({ context }, use) => {
      const foreign: string[] = [];
      await context.route(
        (url) => !LOCAL_HOSTS.has(url.hostname),
        (route) => {
          foreign.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      await use();
      expect(foreign, 'requests to third-party origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A violation a page may keep: one rule on one node (CSS selector as axe reports it), with the reason. */
export interface AxeAllowance {
  rule: string;
  target: string;
  why: string;
}

/**
 * Runs axe with every rule it enables by default: WCAG 2.0/2.1/2.2 A and AA plus best practices.
 * `allow` lets through one rule on one node each, nothing wider.
 */
export async function expectNoAxeViolations(
  page: Page,
  label: string,
  allow: AxeAllowance[] = [],
): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const readable = violations
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .filter((n) => !allow.some((a) => a.rule === v.id && n.target.join(' ') === a.target))
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 5) }));
  expect(readable, `axe violations on ${label}`).toEqual([]);
}

/** What the focused element looks like: its selector-ish name and whether a focus ring is drawn. */
export interface FocusState {
  /** tag#id.class "text", for messages; '' when nothing (body) has focus. */
  name: string;
  /** true when the element draws an outline (style not none, width > 0) or a box-shadow. */
  visible: boolean;
  /** Where it is relative to the viewport (after the browser scrolled it into view). */
  inViewport: boolean;
}

export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement)
      return { name: '', visible: false, inViewport: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
    const cls =
      typeof el.className === 'string' && el.className
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    return {
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${text ? ` "${text}"` : ''}`,
      visible: outline || shadow,
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
    };
  });
}

/** Every HTML file in dist/ as the URL path the server answers it on. */
export function builtPages(): { file: string; path: string }[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` first');
  const out: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'pagefind' && d.name !== '_astro') walk(full);
      } else if (d.name.endsWith('.html')) {
        const rel = relative(DIST, full).split(sep).join('/');
        out.push({ file: full, path: `/${rel.replace(/(^|\/)index\.html$/, '$1')}` });
      }
    }
  };
  walk(DIST);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

export interface Payload {
  /** gzip bytes per file (site-relative path), or `inline #n` for inline module scripts. */
  files: Map<string, number>;
  total: number;
}

/**
 * The JavaScript a page loads up front: its module scripts (external and inline) and everything
 * they import statically, plus, with `dynamic`, dynamic imports and worker files referenced as
 * `new URL('/_astro/….js', import.meta.url)`. Sizes are gzip -9 of the files in dist/. Files whose
 * path matches `skip` are neither counted nor followed.
 */
export function pageScripts(
  htmlPath: string,
  opts: { dynamic?: boolean; inline?: boolean; workers?: boolean; skip?: RegExp } = {},
): Payload {
  const html = readFileSync(htmlPath, 'utf8');
  const files = new Map<string, number>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) queue.push(src);
    else if (opts.inline !== false && m[2]?.trim()) {
      files.set(`inline #${files.size + 1}`, gz(m[2]));
      queue.push(...importsOf(m[2], '/_astro/', opts.dynamic ?? false, opts.workers ?? false));
    }
  }
  while (queue.length) {
    const src = queue.shift()!;
    const path = new URL(src, 'http://x/').pathname;
    if (files.has(path) || opts.skip?.test(path)) continue;
    const file = join(DIST, path.replace(/^\/+/, ''));
    if (!existsSync(file)) throw new Error(`${htmlPath} refers to ${path}, which is not in dist/`);
    const code = readFileSync(file, 'utf8');
    files.set(path, gz(code));
    queue.push(...importsOf(code, path.replace(/[^/]+$/, ''), opts.dynamic ?? false, opts.workers ?? false));
  }
  return { files, total: [...files.values()].reduce((a, b) => a + b, 0) };
}

/**
 * Static imports (with `workers`, also worker files; with `dynamic`, also dynamic imports and
 * every `/_astro/*.js` URL) of a module, resolved against `dir`.
 */
function importsOf(code: string, dir: string, dynamic: boolean, workers: boolean): string[] {
  const out: string[] = [];
  const resolve = (spec: string) => new URL(spec, `http://x${dir}`).pathname;
  // `import "x"`, `import a from "x"`, `export * from "x"` (minified: `from"./x.js"`).
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g))
    out.push(resolve(m[1]!));
  if (workers && !dynamic) {
    for (const m of code.matchAll(/["'`](\/_astro\/worker-[^"'`\s]+\.js)["'`]/g)) out.push(resolve(m[1]!));
  }
  if (dynamic) {
    for (const m of code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) out.push(resolve(m[1]!));
    // Vite's preload helper lists dynamic chunks as plain strings; workers appear as `new URL(...)`.
    for (const m of code.matchAll(/["'`]((?:\.\/|\/_astro\/)[^"'`\s]+\.js)["'`]/g)) out.push(resolve(m[1]!));
  }
  return out;
}

export const gzipOf = (path: string) => gz(readFileSync(join(DIST, path.replace(/^\/+/, ''))));

/** The home page with the clipboard allowed (for the copy buttons) and `text` typed into the box. */
export async function homeWith(page: Page, context: BrowserContext, text: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByLabel('Paste an error message').fill(text);
}

/** Clicks the copy button named `name` within `scope`, waits for "Copied.", and reads the clipboard. */
export async function copiedBy(scope: Page | Locator, name: string): Promise<string> {
  await scope.getByRole('button', { name }).click();
  await expect(scope.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  const page = 'page' in scope ? scope.page() : scope;
  return page.evaluate(() => navigator.clipboard.readText());
}
