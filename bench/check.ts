/**
 * npm run bench:check [-- N] [--runs R] [--ref <git ref>] — times the build's content check alone
 * (checkAndIndex, src/lib/content-check.ts) at N error pages (default 2,200), without Astro.
 *
 * The pages are the ones `npm run bench:scale` builds: the real pages plus synthetic ones
 * (bench/synthetic.ts), read back from their Markdown as the content layer reads them, in the order
 * the build checks them (src/lib/collection.ts: by category, then title). Each run is a fresh Node
 * process that times one check, cold, as the build does. With --ref, the content check of <ref>
 * (its src/, copied out of git) runs in turn with this checkout's, on the same pages, and the two
 * must report the same problems. Prints each run, the median and the load average before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORY_KEYS } from '../src/consts';
import type { checkAndIndex as CheckAndIndex } from '../src/lib/content-check';
import { indexSource, type IndexSource } from '../src/lib/matcher/build-index';
import { loadErrors, ROOT, type NodeErrorEntry } from '../src/lib/node/load-content';
import { scalePages, syntheticEntries } from './synthetic';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
/** Where the options and their values stand in args. */
const valued = new Set(
  ['--runs', '--ref', '--src'].flatMap((o) =>
    args.includes(o) ? [args.indexOf(o), args.indexOf(o) + 1] : [],
  ),
);
const N = Number(args.find((a, i) => !a.startsWith('--') && !valued.has(i)) ?? 2200);
const RUNS = Number(option('--runs') ?? 5);
const REF = option('--ref');
if (!Number.isInteger(N) || N < 22 || !Number.isInteger(RUNS) || RUNS < 1)
  throw new Error('usage: npm run bench:check [-- N] [--runs R] [--ref <git ref>], N ≥ 22, R ≥ 1');

/** The pages the build at N pages checks, in its order (collection.ts). */
function pagesAt(n: number): NodeErrorEntry[] {
  const real = loadErrors();
  const realSources: IndexSource[] = real.map(indexSource);
  const extra = n > real.length ? syntheticEntries(scalePages(n, realSources), CATEGORY_KEYS) : [];
  const order = (e: NodeErrorEntry) =>
    CATEGORY_KEYS.indexOf(e.data.category as (typeof CATEGORY_KEYS)[number]);
  return [...real, ...extra].sort((a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title));
}

/** One run, in this process: the check of the src/ under `root`, timed; its problems as a hash. */
async function once(root: string): Promise<void> {
  const entries = pagesAt(N);
  const mod = (await import(pathToFileURL(join(root, 'src/lib/content-check.ts')).href)) as {
    checkAndIndex: typeof CheckAndIndex;
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { problems } = mod.checkAndIndex(entries);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const hash = createHash('sha256').update(JSON.stringify(problems)).digest('hex').slice(0, 12);
  console.log(
    JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, problems: problems.length, hash }),
  );
}

interface Run {
  /** Wall time. */
  ms: number;
  /** CPU time (user and system, every thread: the garbage collector's too). */
  cpuMs: number;
  problems: number;
  hash: string;
}

/** One run in a fresh process (cold, as in the build). */
function child(root: string): Run {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, String(N), '--src', root], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`the check's run failed:\n${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}

/** The src/ of `ref`, copied out of git next to a link to this checkout's node_modules. */
function refCopy(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-check-'));
  const tar = execFileSync('git', ['archive', ref, 'src'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const src = option('--src');
  if (src) return once(src);
  const sides: { name: string; root: string; runs: Run[] }[] = [
    { name: 'this checkout', root: ROOT, runs: [] },
  ];
  const dir = REF ? refCopy(REF) : undefined;
  if (REF && dir) sides.unshift({ name: REF, root: dir, runs: [] });
  console.log(`Content check at ${N} pages, ${RUNS} runs each. Load average (1, 5, 15 min): ${load()}`);
  try {
    for (let i = 0; i < RUNS; i++)
      for (const side of sides) {
        const run = child(side.root);
        side.runs.push(run);
        console.log(
          `run ${i + 1}, ${side.name}: ${sec(run.ms)} (CPU ${sec(run.cpuMs)}; ${run.problems} problems, ${run.hash}); load ${load()}`,
        );
      }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  for (const side of sides) {
    const ms = side.runs.map((r) => r.ms);
    console.log(
      `${side.name}: median ${sec(median(ms))}, min ${sec(Math.min(...ms))}, max ${sec(Math.max(...ms))}; CPU median ${sec(median(side.runs.map((r) => r.cpuMs)))}`,
    );
  }
  const hashes = new Set(sides.flatMap((s) => s.runs.map((r) => r.hash)));
  console.log(
    hashes.size === 1 ? 'Every run reported the same problems.' : 'The runs reported different problems!',
  );
  console.log(`Load average (1, 5, 15 min) at the end: ${load()}`);
  process.exitCode = hashes.size === 1 ? 0 : 1;
}

await main();
