/**
 * npm run bench:paired [-- <git ref>]: a git ref's matcher (default `main`, its model files with it)
 * and this checkout's, case by case on the same pastes. A figure that moves by a few cases says
 * little on its own: what counts is how many cases each side alone gets right, and how likely a
 * split that uneven is when neither side is better (the exact two-sided sign test on those cases).
 *
 * Two pools: every blind B half together (the targets; figures only, never a case) and
 * every read half (the development corpus, the A halves, spent B halves). `--halves "quarto A,quarto
 * B"` adds a third: the halves it names, blind or read (a set no model was chosen on). At the real
 * pages. Asserts nothing.
 */
import { rmSync } from 'node:fs';
import Fuse from 'fuse.js';
import { indexSource, type IndexSource } from '../src/lib/matcher/build-index';
import type { Matcher } from '../src/lib/matcher/match';
import { loadErrors } from '../src/lib/node/load-content';
import { optionList, optionValue, positional } from '../scripts/args';
import { here, refApi, type Api } from '../scripts/ref-matcher';
import { corpora, type Case, type Corpus } from './corpora';

/** The command line: the ref (default `main`) and the halves `--halves` names, if any. */
export function pairedArgs(args: readonly string[]): { ref: string; halves: string[] } {
  const halves = optionList(args, '--halves');
  if (optionValue(args, '--halves') !== undefined && !halves.length)
    throw new Error('bench:paired: --halves takes a list of halves ("quarto A,quarto B")');
  return { ref: positional(args, ['--halves'], 'main'), halves };
}

const { ref: REF, halves: HALVES } = pairedArgs(process.argv.slice(2));
/** The ref as the tables name it: a full commit hash shortened. */
const LABEL = /^[0-9a-f]{40}$/.test(REF) ? REF.slice(0, 12) : REF;

/** What a side got right (or wrong) on each case of a pool, one test per figure. */
const FIGURES: { name: string; of: (c: Case) => boolean; holds: (c: Case, m: Answer) => boolean }[] = [
  {
    name: 'pasted messages: confident & correct',
    of: (c) => typeof c.expect === 'string' && c.kind !== 'own-words',
    holds: (c, m) => m.first === c.expect && m.matches.length === 1 && m.matches[0] === c.expect,
  },
  {
    name: 'pasted messages: right page first',
    of: (c) => typeof c.expect === 'string' && c.kind !== 'own-words',
    holds: (c, m) => m.first === c.expect,
  },
  {
    name: 'single-error pastes: a wrong `match`',
    of: (c) => typeof c.expect === 'string',
    holds: (c, m) => m.matches.some((s) => s !== c.expect),
  },
  {
    name: 'own words: right page in the first three',
    of: (c) => typeof c.expect === 'string' && c.kind === 'own-words',
    holds: (c, m) => m.firstThree.includes(c.expect as string),
  },
  {
    name: 'own words: a `match`',
    of: (c) => typeof c.expect === 'string' && c.kind === 'own-words',
    holds: (_, m) => m.matches.length > 0,
  },
  { name: 'unrelated: a `match`', of: (c) => c.expect === null, holds: (_, m) => m.matches.length > 0 },
  { name: 'unrelated: any result shown', of: (c) => c.expect === null, holds: (_, m) => m.shown },
];

interface Answer {
  first: string | undefined;
  firstThree: string[];
  matches: string[];
  shown: boolean;
}

function matcherOf(api: Api, sources: readonly IndexSource[]): Matcher {
  const built = api.buildIndex(sources);
  return api.createMatcher(built.core, api.createFuzzy(Fuse, built.fuzzy, built.core.pages.length));
}

const answer = (m: Matcher, text: string): Answer => {
  const { results } = m.match(text);
  return {
    first: results[0]?.slug,
    firstThree: results.slice(0, 3).map((r) => r.slug),
    matches: results.filter((r) => r.verdict === 'match').map((r) => r.slug),
    shown: results.length > 0,
  };
};

/** The exact two-sided sign test: how likely a split of `a` against `b` (or more uneven) is at even odds. */
export function signTest(a: number, b: number): number {
  const n = a + b;
  const k = Math.min(a, b);
  let tail = 0;
  let term = 0.5 ** n; // C(n, 0) / 2^n
  for (let i = 0; i <= k; i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, 2 * tail);
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** Each case's answers from both sides, worked out once: the pools share cases (`--halves` names halves of the other two). */
const answered = new WeakMap<Case, readonly [Answer, Answer]>();

function pool(name: string, cs: Corpus[], before: Matcher, after: Matcher): void {
  const cases = cs.flatMap((c) => [...c.single, ...c.unrelated]);
  const answers = cases.map((c) => {
    let both = answered.get(c);
    if (!both) answered.set(c, (both = [answer(before, c.text), answer(after, c.text)]));
    return both;
  });
  console.log(`\n## ${name}\n\n${cs.map((c) => c.name).join(', ')}: ${cases.length} pastes.\n`);
  console.log(
    row(['figure', 'pastes', LABEL, 'this checkout', `${LABEL} alone`, 'this alone', 'sign test p']),
  );
  console.log(row(Array.from({ length: 7 }, () => '---')));
  for (const f of FIGURES) {
    // Whether the figure holds for each side, on each paste it counts.
    const pairs = cases.flatMap((c, i) => {
      const [x, y] = answers[i]!;
      return f.of(c) ? [[f.holds(c, x), f.holds(c, y)] as const] : [];
    });
    const count = (holds: (p: readonly [boolean, boolean]) => boolean) => pairs.filter(holds).length;
    const onlyRef = count(([x, y]) => x && !y);
    const onlyHere = count(([x, y]) => y && !x);
    console.log(
      row([
        f.name,
        pairs.length,
        count(([x]) => x),
        count(([, y]) => y),
        onlyRef,
        onlyHere,
        signTest(onlyRef, onlyHere).toFixed(3),
      ]),
    );
  }
}

if (process.argv[1]?.endsWith('paired.ts')) {
  const { api, dir } = await refApi(REF);
  try {
    const sources = loadErrors().map(indexSource);
    const before = matcherOf(api, sources);
    const after = matcherOf(here, sources);
    const all = corpora();
    console.log(`${LABEL}'s matcher against this checkout's, at the real pages.`);
    pool(
      'Every blind B half, together',
      all.filter((c) => !c.training),
      before,
      after,
    );
    pool(
      'Every read half, together',
      all.filter((c) => c.training),
      before,
      after,
    );
    if (HALVES.length) {
      const named = all.filter((c) => HALVES.includes(c.name));
      const missing = HALVES.filter((n) => !named.some((c) => c.name === n));
      if (missing.length) throw new Error(`bench:paired --halves: no half named ${missing.join(', ')}`);
      pool('The halves --halves names, together', named, before, after);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
