/**
 * `npm run audit`: Lighthouse (mobile preset) on the built site, plus the size of dist/. Measures,
 * asserts nothing; targets are 100 in every category. Needs a build (`npm run build`), or pass
 * `--build` to run and time one first. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 *
 *   npm run audit                 # home page and one error page
 *   npm run audit -- --build      # time `npm run build` first
 *   npm run audit -- --details    # also list every audit that scored below 1
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../bench/static-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const args = new Set(process.argv.slice(2));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PAGES = ['/', '/errors/txn-date-before-closing-date/'];

function distSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) {
      const sub = distSize(full);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(full).size;
      files += 1;
    }
  }
  return { bytes, files };
}

let buildMs: number | undefined;
if (args.has('--build')) {
  const start = performance.now();
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('npm run build failed');
  buildMs = performance.now() - start;
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first (or `npm run audit -- --build`).');
  process.exit(1);
}

const { server, url: origin } = await serve(DIST);
const chrome = await launch({
  chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  logLevel: 'silent',
});

const rows: string[] = [];
try {
  for (const path of PAGES) {
    const result = await lighthouse(new URL(path, origin).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    rows.push(`| ${path} | ${scores.join(' | ')} |`);
    const below = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < 1)
        .map((a) => `  ${c}: ${a.id} (${a.score}) ${a.displayValue ?? ''} ${a.title}`),
    );
    if (below.length && (args.has('--details') || scores.some((s) => s < 100)))
      console.log(`${path}, audits below 1:\n${below.join('\n')}`);
    const m = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    console.log(
      `${path}: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`,
    );
  }
} finally {
  chrome.kill();
  server.close();
}

const size = distSize(DIST);
console.log(
  `\n## Lighthouse (mobile preset)\n\n| Page | Performance | Accessibility | Best practices | SEO |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}`,
);
console.log(
  `\n## dist/\n\n${(size.bytes / 1024).toFixed(1)} KB in ${size.files} files${buildMs === undefined ? '' : `; npm run build took ${(buildMs / 1000).toFixed(1)} s`}.`,
);
