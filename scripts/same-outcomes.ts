/**
 * npm run same-outcomes [-- <git ref>] [--every K]: proves that a change to how the matcher computes
 * changes nothing it answers. Exits 1 on any difference.
 *
 * It copies src/ as it is at <ref> (default `main`) out of git into a temporary
 * directory (ref-matcher.ts) and runs that matcher and this checkout's side by side, each from its own index sent
 * through JSON as the browser gets it, on:
 * - every case of every corpus (B halves too: counted, never printed), and reports made of the dev
 *   corpus's and the A halves' cases (50 lines each);
 * - every real page's examples, their variants (variants.ts) and messages;
 * - at 2,200 pages (bench/synthetic.ts, as `npm run bench:scale` builds them), all of that again
 *   plus every synthetic page's examples, variants and messages (`--every K`: every K-th page only).
 *
 * For each text it compares, as JSON: the exact stage's outcome alone (what the browser has before
 * Fuse.js loads; without the previews of the page's message, which that stage no longer carries),
 * the full outcome (results with their features, values and previews), and the trace (every exact
 * hit and every candidate page the model scored, with its features: what calibrate.ts fits on).
 */
import { rmSync } from 'node:fs';
import Fuse from 'fuse.js';
import { indexSource, type IndexSource } from '../src/lib/matcher/build-index';
import type { Matcher, Trace } from '../src/lib/matcher/match';
import { messageVariants } from '../src/lib/matcher/variants';
import { loadErrors, type NodeErrorEntry } from '../src/lib/node/load-content';
import { CATEGORY_KEYS } from '../src/consts';
import { corpora } from '../bench/corpora';
import { scalePages, syntheticEntries } from '../bench/synthetic';
import { optionValue, positional } from './args';
import { here, refApi, type Api } from './ref-matcher';

const args = process.argv.slice(2);
const EVERY = Number(optionValue(args, '--every') ?? 1);
const REF = positional(args, ['--every'], 'main');
if (!Number.isInteger(EVERY) || EVERY < 1) throw new Error(`--every takes a whole number ≥ 1`);

/** Runs one text through one side: exact stage alone, full matcher, and what the full matcher traced. */
function side(api: Api, sources: readonly IndexSource[]): (text: string) => string {
  const built = api.buildIndex(sources);
  // As the browser gets them: through JSON.
  const core = JSON.parse(JSON.stringify(built.core)) as typeof built.core;
  const fuzzy = JSON.parse(JSON.stringify(built.fuzzy)) as typeof built.fuzzy;
  let events: unknown[] = [];
  const trace: Trace = {
    exact: (hits, lines) => events.push(['exact', hits, lines]),
    segment: (candidates, lines) => events.push(['segment', candidates, lines]),
  };
  const exactOnly: Matcher = api.createMatcher(core);
  const full: Matcher = api.createMatcher(core, api.createFuzzy(Fuse, fuzzy, core.pages.length), trace);
  return (text) => {
    events = [];
    const first = exactOnly.match(text);
    // The exact stage alone previews no page's message since index format 2 (its results are all
    // `match`es, which show none; the messages come with the fuzzy stage): it is compared without
    // them, and a result of it that is not a `match` is counted apart.
    for (const r of first.results) {
      if (r.verdict !== 'match') notMatch++;
      r.message = '';
    }
    const all = full.match(text);
    return JSON.stringify([first, all, events]);
  };
}

interface TextSet {
  name: string;
  texts: string[];
  /** Texts may be printed (not a B half). */
  show: boolean;
}

function pageTexts(name: string, entries: readonly NodeErrorEntry[]): TextSet {
  const texts = entries.flatMap((e) => [
    ...e.data.examples.flatMap((x) => [x, ...messageVariants(x).map((v) => v.text)]),
    ...e.data.messages,
  ]);
  return { name, texts, show: true };
}

function corpusTexts(): TextSet[] {
  const sets = corpora().map((c) => ({
    name: `corpus ${c.name}`,
    texts: [...c.single, ...c.ambiguous, ...c.unrelated, ...c.multi].map((x) => x.text),
    show: c.showMisses,
  }));
  // Reports: the printable cases 50 lines at a time, so long pastes, caps and repeats are compared too.
  const lines = sets.filter((s) => s.show).flatMap((s) => s.texts.filter((t) => !t.includes('\n')));
  const reports = Array.from({ length: Math.ceil(lines.length / 50) }, (_, i) =>
    lines.slice(i * 50, i * 50 + 50).join('\n'),
  );
  return [...sets, { name: 'reports of 50 lines', texts: reports, show: true }];
}

function compare(
  pages: number,
  sets: TextSet[],
  before: (t: string) => string,
  after: (t: string) => string,
): number {
  let differ = 0;
  for (const set of sets) {
    const start = performance.now();
    const diffs = set.texts.filter((t) => before(t) !== after(t));
    differ += diffs.length;
    const secs = ((performance.now() - start) / 1000).toFixed(1);
    console.log(
      `${pages} pages, ${set.name}: ${set.texts.length} texts, ${diffs.length} differ (${secs} s for both)`,
    );
    if (set.show)
      for (const t of diffs.slice(0, 3)) console.log(`  differs: ${JSON.stringify(t.slice(0, 200))}`);
  }
  return differ;
}

const { api: refSide, dir } = await refApi(REF);
let differ = 0;
/** Results of the exact stage alone that are not a `match` (there must be none). */
let notMatch = 0;
try {
  const real = loadErrors();
  const realSources: IndexSource[] = real.map(indexSource);
  const common = [...corpusTexts(), pageTexts('real pages: examples, variants, messages', real)];
  console.log(`Comparing ${REF}'s matcher with this checkout's.`);
  differ += compare(22, common, side(refSide, realSources), side(here, realSources));

  const synthetic = scalePages(2200, realSources);
  const all = [...realSources, ...synthetic];
  const sample = syntheticEntries(synthetic, CATEGORY_KEYS).filter((_, i) => i % EVERY === 0);
  differ += compare(
    all.length,
    [
      ...common,
      pageTexts(
        `synthetic pages${EVERY > 1 ? ` (every ${EVERY}th)` : ''}: examples, variants, messages`,
        sample,
      ),
    ],
    side(refSide, all),
    side(here, all),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Results of the exact stage alone that are not a "match": ${notMatch}.`);
console.log(differ ? `${differ} texts differ.` : 'Every outcome, feature and trace is the same.');
process.exitCode = differ || notMatch ? 1 : 0;
