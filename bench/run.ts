/**
 * npm run bench — prints figures, asserts nothing.
 *
 * At the real pages' count (39), 220 and 2,200 pages (the real pages plus synthetic ones):
 * - accuracy of our matcher against two peers (Fuse.js with its defaults over the pages' messages,
 *   and Pagefind's top result), on each corpus in bench/corpus/;
 * - latency in Node, and in Chromium through the island;
 * - the island's gzip payload;
 * - at the real pages, the model checks (bench/model-checks.ts): leave one page out, growth by one
 *   generic page, and the reliability table.
 *
 * Corpora: `dev` (bench/corpus/*.json) is the one the calibration was tuned on. `held-out A` and
 * `held-out B` are bench/corpus/unseen/*.json, written apart from the matcher and split by
 * position (even / odd). A was looked at after its first measurement; B's misses are never
 * printed, so it stays a fair estimate of pastes nobody has seen.
 *
 * The Chromium and Pagefind parts need a built site (npm run build) and skip otherwise, or with
 * BENCH_NODE_ONLY=1. BENCH_SCALES=39,220 picks scales. BENCH_OURS_ONLY=1 leaves the peers out.
 * Above the real pages the peers answer a pooled sample (BENCH_PEER_CASES).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import type { Browser, BrowserContext } from '@playwright/test';
import {
  buildIndex,
  type BuiltIndex,
  type IndexSource,
  indexSource,
  splitIndex,
} from '../src/lib/matcher/build-index';
import { matcherOfIndex } from '../src/lib/matcher/full';
import { groupResults, unpackGroups, type Group } from '../src/lib/matcher/groups';
import type { Matcher } from '../src/lib/matcher/match';
import { loadErrors, ROOT } from '../src/lib/node/load-content';
import { corpora, KINDS, type Case, type Corpus } from './corpora';
import {
  blindAnswers,
  blindPooled,
  checkedBlindAnswers,
  growthColumn,
  growthTable,
  kindsPooled,
  modelTables,
  type GrowthColumn,
} from './model-checks';
import { syntheticPages } from './synthetic';
import { serve } from './static-server';
import { launchChromium } from './chromium';
import { staleDist } from './dist';

const entries = loadErrors();
const realSources: IndexSource[] = entries.map(indexSource);
const DIST = join(ROOT, 'dist');
/** The real pages: the smallest scale, and the one the model checks run at. */
const REAL = realSources.length;
/** The exact stage's index as the browser loads it, gzip: its head, and at most every part. */
const indexGzip = (built: BuiltIndex): number => {
  const { head, stream } = splitIndex(built);
  return [JSON.stringify(head), stream?.body ?? ''].reduce((a, body) => a + gzipSync(body).length, 0);
};
/** BENCH_SCALES=39 (comma-separated) runs fewer scales; the real pages' count is always first. */
const SCALES = (process.env['BENCH_SCALES'] ?? `${REAL},220,2200`).split(',').map(Number);
/** BENCH_OURS_ONLY=1 leaves the peers (Fuse.js defaults, Pagefind) out of the accuracy tables. */
const OURS_ONLY = Boolean(process.env['BENCH_OURS_ONLY']);
/**
 * Above the real pages, the peers answer a sample of about BENCH_PEER_CASES cases (every k-th of
 * each kind, over every corpus), and so does our matcher beside them: Fuse.js with its defaults
 * took 0.43 s a paste at 2,200 pages (scratch-timed on 60 dev pastes), about two hours for the
 * corpora's 17,606 distinct pastes. BENCH_PEER_CASES=0 runs them on every case.
 */
const PEER_CASES = Number(process.env['BENCH_PEER_CASES'] ?? 600);

/** Every k-th case of each kind over the corpora, about `total` in all: one pooled corpus. */
function everyKth(corpora: Corpus[], total: number): Corpus {
  const pooled = (kind: (typeof KINDS)[number]) => corpora.flatMap((c) => c[kind]);
  const k = Math.max(1, Math.round(KINDS.reduce((a, kind) => a + pooled(kind).length, 0) / total));
  const pick = (kind: (typeof KINDS)[number]) => pooled(kind).filter((_, i) => i % k === 0);
  return {
    name: `1 case in ${k}, every corpus pooled`,
    single: pick('single'),
    ambiguous: pick('ambiguous'),
    unrelated: pick('unrelated'),
    multi: pick('multi'),
    showMisses: false,
    training: false,
  };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`;

/**
 * A peer answers with its top slug; it has no way to abstain. `asked`: the pages of the
 * near-duplicate group shown first, when the first result is one (ours only: the question that
 * tells them apart, groups.ts).
 */
type Answer = { top: string | undefined; matches: string[]; results: string[]; asked?: string[] };
type Peer = (text: string) => Answer;
const memo = (peer: Peer): Peer => {
  const seen = new Map<string, Answer>();
  return (text) => {
    let a = seen.get(text);
    if (!a) seen.set(text, (a = peer(text)));
    return a;
  };
};

function ours(matcher: Matcher, groups: readonly Group[] = []): Peer {
  return memo((text) => {
    const { results } = matcher.match(text);
    const first = groupResults(results, groups)[0];
    return {
      top: results[0]?.slug,
      matches: results.filter((r) => r.verdict === 'match').map((r) => r.slug),
      results: results.map((r) => r.slug),
      ...(first?.members.some((m) => m.slug === results[0]?.slug)
        ? { asked: first.members.map((m) => m.slug) }
        : {}),
    };
  });
}

function fuseDefaults(sources: IndexSource[]): Peer {
  const fuse = new Fuse(
    sources.map((s) => ({ slug: s.slug, messages: s.messages ?? s.patterns })),
    { keys: ['messages'] },
  );
  return memo((text) => {
    const top = fuse.search(text)[0]?.item.slug;
    return { top, matches: top ? [top] : [], results: top ? [top] : [] };
  });
}

function scoreSingle(answer: Peer, cases: Case[]) {
  const s = { n: cases.length, top1: 0, confident: 0, wrongMatch: 0, asked: 0 };
  for (const c of cases) {
    const a = answer(c.text);
    if (a.top === c.expect) s.top1++;
    if (a.top === c.expect && a.matches[0] === c.expect && a.matches.length === 1) s.confident++;
    // Not sure between near-duplicates, the right page among them: the group's question comes first.
    else if (a.asked?.includes(c.expect as string)) s.asked++;
    if (a.matches.some((m) => m !== c.expect)) s.wrongMatch++;
  }
  return s;
}

function scoreAmbiguous(answer: Peer, cases: Case[]) {
  let honest = 0;
  for (const c of cases) {
    const a = answer(c.text);
    if (a.matches.length === 0 && (c.expect as string[]).every((w) => a.results.includes(w))) honest++;
  }
  return { n: cases.length, honest };
}

function scoreUnrelated(answer: Peer, cases: Case[]) {
  let matched = 0;
  for (const c of cases) if (answer(c.text).matches.length) matched++;
  return { n: cases.length, matched };
}

function scoreMulti(answer: Peer, cases: Case[]) {
  let tp = 0;
  let fp = 0;
  let expected = 0;
  for (const c of cases) {
    const want = new Set(c.expect as string[]);
    expected += want.size;
    for (const g of new Set(answer(c.text).matches)) {
      if (want.has(g)) tp++;
      else fp++;
    }
  }
  return { recall: pct(tp, expected), precision: pct(tp, tp + fp) };
}

/** Descriptions in a person's own words: how many find their page at all, first, and as a `match`. */
function ownWords(answer: Peer, single: readonly Case[]) {
  const own = single.filter((x) => x.kind === 'own-words');
  return {
    n: own.length,
    found: own.filter((x) => answer(x.text).results.includes(x.expect as string)).length,
    first: own.filter((x) => answer(x.text).top === x.expect).length,
    sure: own.filter((x) => answer(x.text).matches.length > 0).length,
  };
}

function accuracyRow(name: string, answer: Peer, c: Corpus): string {
  const s = scoreSingle(answer, c.single);
  const a = scoreAmbiguous(answer, c.ambiguous);
  const u = scoreUnrelated(answer, c.unrelated);
  const m = scoreMulti(answer, c.multi);
  return row([
    name,
    c.name,
    pct(s.top1, s.n),
    pct(s.confident, s.n),
    s.wrongMatch,
    pct(a.honest, a.n),
    `${u.matched}/${u.n}`,
    m.recall,
    m.precision,
  ]);
}

/** 50-line pastes: corpus lines mixed with noise, deterministic. */
function fiftyLinePastes(singles: string[], count: number): string[] {
  const noise = [
    'Export started',
    'Exported 54 invoices',
    'Batch 88123 queued',
    'Retrying in 30 seconds',
    '',
    'Sync complete for 12 payments',
  ];
  return Array.from({ length: count }, (_, p) =>
    Array.from({ length: 50 }, (_, i) =>
      (i * 7 + p) % 5 === 0 ? singles[(i * 31 + p * 17) % singles.length]! : noise[(i + p) % noise.length]!,
    ).join('\n'),
  );
}

/**
 * Per-paste time. A matcher remembers the word features of segments it has seen (fuzzy.ts), so the
 * warm-up and each round get a matcher of their own (`fresh`): no paste is timed on a matcher that
 * has already seen it.
 */
function latency(fresh: () => Matcher, texts: string[], rounds = 3): { p50: number; p95: number } {
  const warm = fresh();
  for (const t of texts.slice(0, 20)) warm.match(t);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const matcher = fresh();
    for (const t of texts) {
      const t0 = performance.now();
      matcher.match(t);
      times.push(performance.now() - t0);
    }
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** The island's JS: the home page's module scripts, their imports and the worker; and what loads on demand for fuzzy search. */
function islandScripts(): { js: number; files: string[]; fuzzyJs: number; fuzzyFiles: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
  let js = 0;
  while (queue.length) {
    const src = queue.shift()!;
    const file = join(DIST, src.replace(/^\/+/, ''));
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    js += gzipSync(code).length;
    // Static imports and the worker URL, relative to /_astro/.
    for (const m of code.matchAll(
      /(?:from\s*|import\s*)["']\.\/([^"']+\.js)["']|new URL\(["'](?:\.\/)?([^"']+\.js)["']/g,
    ))
      queue.push(`/_astro/${m[1] ?? m[2]}`);
    for (const m of code.matchAll(/["'`](\/_astro\/[^"'`]+\.js)["'`]/g)) queue.push(m[1]!);
  }
  // The worker's dynamic imports (Fuse.js, the fuzzy stage) load on demand.
  const fuzzyFiles = [...seen].flatMap((f) =>
    /worker-/.test(f)
      ? [...readFileSync(f, 'utf8').matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)].map(
          (m) => `_astro/${m[1]}`,
        )
      : [],
  );
  const fuzzyJs = fuzzyFiles.reduce((a, f) => a + gzipSync(readFileSync(join(DIST, f), 'utf8')).length, 0);
  return { js, files: [...seen].map((f) => f.replace(`${DIST}/`, '')), fuzzyJs, fuzzyFiles };
}

type Times = { p50: number; p95: number; workerP50: number; workerP95: number };
interface ChromiumAt {
  pagefind: Peer;
  single: Times;
  fifty: Times;
}

/** A Pagefind index of the built site plus the synthetic pages, written to a temporary directory. */
async function pagefindWithSynthetic(synthetic: IndexSource[]): Promise<string> {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind: no index');
  await index.addDirectory({ path: DIST });
  for (const s of synthetic) {
    const esc = (t: string) => t.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    await index.addHTMLFile({
      url: `/errors/${s.slug}/`,
      content: `<!doctype html><html lang="en"><head><title>${esc(s.title)}</title></head><body><main data-pagefind-body><h1 data-pagefind-meta="title">${esc(s.title)}</h1><p>${esc((s.messages ?? []).join(' '))}</p><p>${esc((s.keywords ?? []).join(', '))}</p></main></body></html>`,
    });
  }
  const out = mkdtempSync(join(tmpdir(), 'bench-pagefind-'));
  await index.writeFiles({ outputPath: join(out, 'pagefind') });
  await pagefind.close();
  return out;
}

/**
 * Pagefind's top result for every text, and the island's latency, at one scale. Beyond the real pages
 * the browser is served the synthetic match indexes and a Pagefind index that holds the synthetic
 * pages too, in place of the built ones.
 */
async function chromiumAt(
  browser: Browser,
  url: string,
  built: BuiltIndex,
  synthetic: IndexSource[],
  texts: string[],
  singles: string[],
  pastes: string[],
): Promise<ChromiumAt> {
  const context: BrowserContext = await browser.newContext();
  let pfDir: string | undefined;
  if (synthetic.length) {
    pfDir = await pagefindWithSynthetic(synthetic);
    const { head, stream } = splitIndex(built);
    const headBody = JSON.stringify(head);
    const fuzzy = JSON.stringify(built.fuzzy);
    await context.route('**/match-index.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: headBody }),
    );
    await context.route('**/match-index/*.json', (r) => {
      const body = stream && r.request().url().endsWith(`/${stream.name}.json`) ? stream.body : undefined;
      return body === undefined ? r.fallback() : r.fulfill({ contentType: 'application/json', body });
    });
    await context.route('**/fuzzy-index.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: fuzzy }),
    );
    const dir = pfDir;
    await context.route('**/pagefind/**', (r) => {
      const path = join(dir, new URL(r.request().url()).pathname);
      return existsSync(path) ? r.fulfill({ path }) : r.fallback();
    });
  }
  const page = await context.newPage();
  // tsx compiles functions with a __name helper; page.evaluate sends them to the page, which lacks it.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(url);
  const pfTop = await page.evaluate(async (qs: string[]) => {
    type Pagefind = {
      search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
    };
    const pagefindUrl = '/pagefind/pagefind.js';
    const pf = (await import(pagefindUrl)) as Pagefind;
    const out: Record<string, string | null> = {};
    for (const q of qs) {
      const r = await pf.search(q.slice(0, 1000));
      const first = r.results[0];
      out[q] = first ? (await first.data()).url : null;
    }
    return out;
  }, texts);
  const slugOf = (u: string | null | undefined) => (u ? /\/errors\/([^/]+)\//.exec(u)?.[1] : undefined);
  const pagefind: Peer = (t) => {
    const top = slugOf(pfTop[t]);
    return { top, matches: top ? [top] : [], results: top ? [top] : [] };
  };
  // Island: from the input event to rendered results, minus the debounce; and the worker's own time.
  await page.getByLabel('Paste an error message').focus();
  await page.locator('[data-testid="match-results"]').waitFor({ state: 'attached' });
  const measure = async (sample: string[]): Promise<Times> => {
    const e2e: number[] = [];
    const worker: number[] = [];
    for (const text of sample) {
      const r = await page.evaluate(async (text: string) => {
        const el = document.querySelector<HTMLTextAreaElement>('#paste-box')!;
        const results = document.querySelector<HTMLElement>('[data-testid="match-results"]')!;
        el.value = '';
        el.dispatchEvent(new Event('input'));
        await new Promise((r) => setTimeout(r, 200));
        const t0 = performance.now();
        el.value = text;
        el.dispatchEvent(new Event('input'));
        await new Promise<void>((resolve) => {
          const check = () =>
            results.dataset['state'] === 'ready' ? resolve() : requestAnimationFrame(check);
          check();
        });
        return { total: performance.now() - t0, worker: Number(results.dataset['ms'] ?? NaN) };
      }, text);
      e2e.push(Math.max(0, r.total - 150));
      worker.push(r.worker);
    }
    return {
      p50: quantile(e2e, 0.5),
      p95: quantile(e2e, 0.95),
      workerP50: quantile(worker, 0.5),
      workerP95: quantile(worker, 0.95),
    };
  };
  // The island really uses this scale's index: a synthetic page's own message must come back.
  if (synthetic.length) {
    const probe = (synthetic[0]!.messages ?? [])[0]!;
    const got = await page.evaluate(async (text: string) => {
      const el = document.querySelector<HTMLTextAreaElement>('#paste-box')!;
      const results = document.querySelector<HTMLElement>('[data-testid="match-results"]')!;
      el.value = text;
      el.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 1500));
      return results.querySelector<HTMLElement>('[data-testid="match-result"]')?.dataset['slug'];
    }, probe);
    if (got !== synthetic[0]!.slug)
      throw new Error(`the island did not load the ${synthetic.length + REAL}-page index (got ${got})`);
  }
  const single = await measure(singles);
  const fifty = await measure(pastes);
  await context.close();
  if (pfDir) rmSync(pfDir, { recursive: true, force: true });
  return { pagefind, single, fifty };
}

async function launch(): Promise<{ browser: Browser; url: string; close: () => Promise<void> } | undefined> {
  if (process.env['BENCH_NODE_ONLY'] || !existsSync(join(DIST, 'pagefind'))) return undefined;
  const { server, url } = await serve(DIST);
  const browser = await launchChromium();
  return {
    browser,
    url,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

async function main(): Promise<void> {
  const all = corpora();
  for (const c of all)
    console.log(
      `Corpus ${c.name}: ${c.single.length} single-error pastes, ${c.ambiguous.length} ambiguous, ${c.unrelated.length} unrelated, ${c.multi.length} multi-error pastes.`,
    );
  const dev = all[0]!;
  const texts = [
    ...new Set(
      all.flatMap((c) => [...c.single, ...c.ambiguous, ...c.unrelated, ...c.multi].map((x) => x.text)),
    ),
  ];
  const singleTexts = dev.single.map((x) => x.text);
  const islandSingles = dev.single.filter((_, i) => i % 4 === 0).map((c) => c.text);
  const nodePastes = fiftyLinePastes(
    dev.single.filter((c) => !c.text.includes('\n')).map((c) => c.text),
    40,
  );
  const islandPastes = nodePastes.slice(0, 12);
  // dist/ older than what the build reads: its payload and Chromium figures would be another build's.
  const stale = staleDist(ROOT);
  if (stale)
    console.log(
      `(Payload and Chromium parts skipped: ${stale} is newer than dist/; run npm run build first)`,
    );
  const scripts = !stale && existsSync(join(DIST, 'index.html')) ? islandScripts() : undefined;
  const browser = stale
    ? undefined
    : await launch().catch((err: unknown) => {
        console.log(`(Chromium part skipped: ${(err as Error).message})`);
        return undefined;
      });

  const nodeRows: string[] = [];
  const chromeRows: string[] = [];
  const payloadRows: string[] = [];
  let ourAtReal: Peer | undefined;
  let matcherAtReal: Matcher | undefined;
  /** The blind halves' figures at each scale, for the growth table. */
  const growth: GrowthColumn[] = [];
  const original = new Set(realSources.map((s) => s.slug));
  /** Figures against the issue's targets, gathered per scale and printed last. */
  const targets: string[] = [];
  for (const n of SCALES) {
    const synthetic = syntheticPages(n - realSources.length, realSources);
    const sources = [...realSources, ...synthetic];
    const t0 = performance.now();
    const built = buildIndex(sources);
    const build = performance.now() - t0;
    const matcher = matcherOfIndex(built);
    const our = ours(matcher, unpackGroups(built.core));
    if (n === REAL) {
      ourAtReal = our;
      matcherAtReal = matcher;
    }
    // The real pages' column comes from the model checks' answers (modelTables), below.
    if (n !== REAL) growth.push(growthColumn(blindAnswers(all, matcher), n, original));
    const sample = n > REAL && !OURS_ONLY && PEER_CASES > 0 ? everyKth(all, PEER_CASES) : undefined;
    const chromium = browser
      ? await chromiumAt(
          browser.browser,
          browser.url,
          built,
          synthetic,
          sample ? KINDS.flatMap((kind) => sample[kind].map((x) => x.text)) : texts,
          islandSingles,
          islandPastes,
        ).catch((err: unknown) => {
          console.log(`(Chromium at ${n} pages skipped: ${(err as Error).message})`);
          return undefined;
        })
      : undefined;
    // Fuse.js with its defaults is most of the bench's time (its Bitap on long queries against 2,200
    // pages): BENCH_OURS_ONLY=1 leaves the peers out for a quick run.
    const peers: [string, Peer][] = [['our matcher', our]];
    if (!OURS_ONLY) peers.push(['Fuse.js defaults', fuseDefaults(sources)]);
    if (chromium && !OURS_ONLY) peers.push(['Pagefind top result', chromium.pagefind]);

    console.log(`\n## Accuracy at ${n.toLocaleString('en-US')} errors\n`);
    console.log(
      header([
        '',
        'corpus',
        'top-1 (single)',
        'confident & correct (single)',
        'wrong `match` (single)',
        'ambiguous shown honestly',
        '`match` on unrelated',
        'multi recall',
        'multi precision',
      ]),
    );
    for (const [name, answer] of peers) {
      if (!sample || answer === our) for (const c of all) console.log(accuracyRow(name, answer, c));
      if (sample) console.log(accuracyRow(name, answer, sample));
    }

    const fresh = () => matcherOfIndex(built);
    const l1 = latency(fresh, singleTexts, n > 1000 ? 1 : 3);
    const l50 = latency(fresh, nodePastes, 1);
    const core = indexGzip(built);
    const fuzzy = gzipSync(JSON.stringify(built.fuzzy)).length;
    nodeRows.push(row([n, ms(build), `${ms(l1.p50)} / ${ms(l1.p95)}`, `${ms(l50.p50)} / ${ms(l50.p95)}`]));
    const unrelated = all
      .map((c) => `${scoreUnrelated(our, c.unrelated).matched}/${c.unrelated.length}`)
      .join(', ');
    targets.push(
      row([
        `\`match\` on unrelated errors, ${n} pages (${all.map((c) => c.name).join(', ')})`,
        '0',
        unrelated,
      ]),
    );
    if (n === REAL || n === 2200)
      targets.push(
        row([`p95 per message in Node, ${n} pages`, n === REAL ? '≤ 1 ms (at 22)' : '≤ 5 ms', ms(l1.p95)]),
      );
    if (n === REAL && scripts) {
      // The help article's pages among them (buildIndex's `article`, the first part the browser
      // loads): the 22 pages the payload target was set at.
      const article = built.article.map((p) => sources[p]!);
      targets.push(
        row([`island payload, ${REAL} pages (gzip)`, '≤ 20 KB (at 22)', kb(scripts.js + core)]),
        row([
          `island payload, the article's ${article.length} pages (gzip)`,
          '≤ 20 KB',
          kb(scripts.js + indexGzip(buildIndex(article))),
        ]),
      );
    }
    if (chromium) {
      const { single: i, fifty: j } = chromium;
      chromeRows.push(
        row([
          n,
          `${ms(i.p50)} / ${ms(i.p95)}`,
          `${ms(i.workerP50)} / ${ms(i.workerP95)}`,
          `${ms(j.p50)} / ${ms(j.p95)}`,
          `${ms(j.workerP50)} / ${ms(j.workerP95)}`,
        ]),
      );
    }
    if (scripts)
      payloadRows.push(
        row([
          n,
          kb(scripts.js),
          kb(core),
          kb(scripts.js + core),
          kb(scripts.fuzzyJs),
          kb(fuzzy),
          kb(scripts.fuzzyJs + fuzzy),
        ]),
      );
  }
  await browser?.close();

  console.log('\nPeers have no verdict: their top result counts as their confident answer.');
  if (matcherAtReal) {
    const checked = modelTables(all, realSources, matcherAtReal);
    blindPooled(all, checked);
    kindsPooled(all, checked);
    growthTable(all, [growthColumn(checkedBlindAnswers(all, checked), REAL, original), ...growth]);
  }
  console.log(`\n## Ours by kind of paste, at ${REAL} errors (confident & correct / top-1)\n`);
  const our = ourAtReal!;
  const kinds = [...new Set(all.flatMap((c) => c.single.map((x) => x.kind)))];
  console.log(header(['kind', ...all.map((c) => c.name)]));
  for (const k of kinds) {
    console.log(
      row([
        k,
        ...all.map((c) => {
          const s = scoreSingle(
            our,
            c.single.filter((x) => x.kind === k),
          );
          return s.n ? `${pct(s.confident, s.n)} / ${pct(s.top1, s.n)} (n=${s.n})` : '—';
        }),
      ]),
    );
  }
  for (const c of all) {
    const pasted = c.single.filter((x) => x.kind !== 'own-words');
    const sp = scoreSingle(our, pasted);
    console.log(
      `\n${c.name}, pasted messages only (all kinds but "own-words", n=${sp.n}): top-1 ${pct(sp.top1, sp.n)}, confident & correct ${pct(sp.confident, sp.n)}; not sure between near-duplicates, with the group's question first and the right page in it, ${pct(sp.asked, sp.n)}.`,
    );
  }
  {
    // The blind halves together (B halves nobody has looked at): what the issue's targets are read on.
    const blind = all.filter((c) => / B$/.test(c.name));
    const single = blind.flatMap((c) => c.single);
    if (blind.length) {
      const sp = scoreSingle(
        our,
        single.filter((x) => x.kind !== 'own-words'),
      );
      const o = ownWords(our, single);
      console.log(
        `\nThe blind halves together (${blind.map((c) => c.name).join(', ')}): pasted messages (n=${sp.n}) top-1 ${pct(sp.top1, sp.n)}, confident & correct ${pct(sp.confident, sp.n)}, a wrong \`match\` ${sp.wrongMatch}; own words (n=${o.n}) found ${pct(o.found, o.n)}, first ${pct(o.first, o.n)}, a \`match\` ${o.sure}.`,
      );
    }
  }
  console.log(
    `\n## Descriptions in a person's own words, and suggestions on unrelated pastes, at ${REAL} errors\n`,
  );
  console.log(
    '"Found" means the right page is among the results (as a `possible`); the issue asks that own words "still find the page". An unrelated paste with a suggestion is noise, not a wrong answer: it is never a `match`.\n',
  );
  console.log(
    header([
      'corpus',
      'own words: found',
      'own words: first',
      'own words: `match`',
      'unrelated with any suggestion',
    ]),
  );
  for (const c of all) {
    const o = ownWords(our, c.single);
    const noisy = c.unrelated.filter((x) => our(x.text).results.length > 0).length;
    console.log(
      row([
        c.name,
        pct(o.found, o.n),
        pct(o.first, o.n),
        `${o.sure}/${o.n}`,
        `${noisy}/${c.unrelated.length}`,
      ]),
    );
  }
  targets.unshift(
    ...all.map((c) => {
      const pasted = scoreSingle(
        our,
        c.single.filter((x) => x.kind !== 'own-words'),
      );
      const whole = scoreSingle(our, c.single);
      return row([
        `confident & correct, ${REAL} pages, ${c.name}: pasted messages (with own words)`,
        '≥ 97% (B halves pooled)',
        `${pct(pasted.confident, pasted.n)} (${pct(whole.confident, whole.n)})`,
      ]);
    }),
    ...all
      .map((c) => [c.name, ownWords(our, c.single)] as const)
      .filter(([, o]) => o.n)
      .map(([name, o]) =>
        row([
          `own words find their page (as a suggestion), ${REAL} pages, ${name}`,
          '"should still find the page"',
          pct(o.found, o.n),
        ]),
      ),
  );
  for (const c of all.filter((x) => x.showMisses)) {
    const misses = c.single.filter((x) => {
      const a = our(x.text);
      return a.matches[0] !== x.expect || a.matches.length !== 1;
    });
    const wrong = [
      ...c.unrelated.filter((x) => our(x.text).matches.length),
      ...c.ambiguous.filter((x) => scoreAmbiguous(our, [x]).honest === 0),
      ...c.multi.filter((x) => {
        const got = our(x.text).matches;
        return (
          got.length !== (x.expect as string[]).length || got.some((g) => !(x.expect as string[]).includes(g))
        );
      }),
    ];
    if (misses.length || wrong.length)
      console.log(
        `\n### ${c.name}: single pastes not confident-and-correct (${misses.length}); unrelated pastes given a match, ambiguous ones not shown honestly, multi pastes not exactly right (${wrong.length})\n`,
      );
    for (const x of [...misses, ...wrong].slice(0, 60)) {
      const a = our(x.text);
      console.log(
        `- [${x.kind}] expected ${JSON.stringify(x.expect)}, got ${a.matches.length ? `match ${a.matches.join(',')}` : ''}${a.matches.length && a.results.length > a.matches.length ? '; ' : ''}${
          a.results.length > a.matches.length
            ? `possible ${a.results
                .filter((r) => !a.matches.includes(r))
                .slice(0, 3)
                .join(',')}`
            : ''
        }${a.results.length ? '' : 'nothing'}: ${JSON.stringify(x.text.slice(0, 110))}`,
      );
    }
  }

  console.log('\n## Latency in Node (dev corpus; 50-line pastes are corpus lines among log noise)\n');
  console.log(header(['pages', 'index build', 'p50 / p95 single message', 'p50 / p95 50-line paste']));
  nodeRows.forEach((r) => console.log(r));
  if (chromeRows.length) {
    console.log('\n## Latency in Chromium, through the island\n');
    console.log(
      "Input event to rendered results, minus the 150 ms debounce; and the matcher's time inside the worker.\n",
    );
    console.log(
      header([
        'pages',
        'single: rendered p50 / p95',
        'single: worker p50 / p95',
        '50-line: rendered p50 / p95',
        '50-line: worker p50 / p95',
      ]),
    );
    chromeRows.forEach((r) => console.log(r));
  }
  if (scripts) {
    console.log('\n## Island payload (gzip)\n');
    console.log(
      "What a paste needs: the home page's scripts, their imports, the worker and /match-index.json with, at most, every part of it (at up to 50 pages the head is the whole index; target ≤ 20 KB at 22 errors). Fuzzy search loads Fuse.js, the fuzzy stage and /fuzzy-index.json only when a paste needs them.\n",
    );
    console.log(
      header([
        'pages',
        'JS',
        'match index',
        'what a paste needs',
        'fuzzy JS (on demand)',
        'fuzzy index (on demand)',
        'fuzzy total',
      ]),
    );
    payloadRows.forEach((r) => console.log(r));
    console.log(`\nFiles: ${scripts.files.join(', ')}; on demand: ${scripts.fuzzyFiles.join(', ')}`);
  }
  console.log('\n## Against the targets\n');
  console.log(
    'The issue states its targets for the blind B halves together (the table above this one pools them); here each corpus on its own. The 97% target is read as the issue lists what people paste (bare message, log line, fault body, ticket quoting it, report). A description in a person\'s own words quotes no message: the issue asks that it "still find the page", and it is a `possible` unless it quotes enough of the message (see README). Its figure is "found"; confident & correct with own words counted is in brackets.\n',
  );
  console.log(header(['figure', 'target', 'measured']));
  targets.forEach((r) => console.log(r));
}

await main();
