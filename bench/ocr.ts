/**
 * npm run bench:ocr (also the last part of npm run bench) — prints figures, asserts nothing.
 *
 * Screenshots of the knowledge base's own examples (every `examples` entry of content/errors: real
 * messages with realistic values), rendered and photographed in Chromium as tests/e2e does (1x and
 * 2x, light and dark, sans and monospace, PNG and JPEG at quality 70, bare or in a table row with
 * buttons), then given to the built site's "Read a screenshot" input, served by `astro preview`
 * (which compresses as a host would). Figures:
 * - right page first: the first result is the example's page;
 * - key values exact: the matcher reads the same values from the OCR text as from the original;
 * - character accuracy of the text read (against the message, whitespace folded);
 * - cold time to result (a fresh browser context: download, start, read, match) and warm time;
 * - bytes downloaded on first use.
 *
 * Needs a build (npm run build); skipped with BENCH_NODE_ONLY=1. BENCH_OCR_LIMIT=20 reads fewer; BENCH_OCR_COLD_RUNS=5 times more cold starts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import levenshtein from 'damerau-levenshtein';
import type { Browser, Page } from '@playwright/test';
import { matcherFromContent } from '../src/lib/node/matcher-from-content';
import { ROOT } from '../src/lib/node/load-content';
import { launchChromium } from './chromium';
import { staleDist } from './dist';
import {
  LOOK,
  lookName,
  panelHtml,
  pickStashed,
  renderShot,
  stashImages,
  tableRowHtml,
  type ImageFile,
  type Look,
} from '../tests/e2e/screenshot-helpers';

const DIST = join(ROOT, 'dist');
const LIMIT = Number(process.env['BENCH_OCR_LIMIT'] ?? Infinity);
const COLD_RUNS = Number(process.env['BENCH_OCR_COLD_RUNS'] ?? 3);
/** The screenshot reader's code chunks (the reader's, the OCR chunk and its image worker). */
const OCR_CODE = /\/_astro\/(?:ocr|screenshot-reader)[.-]/;

/** The looks, in turn: every example gets the next one. */
const LOOKS: { look: Look; table: boolean }[] = [
  { look: LOOK, table: false },
  { look: { ...LOOK, scale: 2, dark: true }, table: false },
  { look: { ...LOOK, mono: true }, table: false },
  { look: { ...LOOK, jpeg: true, dark: true }, table: false },
  { look: { ...LOOK, scale: 2, mono: true }, table: false },
  { look: LOOK, table: true },
  { look: { ...LOOK, dark: true, mono: true, jpeg: true }, table: false },
  { look: { ...LOOK, scale: 2, dark: true }, table: true },
];
const lookLabel = (i: number) => {
  const l = LOOKS[i % LOOKS.length]!;
  return `${lookName(l.look)}${l.table ? ', table row' : ''}`;
};

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) =>
  bytes < 1e5 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(2)} MB`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Values equal as the page shows them: JSON values (account lists) compared parsed, others exactly. */
function sameValues(
  a: Record<string, string>,
  b: Record<string, string>,
  types: Record<string, string>,
): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => {
    if (types[k] !== 'json') return a[k] === b[k];
    try {
      return JSON.stringify(JSON.parse(a[k] ?? '')) === JSON.stringify(JSON.parse(b[k] ?? ''));
    } catch {
      return a[k] === b[k];
    }
  });
}

const accuracy = (read: string, meant: string) => {
  const a = fold(read);
  const b = fold(meant);
  return b.length ? Math.max(0, 1 - levenshtein(a, b).steps / b.length) : 1;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `astro preview` of dist/ on a free port, until `stop`. npx starts the server as a child of its
 * own, so the server runs in a process group of its own and `stop` ends the group: killing npx
 * alone left the server running after the bench.
 */
async function preview(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn('npx', ['astro', 'preview', '--port', String(port), '--ignore-lock'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`astro preview did not answer on ${url}`);
}

interface Reading {
  ms: number;
  /** The island's own split: preparing the image, waiting for the engine, reading (ms). */
  split: number[];
  state: string;
  text: string;
  firstSlug: string | null;
}

/** Picks the n-th stashed image and times it to the matcher's answer, in the page's own clock. */
async function timed(page: Page, n: number): Promise<Reading> {
  const t0 = await page.evaluate(() => performance.now());
  await pickStashed(page, n);
  await page.waitForFunction(
    () => {
      const state = document.querySelector<HTMLElement>('[data-testid="screenshot-status"]')?.dataset[
        'state'
      ];
      const results = document.querySelector<HTMLElement>('[data-testid="match-results"]')?.dataset['state'];
      if (state === 'error' || (state === 'read' && results === 'ready')) {
        (window as unknown as { doneAt?: number }).doneAt ??= performance.now();
        return true;
      }
      return false;
    },
    null,
    { timeout: 120_000, polling: 5 },
  );
  return page.evaluate((start) => {
    const w = window as unknown as { doneAt?: number };
    const ms = (w.doneAt ?? performance.now()) - start;
    delete w.doneAt;
    const status = document.querySelector<HTMLElement>('[data-testid="screenshot-status"]');
    return {
      ms,
      split: (status?.dataset['ms'] ?? '').split(',').map(Number),
      state: document.querySelector<HTMLElement>('[data-testid="screenshot-status"]')?.dataset['state'] ?? '',
      text: document.querySelector('textarea')?.value ?? '',
      firstSlug: document.querySelector<HTMLElement>('[data-testid="match-result"]')?.dataset['slug'] ?? null,
    };
  }, t0);
}

/** A fresh context (empty cache and IndexedDB): one image, its time and the bytes it downloaded. */
async function cold(
  browser: Browser,
  url: string,
  image: ImageFile,
): Promise<{ ms: number; split: number[]; bytes: Map<string, number> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = new Map<string, number>();
  page.on('requestfinished', (r) => {
    void r.sizes().then((s) => {
      const path = new URL(r.url()).pathname;
      bytes.set(path, (bytes.get(path) ?? 0) + s.responseBodySize + s.responseHeadersSize);
    });
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  bytes.clear();
  await stashImages(page, [image]);
  const { ms, split } = await timed(page, 0);
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ms, split, bytes };
}

async function main(): Promise<void> {
  if (process.env['BENCH_NODE_ONLY'] || !existsSync(join(DIST, 'ocr', 'worker.min.js'))) {
    console.log('\n## OCR\n\n(skipped: needs a build with dist/ocr/, and no BENCH_NODE_ONLY)');
    return;
  }
  const stale = staleDist(ROOT);
  if (stale) {
    console.log(`\n## OCR\n\n(skipped: ${stale} is newer than dist/; run npm run build first)`);
    return;
  }
  const { matcher, entries } = matcherFromContent();
  const cases = entries
    .flatMap((e) => e.data.examples.map((text) => ({ slug: e.id, text })))
    .slice(0, LIMIT)
    .map((c, i) => {
      const best = matcher.match(c.text).results[0];
      const own = best?.slug === c.slug;
      return { ...c, look: i % LOOKS.length, values: own ? best.values : {}, types: own ? best.types : {} };
    });

  const browser = await launchChromium();
  const server = await preview();
  try {
    const images: ImageFile[] = [];
    for (const c of cases) {
      const { look, table } = LOOKS[c.look]!;
      images.push(await renderShot(browser, table ? tableRowHtml(c.text) : panelHtml(c.text), look));
    }

    const colds: number[] = [];
    const coldSplits: number[][] = [];
    let firstUse = new Map<string, number>();
    for (let i = 0; i < COLD_RUNS; i++) {
      const run = await cold(browser, server.url, images[i % images.length]!);
      colds.push(run.ms);
      coldSplits.push(run.split);
      if (i === 0) firstUse = run.bytes;
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await stashImages(page, images);
    const readings: Reading[] = [];
    for (let i = 0; i < images.length; i++) readings.push(await timed(page, i));
    await context.close();

    const byLook = new Map<number, { n: number; first: number; values: number; withValues: number }>();
    let first = 0;
    let exact = 0;
    let withValues = 0;
    const accuracies: number[] = [];
    const misses: string[] = [];
    cases.forEach((c, i) => {
      const r = readings[i]!;
      const outcome = r.state === 'read' ? matcher.match(r.text) : undefined;
      const top = outcome?.results[0];
      const rightFirst = r.firstSlug === c.slug && top?.slug === c.slug;
      const hasValues = Object.keys(c.values).length > 0;
      const valuesExact = rightFirst && sameValues(top.values, c.values, c.types);
      const l = byLook.get(c.look) ?? { n: 0, first: 0, values: 0, withValues: 0 };
      l.n++;
      if (rightFirst) {
        first++;
        l.first++;
      }
      if (hasValues) {
        withValues++;
        l.withValues++;
        if (valuesExact) {
          exact++;
          l.values++;
        }
      }
      byLook.set(c.look, l);
      accuracies.push(r.state === 'read' ? accuracy(r.text, c.text) : 0);
      if (!rightFirst || (hasValues && !valuesExact))
        misses.push(
          `- [${lookLabel(c.look)}] ${c.slug}: ${r.state === 'read' ? `first ${r.firstSlug ?? 'none'}` : r.state}${
            hasValues && !valuesExact
              ? `, values ${JSON.stringify(top?.values ?? {})} ≠ ${JSON.stringify(c.values)}`
              : ''
          }\n  read: ${JSON.stringify(r.text)}`,
        );
    });
    // The first image of the warm page still started the engine (from the HTTP and IndexedDB caches).
    const warm = readings.slice(1).map((r) => r.ms);
    const fileBytes = (test: (p: string) => boolean) =>
      [...firstUse].filter(([p]) => test(p)).reduce((a, [, n]) => a + n, 0);
    const ocrCode = fileBytes((p) => OCR_CODE.test(p));
    const engine = [...firstUse].filter(([p]) => p.startsWith('/ocr/'));

    console.log(
      `\n## OCR: screenshots of the knowledge base's examples (${cases.length}), read in Chromium\n`,
    );
    console.log(row(['Measure', 'Value', 'Target']));
    console.log(row(['---', '---', '---']));
    console.log(row(['Right page first', `${pct(first, cases.length)} (${first}/${cases.length})`, '≥ 95%']));
    console.log(
      row(['Key values exact', `${pct(exact, withValues)} (${exact}/${withValues} with values)`, '≥ 90%']),
    );
    console.log(
      row([
        'Character accuracy, median / p10',
        `${quantile(accuracies, 0.5).toFixed(3)} / ${quantile(accuracies, 0.1).toFixed(3)}`,
        '—',
      ]),
    );
    console.log(
      row([
        `Cold time to result (fresh context, ${COLD_RUNS} runs), median`,
        `${sec(quantile(colds, 0.5))} (${colds.map(sec).join(', ')})`,
        '≤ 2 s',
      ]),
    );
    const coldPart = (k: number) =>
      sec(
        quantile(
          coldSplits.map((s) => s[k] ?? NaN),
          0.5,
        ),
      );
    console.log(
      row([
        'Cold: preparing the image / starting the engine / reading it, medians',
        `${coldPart(0)} / ${coldPart(1)} / ${coldPart(2)}`,
        '—',
      ]),
    );
    const part = (k: number) =>
      sec(
        quantile(
          readings.slice(1).map((r) => r.split[k] ?? NaN),
          0.5,
        ),
      );
    console.log(row(['Warm: preparing the image / reading it, medians', `${part(0)} / ${part(2)}`, '—']));
    console.log(
      row([
        'Warm time to result, median / p95',
        `${sec(quantile(warm, 0.5))} / ${sec(quantile(warm, 0.95))}`,
        '≤ 0.6 s',
      ]),
    );
    // The same files from dist/, gzip -6 as a host sends them (the browser under-reports the bodies
    // of requests a worker makes with importScripts); the language data is gzip already.
    const fetched = [...firstUse.keys()].filter((p) => p.startsWith('/ocr/') || OCR_CODE.test(p));
    const onDisk = fetched.map((p): [string, number] => {
      const body = readFileSync(join(DIST, p));
      return [p, p.endsWith('.gz') ? body.length : gzipSync(body).length];
    });
    console.log(
      row([
        'Bytes downloaded on first use, gzip (files fetched, from dist/)',
        `${mb(onDisk.reduce((a, [, n]) => a + n, 0))}: ${onDisk.map(([p, n]) => `${p} ${mb(n)}`).join(', ')}`,
        '—',
      ]),
    );
    console.log(
      row([
        'The same, as the browser counted it (astro preview compresses the scripts, not the .wasm)',
        `${mb(fileBytes((p) => p.startsWith('/ocr/')) + ocrCode)}: ${engine.map(([p, n]) => `${p} ${mb(n)}`).join(', ')}, OCR code ${mb(ocrCode)}`,
        '—',
      ]),
    );
    console.log(
      `\nLoad average while measuring (2 cores shared): ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')}\n`,
    );
    console.log(row(['Look', 'Screenshots', 'Right page first', 'Key values exact']));
    console.log(row(['---', '---', '---', '---']));
    for (const [look, l] of [...byLook].sort((a, b) => a[0] - b[0]))
      console.log(
        row([lookLabel(look), l.n, pct(l.first, l.n), `${pct(l.values, l.withValues)} of ${l.withValues}`]),
      );
    if (misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
