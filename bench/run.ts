/**
 * npm run bench — prints figures, asserts nothing.
 *
 * Accuracy of our matcher against two peers (Fuse.js with its defaults over the pages' messages,
 * and Pagefind's top result) on the corpus in bench/corpus/; latency in Node and in Chromium
 * through the island; the island's gzip payload; and all Node figures again at 22, 220 and 2,200
 * pages (the real 22 plus synthetic pages).
 *
 * Needs a built site (npm run build) for the Chromium and Pagefind parts; skips them otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { buildIndex, type IndexSource } from '../src/lib/matcher/build-index';
import { createFuzzy } from '../src/lib/matcher/fuzzy';
import { createMatcher, type Matcher } from '../src/lib/matcher/match';
import { loadErrors, ROOT } from '../src/lib/node/load-content';
import { fuzzyKey } from '../src/lib/matcher/normalize';
import { syntheticPages } from './synthetic';
import { serve } from './static-server';

type Expect = string | string[] | null;
interface Case { text: string; expect: Expect; kind: string }

const load = (name: string): Case[] => JSON.parse(readFileSync(join(ROOT, 'bench/corpus', `${name}.json`), 'utf8')) as Case[];
const corpus = { single: load('single'), ambiguous: load('ambiguous'), unrelated: load('unrelated'), multi: load('multi') };
const entries = loadErrors();
const realSources: IndexSource[] = entries.map((e) => ({ slug: e.id, ...e.data }));
const DIST = join(ROOT, 'dist');

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A peer answers with its top slug; it has no way to abstain. */
type Answer = { top: string | undefined; matches: string[]; results: string[] };

function ours(matcher: Matcher) {
  return (text: string): Answer => {
    const { results } = matcher.match(text);
    return { top: results[0]?.slug, matches: results.filter((r) => r.verdict === 'match').map((r) => r.slug), results: results.map((r) => r.slug) };
  };
}

function fuseDefaults(sources: IndexSource[]) {
  const fuse = new Fuse(sources.map((s) => ({ slug: s.slug, messages: s.messages ?? s.patterns })), { keys: ['messages'] });
  return (text: string): Answer => {
    const top = fuse.search(text)[0]?.item.slug;
    return { top, matches: top ? [top] : [], results: top ? [top] : [] };
  };
}

interface Score { n: number; top1: number; confident: number; wrongMatch: number }

function scoreSingle(answer: (t: string) => Answer, cases: Case[]): Score {
  const s: Score = { n: cases.length, top1: 0, confident: 0, wrongMatch: 0 };
  for (const c of cases) {
    const a = answer(c.text);
    if (a.top === c.expect) s.top1++;
    if (a.top === c.expect && a.matches[0] === c.expect && a.matches.length === 1) s.confident++;
    if (a.matches.some((m) => m !== c.expect)) s.wrongMatch++;
  }
  return s;
}

function scoreAmbiguous(answer: (t: string) => Answer, cases: Case[]) {
  let honest = 0;
  for (const c of cases) {
    const a = answer(c.text);
    const want = c.expect as string[];
    if (a.matches.length === 0 && want.every((w) => a.results.includes(w))) honest++;
  }
  return { n: cases.length, honest };
}

function scoreUnrelated(answer: (t: string) => Answer, cases: Case[]) {
  let matched = 0;
  for (const c of cases) if (answer(c.text).matches.length) matched++;
  return { n: cases.length, matched };
}

function scoreMulti(answer: (t: string) => Answer, cases: Case[]) {
  let tp = 0;
  let fp = 0;
  let expected = 0;
  for (const c of cases) {
    const want = new Set(c.expect as string[]);
    const got = new Set(answer(c.text).matches);
    expected += want.size;
    for (const g of got) (want.has(g) ? tp++ : fp++);
  }
  return { recall: pct(tp, expected), precision: pct(tp, tp + fp) };
}

/** 50-line pastes: corpus lines mixed with noise, deterministic. */
function fiftyLinePastes(count: number): string[] {
  const singles = corpus.single.filter((c) => !c.text.includes('\n')).map((c) => c.text);
  const noise = ['Export started', 'Exported 54 invoices', 'Batch 88123 queued', 'Retrying in 30 seconds', '', 'Sync complete for 12 payments'];
  return Array.from({ length: count }, (_, p) => Array.from({ length: 50 }, (_, i) => ((i * 7 + p) % 5 === 0 ? singles[(i * 31 + p * 17) % singles.length]! : noise[(i + p) % noise.length]!)).join('\n'));
}

function latency(matcher: Matcher, texts: string[], rounds = 3): { p50: number; p95: number } {
  for (const t of texts.slice(0, 20)) matcher.match(t); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      matcher.match(t);
      times.push(performance.now() - t0);
    }
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** The island's gzip payload: the home page's module scripts, their imports, the worker, the index. */
function islandPayload(indexJson?: string): { js: number; index: number; files: string[]; fuzzyFiles: string[] } {
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
    for (const m of code.matchAll(/(?:from\s*|import\s*)["']\.\/([^"']+\.js)["']|new URL\(["'](?:\.\/)?([^"']+\.js)["']/g)) queue.push(`/_astro/${m[1] ?? m[2]}`);
    for (const m of code.matchAll(/["'`](\/_astro\/[^"'`]+\.js)["'`]/g)) queue.push(m[1]!);
  }
  const index = gzipSync(indexJson ?? readFileSync(join(DIST, 'match-index.json'), 'utf8')).length;
  // The worker's dynamic imports (Fuse.js, the fuzzy stage) load on demand.
  const fuzzyFiles = [...seen].flatMap((f) => (/worker-/.test(f) ? [...readFileSync(f, 'utf8').matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)].map((m) => `_astro/${m[1]}`) : []));
  return { js, index, files: [...seen].map((f) => f.replace(`${DIST}/`, '')), fuzzyFiles };
}

type IslandTimes = { p50: number; p95: number; workerP50: number; workerP95: number };

async function chromiumFigures(): Promise<{ pagefind: (t: string) => Answer; island: IslandTimes; island50: IslandTimes; close: () => Promise<void> } | undefined> {
  if (process.env['BENCH_NODE_ONLY'] || !existsSync(join(DIST, 'pagefind'))) return undefined;
  const { chromium } = await import('@playwright/test');
  const { server, url } = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  // tsx compiles functions with a __name helper; page.evaluate sends them to the page, which lacks it.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(url);
  // Pagefind's top result for each text.
  const texts = [...corpus.single, ...corpus.ambiguous, ...corpus.unrelated, ...corpus.multi].map((c) => c.text);
  const pfTop = await page.evaluate(async (qs: string[]) => {
    const pf = await import('/pagefind/pagefind.js' as string);
    const out: Record<string, string | null> = {};
    for (const q of qs) {
      const r = await pf.search(q.slice(0, 1000));
      const first = r.results[0];
      out[q] = first ? ((await first.data()).url as string) : null;
    }
    return out;
  }, texts);
  const slugOf = (u: string | null | undefined) => (u ? /\/errors\/([^/]+)\//.exec(u)?.[1] : undefined);
  const pagefind = (t: string): Answer => {
    const top = slugOf(pfTop[t]);
    return { top, matches: top ? [top] : [], results: top ? [top] : [] };
  };
  // Island: from the input event to rendered results, minus the debounce; and the worker's own time.
  const box = page.getByLabel('Paste an error message');
  await box.focus();
  await page.locator('[data-testid="match-results"]').waitFor({ state: 'attached' });
  const measure = async (sample: string[]) => {
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
        const check = () => (results.dataset['state'] === 'ready' ? resolve() : requestAnimationFrame(check));
        check();
      });
      return { total: performance.now() - t0, worker: Number(results.dataset['ms'] ?? NaN) };
    }, text);
    e2e.push(Math.max(0, r.total - 150));
    worker.push(r.worker);
  }
  return { p50: quantile(e2e, 0.5), p95: quantile(e2e, 0.95), workerP50: quantile(worker, 0.5), workerP95: quantile(worker, 0.95) };
  };
  const island = await measure(corpus.single.filter((_, i) => i % 4 === 0).map((c) => c.text));
  const island50 = await measure(fiftyLinePastes(12));
  return {
    pagefind,
    island,
    island50,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const c = corpus;
  console.log(`Corpus: ${c.single.length} single-error pastes, ${c.ambiguous.length} ambiguous, ${c.unrelated.length} unrelated, ${c.multi.length} multi-error pastes.\n`);

  const built = buildIndex(realSources);
  const matcher = createMatcher(built.core, createFuzzy(Fuse, built.fuzzy, built.core.pages.length));
  const chromium = await chromiumFigures().catch((err: unknown) => {
    console.log(`(Chromium part skipped: ${(err as Error).message})`);
    return undefined;
  });
  const peers: [string, (t: string) => Answer][] = [['our matcher', ours(matcher)], ['Fuse.js defaults', fuseDefaults(realSources)]];
  if (chromium) peers.push(['Pagefind top result', chromium.pagefind]);

  console.log('## Accuracy at 22 errors\n');
  console.log(row(['', 'top-1 (single)', 'confident & correct (single)', 'wrong `match` (single)', 'ambiguous shown honestly', '`match` on unrelated', 'multi recall', 'multi precision']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
  for (const [name, answer] of peers) {
    const s = scoreSingle(answer, c.single);
    const a = scoreAmbiguous(answer, c.ambiguous);
    const u = scoreUnrelated(answer, c.unrelated);
    const m = scoreMulti(answer, c.multi);
    console.log(row([name, pct(s.top1, s.n), pct(s.confident, s.n), s.wrongMatch, pct(a.honest, a.n), `${u.matched}/${u.n}`, m.recall, m.precision]));
  }
  console.log('\nPeers have no verdict: their top result counts as their confident answer.');
  const pasted = c.single.filter((x) => x.kind !== 'own-words');
  const sp = scoreSingle(ours(matcher), pasted);
  console.log(`Ours on pasted messages only (all kinds but "own-words", n=${sp.n}): top-1 ${pct(sp.top1, sp.n)}, confident & correct ${pct(sp.confident, sp.n)}.\n`);

  console.log('### Ours by kind of paste (single)\n');
  const kinds = [...new Set(c.single.map((x) => x.kind))];
  console.log(row(['kind', 'n', 'top-1', 'confident & correct']));
  console.log(row(['---', '---', '---', '---']));
  const our = ours(matcher);
  for (const k of kinds) {
    const s = scoreSingle(our, c.single.filter((x) => x.kind === k));
    console.log(row([k, s.n, pct(s.top1, s.n), pct(s.confident, s.n)]));
  }
  const misses = c.single.filter((x) => our(x.text).matches[0] !== x.expect || our(x.text).matches.length !== 1);
  if (misses.length) {
    console.log(`\nNot confident-and-correct (${misses.length}):`);
    for (const x of misses.slice(0, 40)) {
      const a = our(x.text);
      console.log(`- [${x.kind}] expected ${x.expect}, got ${a.matches.length ? `match ${a.matches.join(',')}` : `possible ${a.results.slice(0, 3).join(',') || 'nothing'}`}: ${JSON.stringify(x.text.slice(0, 110))}`);
    }
  }

  console.log('\n## Scale (Node)\n');
  console.log(row(['pages', 'index build', 'index gzip', 'confident & correct (single)', '`match` on unrelated', 'multi recall / precision', 'p50 / p95 single', 'p50 / p95 50-line paste']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
  const realWords = [...new Set(realSources.flatMap((s) => fuzzyKey([...(s.messages ?? []), ...s.patterns].join(' ')).split(' ')))].filter(Boolean);
  const pastes = fiftyLinePastes(40);
  const singles = c.single.map((x) => x.text);
  for (const n of [22, 220, 2200]) {
    const sources = [...realSources, ...syntheticPages(n - realSources.length, realWords)];
    const t0 = performance.now();
    const index = buildIndex(sources);
    const build = performance.now() - t0;
    const json = JSON.stringify(index.core) + JSON.stringify(index.fuzzy);
    const m = createMatcher(index.core, createFuzzy(Fuse, index.fuzzy, index.core.pages.length));
    const s = scoreSingle(ours(m), c.single);
    const u = scoreUnrelated(ours(m), c.unrelated);
    const mu = scoreMulti(ours(m), c.multi);
    const l1 = latency(m, singles, n > 1000 ? 1 : 3);
    const l50 = latency(m, pastes, 1);
    console.log(row([n, ms(build), kb(gzipSync(json).length), pct(s.confident, s.n), `${u.matched}/${u.n}`, `${mu.recall} / ${mu.precision}`, `${ms(l1.p50)} / ${ms(l1.p95)}`, `${ms(l50.p50)} / ${ms(l50.p95)}`]));
  }

  if (existsSync(join(DIST, 'index.html'))) {
    const p = islandPayload();
    const fuzzyJs = p.fuzzyFiles.reduce((a, f) => a + gzipSync(readFileSync(join(DIST, f), 'utf8')).length, 0);
    const fuzzyIndex = gzipSync(readFileSync(join(DIST, 'fuzzy-index.json'), 'utf8')).length;
    console.log(`\n## Payload (gzip)\n\nWhat a paste needs (home page scripts + imports + worker + /match-index.json): JS ${kb(p.js)} + index ${kb(p.index)} = ${kb(p.js + p.index)} (target ≤ 20 KB).`);
    console.log(`Loaded only when a paste needs fuzzy search (Fuse.js + fuzzy stage + /fuzzy-index.json): ${kb(fuzzyJs)} + ${kb(fuzzyIndex)} = ${kb(fuzzyJs + fuzzyIndex)}.`);
    console.log(`Files: ${p.files.join(', ')}; on demand: ${p.fuzzyFiles.join(', ')}`);
  }
  if (chromium) {
    const i = chromium.island;
    const j = chromium.island50;
    console.log(`\n## Chromium, through the island (22 errors)\n`);
    console.log(row(['paste', 'input → results rendered, minus the 150 ms debounce (p50 / p95)', 'matcher time inside the worker (p50 / p95)']));
    console.log(row(['---', '---', '---']));
    console.log(row(['single message', `${ms(i.p50)} / ${ms(i.p95)}`, `${ms(i.workerP50)} / ${ms(i.workerP95)}`]));
    console.log(row(['50-line paste', `${ms(j.p50)} / ${ms(j.p95)}`, `${ms(j.workerP50)} / ${ms(j.workerP95)}`]));
    await chromium.close();
  }
}

await main();
