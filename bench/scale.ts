/**
 * npm run bench:scale [-- N] — prints figures, asserts nothing.
 *
 * Builds the site twice, each time in a fresh temporary copy of the project (content/ is never
 * written): once with the real error pages (39), once with N pages in all (default 2,200: the real
 * pages plus synthetic pages from bench/synthetic.ts, each distinct from every other, passing the
 * content check, and plain Markdown as they import nothing). For each it prints, in one table:
 * - the build's time by phase: the content check (the line src/lib/collection.ts logs), the rest of
 *   `astro build`, and Pagefind; its max RSS (GNU time's, where /usr/bin/time exists); the build
 *   log's warnings;
 * - the sizes of dist/, the home page, the match index, the fuzzy index and Pagefind's index;
 * - opening `/?q=<message>` in Chromium, cold, for 20 messages (half real, half synthetic at N):
 *   the time from navigation start to the first result, and whether the right page comes first;
 *   the bytes it loads before that result (gzip as a server would send them, and raw), counted in
 *   20 more visits on a slow connection (on this machine's own server the index's parts, which load
 *   from the start, would all be in before the page shows anything): each file requested by then,
 *   whole, but the index's parts only as far as they had arrived (DevTools' count of the bytes
 *   received; the server sends text gzipped); and,
 *   interleaved with those visits, the same time for a bare page whose script starts a worker that
 *   answers at once, and for this home page's HTML and CSS with that script instead of its own (what
 *   Chromium takes on this machine before the troubleshooter does anything).
 *
 * Then, message by message at N: the bytes of the index's parts received before its result, whether
 * it needed fuzzy search, its bytes and its time (the median of 20 is the 11th smallest).
 * The machine's load average is printed too: on shared cores the times move with it.
 * SCALE_KEEP=1 keeps the temporary copies and their build logs (their paths are printed).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { CATEGORY_KEYS } from '../src/consts';
import { indexSource, type IndexSource } from '../src/lib/matcher/build-index';
import { loadErrors, ROOT, type NodeErrorEntry } from '../src/lib/node/load-content';
import { launchChromium } from './chromium';
import { serve } from './static-server';
import { scalePages, syntheticMarkdown } from './synthetic';

const N = Number(process.argv[2] ?? 2200);
if (!Number.isInteger(N) || N < 22)
  throw new Error(`usage: npm run bench:scale [-- N], N ≥ 22 (got ${process.argv[2]})`);
const SAMPLES = 20;
/** Left out of the copy: installed, generated or private to this checkout. */
const SKIP = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'test-results',
  'playwright-report',
  'scratch',
]);
const TIME = '/usr/bin/time';

const real = loadErrors();
const realSources: IndexSource[] = real.map(indexSource);

/** A copy of the project in a temporary directory; node_modules is linked entry by entry, so caches stay in the copy. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-scale-'));
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]!) });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules')))
    if (name !== '.astro' && name !== '.vite')
      symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

interface Run {
  ms: number;
  rssKb: number | undefined;
  log: string;
}

function run(cwd: string, command: string[]): Run {
  const timeFile = join(cwd, '.max-rss');
  const argv = existsSync(TIME) ? [TIME, '-f', '%M', '-o', timeFile, ...command] : command;
  const start = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const ms = performance.now() - start;
  const log = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed in ${cwd}:\n${log.slice(-4000)}`);
  const rss = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, rssKb: Number.isFinite(rss) ? rss : undefined, log };
}

function treeSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (d.isFile()) {
      bytes += statSync(join(d.parentPath, d.name)).size;
      files++;
    }
  return { bytes, files };
}

interface Size {
  raw: number;
  gzip: number;
}
const sizeOf = (file: string): Size => {
  const body = readFileSync(file);
  return { raw: body.length, gzip: gzipSync(body).length };
};

/** The files of a directory (none when it does not exist), each gzipped on its own, summed. */
const treeSizes = (dir: string): Size & { files: number } => {
  const files = existsSync(dir) ? readdirSync(dir).map((f) => sizeOf(join(dir, f))) : [];
  return {
    files: files.length,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
  };
};

interface Visit {
  ms: number;
  right: boolean;
  bytes: Size;
  /** Of `bytes.gzip`, the index's parts' (on the slow connection). */
  parts: number;
  files: string[];
}

/** The connection the bytes before the result are counted on: 1.6 Mbit/s down, 150 ms latency (DevTools' "Slow 4G"-like). */
const SLOW = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * Opens `/?q=<message>` in a fresh context (nothing cached) and waits for the results to be ready:
 * the time from navigation start, the first result, and every file requested until then.
 */
async function visit(
  browser: Browser,
  origin: string,
  dist: string,
  text: string,
  slug: string,
  path = '',
  slow = false,
): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let done = false;
  /** The index's parts (/match-index/…) as received before the result: a file read as it arrives counts as far as it came. */
  const received = { raw: 0, gzip: 0 };
  if (slow) {
    // A slow connection (workers' requests included): what loads before the result is then what the
    // result waited for, not whatever a fast local server sent meanwhile.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    // The worker's requests are its own target's: attached (the older, unflattened way, as
    // Playwright's sessions cannot address a child's) and held until its network events are on.
    const parts = new Set<string>();
    cdp.on('Target.attachedToTarget', ({ sessionId }) => {
      const send = (id: number, method: string) =>
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      void send(1, 'Network.enable').then(() => send(2, 'Runtime.runIfWaitingForDebugger'));
    });
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const { method, params: p } = JSON.parse(message) as {
        method?: string;
        params?: {
          requestId: string;
          request?: { url: string };
          encodedDataLength?: number;
          dataLength?: number;
        };
      };
      const id = `${sessionId}:${p?.requestId}`;
      if (
        method === 'Network.requestWillBeSent' &&
        new URL(p!.request!.url).pathname.startsWith('/match-index/')
      )
        parts.add(id);
      if (method === 'Network.dataReceived' && parts.has(id) && !done) {
        received.gzip += p!.encodedDataLength!;
        received.raw += p!.dataLength!;
      }
    });
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: false,
    });
  }
  const files: string[] = [];
  context.on('request', (req) => {
    if (!done) files.push(new URL(req.url()).pathname);
  });
  let report: (result: { ms: number; slug: string | null }) => void = () => undefined;
  const ready = new Promise<{ ms: number; slug: string | null }>((resolve) => (report = resolve));
  // Awaited: a binding still being set up when the page calls it would lose the result (a 30 s
  // timeout in one run of 40 visits).
  await page.exposeBinding('__scaleReady', (_source, result: { ms: number; slug: string | null }) => {
    done = true;
    report(result);
  });
  // A string, not a function: tsx would wrap a function in a helper the page lacks.
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      const results = document.querySelector('[data-testid="match-results"]');
      if (results?.dataset.state !== 'ready') return;
      observer.disconnect();
      const first = results.querySelector('[data-testid="match-result"]');
      window.__scaleReady({ ms: performance.now(), slug: first ? first.dataset.slug : null });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  `);
  await page.goto(`${origin}${path}?q=${encodeURIComponent(text)}`);
  const result = await Promise.race([
    ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no result for ${text}`)), 30_000)),
  ]);
  await context.close();
  const bytes = { ...received };
  const seen = [...new Set(files)];
  for (const path of seen) {
    if (slow && path.startsWith('/match-index/')) continue;
    const file = join(dist, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
    if (!existsSync(file)) continue;
    const s = sizeOf(file);
    bytes.raw += s.raw;
    bytes.gzip += s.gzip;
  }
  return { ms: result.ms, right: result.slug === slug, bytes, parts: received.gzip, files: seen };
}

interface Figures {
  pages: number;
  buildMs: number;
  checkMs: number;
  astroMs: number;
  pagefindMs: number;
  rssKb: number | undefined;
  warnings: number;
  logBytes: number;
  dist: { bytes: number; files: number };
  home: Size;
  /** /match-index.json, the head of the exact stage's index (src/lib/matcher/parts.ts). */
  matchHead: Size;
  /** Its parts, /match-index/*.json. */
  matchParts: Size & { files: number };
  fuzzyIndex: Size;
  pagefind: { bytes: number; files: number };
  visits: Visit[];
  /** The same visits to a bare page whose script starts a worker that answers at once. */
  bare: Visit[];
  /** The same messages again on a slow connection (SLOW): what loads before the result. */
  slow: Visit[];
  /** The same visits to this home page's HTML and CSS with the bare page's script instead of its own. */
  homeOnly: Visit[];
}

/**
 * What Chromium takes on this machine without the troubleshooter, so that the time to result can
 * be read against it: a bare page whose one script starts a worker that answers at once, and this
 * site's home page (its HTML and CSS) with that script instead of its own. Written into dist/ of
 * the temporary copy, under /bare/ and /home-only/.
 */
function writeFloors(dist: string): void {
  const script = `<script type="module" src="/bare.js"></script>`;
  writeFileSync(
    join(dist, 'bare-worker.js'),
    `self.onmessage = (e) => self.postMessage(String(e.data).length ? 'bare' : '');\n`,
  );
  writeFileSync(
    join(dist, 'bare.js'),
    [
      `const worker = new Worker('/bare-worker.js', { type: 'module' });`,
      `worker.onmessage = (e) => {`,
      `  const results = document.querySelector('[data-testid="match-results"]');`,
      `  const p = Object.assign(document.createElement('p'), { textContent: e.data });`,
      `  p.dataset.testid = 'match-result';`,
      `  results.append(p);`,
      `  results.dataset.state = 'ready';`,
      `};`,
      `worker.postMessage(new URLSearchParams(location.search).get('q') ?? '');`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(dist, 'bare'));
  writeFileSync(
    join(dist, 'bare/index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title>${script}</head><body><h1>Bare</h1><div data-testid="match-results"></div></body></html>\n`,
  );
  mkdirSync(join(dist, 'home-only'));
  writeFileSync(
    join(dist, 'home-only/index.html'),
    readFileSync(join(dist, 'index.html'), 'utf8')
      .replace(/<script type="module" src="[^"]*"><\/script>|<link rel="modulepreload"[^>]*>/g, '')
      .replace('</head>', `${script}</head>`),
  );
}

/** 20 messages to open: at 22 pages an example of 20 real pages; at N, 10 real and 10 synthetic. */
function samples(entries: NodeErrorEntry[], extra: NodeErrorEntry[]): { text: string; slug: string }[] {
  const pick = (xs: NodeErrorEntry[], k: number) =>
    Array.from({ length: Math.min(k, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / k)]!);
  const chosen = extra.length
    ? [...pick(entries, SAMPLES / 2), ...pick(extra, SAMPLES / 2)]
    : pick(entries, SAMPLES);
  return chosen.map((e, i) => ({ text: e.data.examples[i % e.data.examples.length]!, slug: e.id }));
}

async function measure(n: number, browser: Browser): Promise<Figures> {
  const dir = copyProject();
  console.error(`${n} pages: building in ${dir}`);
  const pages = n > real.length ? scalePages(n, realSources) : [];
  pages.forEach((p, i) =>
    writeFileSync(join(dir, 'content/errors', `${p.slug}.md`), syntheticMarkdown(p, CATEGORY_KEYS, i)),
  );
  const astro = run(dir, ['astro', 'build']);
  const pagefind = run(dir, ['pagefind', '--site', 'dist']);
  const checks = [...astro.log.matchAll(/\[content\] (\d+) error pages checked in ([\d.]+) s/g)];
  if (!checks.some((m) => Number(m[1]) === n))
    throw new Error(`the build did not log the content check of ${n} pages:\n${astro.log.slice(-2000)}`);
  const checkMs = checks.reduce((a, m) => a + 1000 * Number(m[2]), 0);
  const log = astro.log + pagefind.log;
  const dist = join(dir, 'dist');

  const { server, url } = await serve(dist);
  const extra = pages.length
    ? loadErrors(join(dir, 'content/errors')).filter((e) => e.id.startsWith('synthetic-'))
    : [];
  writeFloors(dist);
  const visits: Visit[] = [];
  const bare: Visit[] = [];
  const homeOnly: Visit[] = [];
  // Interleaved, so the three see the same load.
  for (const s of samples(real, extra)) {
    visits.push(await visit(browser, url, dist, s.text, s.slug));
    bare.push(await visit(browser, url, dist, s.text, s.slug, 'bare/'));
    homeOnly.push(await visit(browser, url, dist, s.text, s.slug, 'home-only/'));
  }
  const slow: Visit[] = [];
  for (const s of samples(real, extra)) slow.push(await visit(browser, url, dist, s.text, s.slug, '', true));
  server.close();

  const figures: Figures = {
    pages: n,
    buildMs: astro.ms + pagefind.ms,
    checkMs,
    astroMs: astro.ms - checkMs,
    pagefindMs: pagefind.ms,
    rssKb:
      astro.rssKb === undefined || pagefind.rssKb === undefined
        ? undefined
        : Math.max(astro.rssKb, pagefind.rssKb),
    warnings: log.split('\n').filter((l) => /\[WARN\]|\bwarning\b/i.test(l)).length,
    logBytes: Buffer.byteLength(log),
    dist: treeSize(dist),
    home: sizeOf(join(dist, 'index.html')),
    matchHead: sizeOf(join(dist, 'match-index.json')),
    matchParts: treeSizes(join(dist, 'match-index')),
    fuzzyIndex: sizeOf(join(dist, 'fuzzy-index.json')),
    pagefind: treeSize(join(dist, 'pagefind')),
    visits,
    bare,
    homeOnly,
    slow,
  };
  if (process.env['SCALE_KEEP']) {
    writeFileSync(join(dir, 'build.log'), log);
    console.error(`kept ${dir} (its build log: build.log)`);
  } else rmSync(dir, { recursive: true, force: true });
  return figures;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const both = (s: Size) => `${kb(s.gzip)} (${kb(s.raw)} raw)`;
/** Time to result of visits: median / max. */
const times = (visits: Visit[]) => {
  const ms = visits.map((v) => v.ms);
  return `${median(ms).toFixed(0)} ms / ${Math.max(...ms).toFixed(0)} ms`;
};
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
/** Whether the i-th of the 20 messages is a real page's (samples(): the first half at N). */
const realSample = (i: number) => i < SAMPLES / 2;
/** "real / made-up": the median of one figure over each kind of message, at N pages only. */
const byKind = (f: Figures, visits: Visit[], figure: (v: Visit) => number, show: (x: number) => string) =>
  f.pages > real.length
    ? `${show(median(visits.filter((_, i) => realSample(i)).map(figure)))} / ${show(median(visits.filter((_, i) => !realSample(i)).map(figure)))}`
    : '—';
/** The time to the result by kind of message (byKind). */
const timesByKind = (f: Figures, visits: Visit[]) =>
  byKind(
    f,
    visits,
    (v) => v.ms,
    (ms) => `${ms.toFixed(0)} ms`,
  );

async function main(): Promise<void> {
  const browser = await launchChromium();
  const at: Figures[] = [];
  try {
    for (const n of N === real.length ? [N] : [real.length, N]) at.push(await measure(n, browser));
  } finally {
    await browser.close();
  }
  const big = at.length - 1;
  const lines: [string, (f: Figures) => string, string][] = [
    ['build: wall time', (f) => sec(f.buildMs), '≤ 30 s'],
    ['· content check', (f) => sec(f.checkMs), ''],
    ['· Astro (without the check)', (f) => sec(f.astroMs), ''],
    ['· Pagefind', (f) => sec(f.pagefindMs), ''],
    [
      'build: max RSS',
      (f) => (f.rssKb === undefined ? '— (no /usr/bin/time)' : `${(f.rssKb / 1024).toFixed(0)} MB`),
      '≤ 1 GB',
    ],
    ['build log: warnings', (f) => `${f.warnings} (log ${kb(f.logBytes)})`, '0 per page'],
    ['dist/', (f) => `${kb(f.dist.bytes)} in ${f.dist.files} files`, ''],
    ['home page HTML, gzip (raw)', (f) => both(f.home), ''],
    [
      'match index: head + parts, gzip (raw)',
      (f) => `${both(f.matchHead)} + parts in ${f.matchParts.files} files ${both(f.matchParts)}`,
      '',
    ],
    ['fuzzy index, gzip (raw)', (f) => both(f.fuzzyIndex), ''],
    ['Pagefind index', (f) => `${kb(f.pagefind.bytes)} in ${f.pagefind.files} files`, ''],
    [
      'opening `/?q=` to the result on a slow connection, gzip (raw), median / max',
      (f) =>
        `${kb(median(f.slow.map((v) => v.bytes.gzip)))} / ${kb(Math.max(...f.slow.map((v) => v.bytes.gzip)))} (${kb(median(f.slow.map((v) => v.bytes.raw)))} raw)`,
      '≤ 60 KB',
    ],
    [
      '· real messages / made-up ones (the first and last 10 at N), median',
      (f) => byKind(f, f.slow, (v) => v.bytes.gzip, kb),
      '',
    ],
    [
      `time to result in Chromium, ${SAMPLES} messages, median / max`,
      (f) => times(f.visits),
      '≤ 300 ms median',
    ],
    ['· real messages / made-up ones, median', (f) => timesByKind(f, f.visits), ''],
    ['· a bare page with a worker that answers at once (the floor)', (f) => times(f.bare), ''],
    ["· this home page's HTML and CSS with that bare script", (f) => times(f.homeOnly), ''],
    ['time to result on the slow connection, median / max', (f) => times(f.slow), ''],
    ['· real messages / made-up ones, median', (f) => timesByKind(f, f.slow), ''],
    ['right page first', (f) => `${f.visits.filter((v) => v.right).length}/${f.visits.length}`, 'all'],
  ];
  console.log(`\n## Scale: ${at.map((f) => f.pages.toLocaleString('en-US')).join(' and ')} error pages\n`);
  console.log(
    row([
      '',
      ...at.map((f) => `${f.pages.toLocaleString('en-US')} pages`),
      `target at ${N.toLocaleString('en-US')}`,
    ]),
  );
  console.log(row(['---', ...at.map(() => '---'), '---']));
  for (const [name, cell, target] of lines) console.log(row([name, ...at.map(cell), target]));
  const files = at[big]!.slow[0]!.files;
  console.log(
    `\nFiles loaded to open /?q= at ${N.toLocaleString('en-US')} pages on a slow connection (first message): ${files.join(', ')}`,
  );
  // Message by message at N: what the median of the bytes before the result falls between.
  const n = at[big]!;
  console.log(
    `\nMessage by message at ${N.toLocaleString('en-US')} pages (the slow connection's visits for the bytes; the first 10 are real messages, the last 10 made up):\n`,
  );
  console.log(
    row([
      '#',
      'message',
      "index's parts received",
      'fuzzy search',
      'before the result, gzip',
      'time to result',
    ]),
  );
  console.log(row(['---', '---', '---', '---', '---', '---']));
  n.slow.forEach((v, i) =>
    console.log(
      row([
        String(i + 1),
        realSample(i) ? 'real' : 'made up',
        kb(v.parts),
        v.files.includes('/fuzzy-index.json') ? 'yes' : 'no',
        kb(v.bytes.gzip),
        `${Math.round(n.visits[i]!.ms)} ms`,
      ]),
    ),
  );
  const wrong = at.flatMap((f) => f.visits.filter((v) => !v.right).map(() => f.pages));
  if (wrong.length) console.log(`Wrong page first at: ${wrong.join(', ')} pages.`);
  console.log(
    `Load average (1, 5, 15 min) at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} on this machine's cores.`,
  );
}

await main();
