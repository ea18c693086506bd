/**
 * The matcher issue's model checks, for `npm run bench` (figures only, asserts nothing):
 * - leave one page out: each page removed in turn, its pastes are errors the knowledge base does
 *   not have yet; how many still get a `match` (target ≤ 1%), and how many are shown at all;
 * - growth by one generic page: a plausible page with a code and title many faults share (2010,
 *   "Request has invalid or unsupported property"; 2500 "Invalid Reference Id" until the knowledge
 *   base got a real 2500 page) added; the original pages' figures beside the figures without it;
 * - reliability: the first result's shown confidence against how often it is right, on the halves
 *   neither the model nor its confidence (`calibrate --confidence`) was fitted on (target: expected
 *   calibration error ≤ 0.05);
 * - the blind B halves pooled: the targets read as it states them, on every B half not yet
 *   looked at together (`blindPooled`).
 * - growth, pooled: the same figures at every larger knowledge base the bench builds (the real
 *   pages plus synthetic ones) beside the real pages' (`growthColumn`, `growthTable`).
 * Every corpus counts, B halves included: only figures are printed, never a case.
 */
import { generalPagesOf, type IndexSource } from '../src/lib/matcher/build-index';
import { fullMatcher as matcherOf } from '../src/lib/matcher/full';
import type { Matcher } from '../src/lib/matcher/match';
import { reliability } from '../scripts/calibrate';
import { afterOn, fittedOn, guessOn, shownOn, type Corpus } from './corpora';
import {
  answers,
  tally,
  type Answer,
  type CorpusFigures,
  type Labelled,
  type MatcherAnswer,
} from './figures';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

/** The blind B halves: every B half not yet looked at (`training` false), the halves the targets read. */
export const blindHalves = (all: readonly Corpus[]): Corpus[] => all.filter((c) => !c.training);

/** The blind B halves' answers with the real pages, as the model checks took them (`Checked.answers`). */
export const checkedBlindAnswers = (all: readonly Corpus[], checked: ReadonlyMap<string, Checked>) =>
  blindHalves(all).flatMap((c) => checked.get(c.name)!.answers);
/** A count and its share: `3 (1.2%)`. */
const count = (n: number, d: number) => `${n} (${pct(n, d)})`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`;

/** A page that passes for a real one and shares QBO's most generic code and title. */
export const GENERIC_PAGE: IndexSource = {
  slug: 'generic-unsupported-property',
  title: 'Request has invalid or unsupported property',
  patterns: ['Request has invalid or unsupported property'],
  messages: ['Request has invalid or unsupported property'],
  qboCodes: [2010],
  qboTitles: ['Request has invalid or unsupported property'],
};

/** A corpus's pastes with their page removed (leave one page out): how many got a `match`, and where. */
export interface LeftOut {
  n: number;
  matched: number;
  toGeneral: number;
  toGroup: number;
  outside: number;
}

/** A corpus's figures with the real pages, the answers they count, and its pages left out in turn. */
export interface Checked {
  figures: CorpusFigures;
  leftOut: LeftOut;
  /** Each single-error and unrelated paste's answer with the real pages (`answers`, in that order). */
  answers: (readonly [Labelled, MatcherAnswer])[];
}

/** The model checks' tables; returns what they measured of each corpus, by name. */
export function modelTables(all: Corpus[], sources: IndexSource[], full: Matcher): Map<string, Checked> {
  const leftOut = new Map<string, LeftOut>();
  const checked = new Map<string, Checked>();
  console.log('\n## Leave one page out\n');
  console.log(
    'Each page removed in turn; its pastes are then an error the knowledge base does not have. Target: `match` on ≤ 1%.\n',
  );
  console.log(
    header([
      'corpus',
      'pastes of the removed page',
      '`match` (any page)',
      '`match` for its code’s general page',
      '`match` for its near-duplicate',
      '`match` outside its near-duplicate group and its code’s general page',
      'shown (any result)',
    ]),
  );
  const without = new Map(sources.map((s) => [s.slug, matcherOf(sources.filter((o) => o !== s))]));
  // The removed page's near-duplicates (frontmatter `group`): the page a person is asked to choose
  // from when the two cannot be told apart.
  const groupOf = new Map(sources.map((s) => [s.slug, s.group?.id]));
  const sameGroup = (a: string, b: string) =>
    groupOf.get(a) !== undefined && groupOf.get(a) === groupOf.get(b);
  // The general page of a code the removed page has (frontmatter `qboGeneral`): it answers that
  // code's faults whatever their detail, so it is the right page once the removed one is gone.
  const generalFor = new Map(
    sources.map((s) => [s.slug, new Set(generalPagesOf(sources, s).map((g) => g.slug))]),
  );
  let totalN = 0;
  let totalMatch = 0;
  let totalOutside = 0;
  let totalGeneral = 0;
  let totalGroup = 0;
  for (const c of all) {
    let n = 0;
    let matched = 0;
    let outside = 0;
    let toGeneral = 0;
    let toGroup = 0;
    let shown = 0;
    for (const x of c.single) {
      const m = typeof x.expect === 'string' ? without.get(x.expect) : undefined;
      if (!m || typeof x.expect !== 'string') continue;
      const removed = x.expect;
      const { results } = m.match(x.text);
      n++;
      const matches = results.filter((r) => r.verdict === 'match');
      if (matches.length) matched++;
      const general = generalFor.get(removed);
      if (matches.some((r) => !sameGroup(r.slug, removed) && !general?.has(r.slug))) outside++;
      else if (matches.some((r) => sameGroup(r.slug, removed))) toGroup++;
      else if (matches.length) toGeneral++;
      if (results.length) shown++;
    }
    leftOut.set(c.name, { n, matched, toGeneral, toGroup, outside });
    totalN += n;
    totalMatch += matched;
    totalOutside += outside;
    totalGeneral += toGeneral;
    totalGroup += toGroup;
    console.log(
      row([
        c.name,
        n,
        count(matched, n),
        count(toGeneral, n),
        count(toGroup, n),
        count(outside, n),
        pct(shown, n),
      ]),
    );
  }
  console.log(
    row([
      'all',
      totalN,
      count(totalMatch, totalN),
      count(totalGeneral, totalN),
      count(totalGroup, totalN),
      count(totalOutside, totalN),
      '',
    ]),
  );
  // The issue asks for ≤ 1% of `match`es here, written before the general pages existed. A `match`
  // for the removed page's general page is the page the knowledge base has for that fault (as the
  // corpora label a detail no page names), so the target is judged on every other `match`.
  console.log(
    `\nTarget ≤ 1%, a \`match\` on any page but its code’s general page: ${count(totalGroup + totalOutside, totalN)} (a \`match\` on any page: ${count(totalMatch, totalN)}).`,
  );

  console.log('\n## Growth by one generic page\n');
  console.log(
    `One page added with code ${GENERIC_PAGE.qboCodes?.join(', ')} and title "${GENERIC_PAGE.title}". Target: every figure within 1 point, no new \`match\` on unrelated pastes for the original pages (a ${GENERIC_PAGE.qboCodes?.join(', ')} fault among the unrelated pastes is rightly a \`match\` for the added page).\n`,
  );
  console.log(
    header([
      'corpus',
      'confident & correct (pasted): without / with',
      'first (pasted)',
      'wrong `match`',
      'unrelated: `match` for an original page, without / with',
      'unrelated: `match` for the added page',
    ]),
  );
  const grown = matcherOf([...sources, GENERIC_PAGE]);
  for (const c of all) {
    const real = answers(full, c);
    const a = tally(real);
    checked.set(c.name, { figures: a, leftOut: leftOut.get(c.name)!, answers: real });
    const withAdded = answers(grown, c);
    const b = tally(withAdded);
    // An unrelated paste that is the added page's fault is rightly a `match` for the added page: it counts apart.
    const unrelatedMatches = (added: boolean) =>
      withAdded
        .slice(c.single.length)
        .filter(([, { matches }]) => matches.some((slug) => (slug === GENERIC_PAGE.slug) === added)).length;
    console.log(
      row([
        c.name,
        `${pct(a.confident, a.pasted)} / ${pct(b.confident, b.pasted)}`,
        `${pct(a.first, a.pasted)} / ${pct(b.first, b.pasted)}`,
        `${a.wrongMatch} / ${b.wrongMatch}`,
        `${a.unrelatedMatch} / ${unrelatedMatches(false)}`,
        unrelatedMatches(true),
      ]),
    );
  }

  console.log(
    '\n## Reliability of the first result (halves neither the model nor its confidence was fitted on)\n',
  );
  const firsts: { conf: number; right: boolean }[] = [];
  const afters: { conf: number; right: boolean }[] = [];
  const fitted = new Set([...fittedOn(), ...shownOn(), ...guessOn(), ...afterOn()]);
  for (const c of all.filter((x) => !fitted.has(x.name))) {
    // The real pages' answers, taken for the table above, in the same order.
    const real = checked.get(c.name)!.answers;
    [...c.single, ...c.unrelated].forEach((x, i) => {
      const [first, ...rest] = real[i]![1].results;
      if (first) firsts.push({ conf: first.confidence, right: first.slug === x.expect });
      for (const r of rest) afters.push({ conf: r.confidence, right: r.slug === x.expect });
    });
  }
  const table = (rows: typeof firsts) => {
    console.log(header(['shown confidence', 'results', 'mean confidence', 'right']));
    for (const b of reliability(rows).bins)
      if (b.n)
        console.log(
          row([
            `${b.lo.toFixed(1)}–${(b.lo + 0.1).toFixed(1)}`,
            b.n,
            (b.conf / b.n).toFixed(2),
            pct(b.right, b.n),
          ]),
        );
  };
  console.log(
    `Expected calibration error ${reliability(firsts).ece.toFixed(3)} (target ≤ 0.05), ${firsts.length} first results.\n`,
  );
  table(firsts);
  console.log(
    `\nThe results after the first, on the same pastes (a second or third guess: the issue's target reads the first result; the confidence shown on every card should mean the same): expected calibration error ${reliability(afters).ece.toFixed(3)}, ${afters.length} results.\n`,
  );
  table(afters);
  return checked;
}

/**
 * The targets on the blind B halves (every B half not yet looked at: `training` false),
 * pooled: its figures are stated for them together ("Blind B halves, pasted messages: confident and
 * correct ≥ 97%"). Figures only, as everywhere in the bench.
 */
export function blindPooled(all: Corpus[], checked: ReadonlyMap<string, Checked>): void {
  const blind = blindHalves(all);
  /** A count summed over the blind halves. */
  const total = (count: (x: Checked) => number) =>
    blind.reduce((sum, c) => sum + count(checked.get(c.name)!), 0);
  const f = (key: keyof CorpusFigures) => total((x) => x.figures[key]);
  const l = (key: keyof LeftOut) => total((x) => x.leftOut[key]);
  const ratio = (n: number, d: number) => `${pct(n, d)} (${n} of ${d})`;
  console.log(`\n## The blind B halves pooled: the issue's targets\n`);
  console.log(
    `${blind.length} B halves not yet looked at, together: ${blind.map((c) => c.name).join(', ')}. Pasted messages are every single-error paste but a description in a person's own words.\n`,
  );
  console.log(header(['figure', 'target', 'measured']));
  for (const r of [
    ['pasted messages: confident & correct', '≥ 97%', ratio(f('confident'), f('pasted'))],
    ['pasted messages: right page first', '≥ 99%', ratio(f('first'), f('pasted'))],
    ['wrong `match` on a single-error paste', '≤ 0.2%', ratio(f('wrongMatch'), f('single'))],
    ['`match` on unrelated pastes', '0', ratio(f('unrelatedMatch'), f('unrelated'))],
    ['own words: right page in the first three', '≥ 90%', ratio(f('ownTop3'), f('own'))],
    ['own words: `match`', '0', ratio(f('ownMatch'), f('own'))],
    [
      'leave one page out: `match` on any page but its code’s general page (on any page)',
      '≤ 1%',
      `${ratio(l('toGroup') + l('outside'), l('n'))} (${ratio(l('matched'), l('n'))})`,
    ],
  ])
    console.log(row(r));
}

/** The blind B halves' figures pooled at one size of the knowledge base (`growthColumn`). */
export interface GrowthColumn {
  pages: number;
  f: CorpusFigures & { onOriginal: number };
}

/** The blind B halves' single-error and unrelated pastes, each with what a matcher answered. */
export const blindAnswers = (all: Corpus[], matcher: Matcher) =>
  blindHalves(all).flatMap((c) => answers(matcher, c));

/**
 * The blind B halves' figures pooled from their answers with one knowledge base (the real pages, or
 * the real pages plus synthetic ones), and how many unrelated pastes got a `match` for an original
 * page. The bench takes one per scale as it goes, so no matcher is kept for the table.
 */
export function growthColumn(
  answered: readonly (readonly [Labelled, Answer])[],
  pages: number,
  original: ReadonlySet<string>,
): GrowthColumn {
  const onOriginal = answered.filter(
    ([{ expect }, { matches }]) => expect.length === 0 && matches.some((s) => original.has(s)),
  ).length;
  return { pages, f: { ...tally(answered), onOriginal } };
}

/**
 * The growth target on the blind B halves pooled: the figures for the original pages at
 * the real pages (the first column) and at each larger knowledge base, side by side; an unrelated
 * paste's `match` counts apart for an original page and for synthetic pages only. Target: every
 * figure within 1 point, and no unrelated paste gains a `match`.
 */
export function growthTable(all: Corpus[], scales: GrowthColumn[]): void {
  // The real pages, the fewest, first.
  const columns = [...scales].sort((a, b) => a.pages - b.pages);
  const blind = blindHalves(all);
  const ratio = (n: number, d: number) => `${pct(n, d)} (${n})`;
  console.log(
    `\n## Growth: the blind B halves pooled, at ${columns.map((c) => c.pages.toLocaleString('en-US')).join(', ')} pages\n`,
  );
  console.log(
    `The ${blind.length} blind B halves' figures with the real pages and with synthetic pages added (bench/synthetic.ts). Target: every figure within 1 point of the first column, and no unrelated paste gains a \`match\` for an original page (one for synthetic pages only is counted apart).\n`,
  );
  console.log(header(['figure', ...columns.map((c) => `${c.pages.toLocaleString('en-US')} pages`)]));
  const line = (name: string, cell: (f: GrowthColumn['f']) => string) =>
    console.log(row([name, ...columns.map((c) => cell(c.f))]));
  line('pasted messages: confident & correct', (f) => ratio(f.confident, f.pasted));
  line('pasted messages: right page first', (f) => ratio(f.first, f.pasted));
  line('wrong `match` on a single-error paste', (f) => ratio(f.wrongMatch, f.single));
  line('unrelated: a `match` for an original page', (f) => ratio(f.onOriginal, f.unrelated));
  line('unrelated: a `match` for synthetic pages only', (f) =>
    ratio(f.unrelatedMatch - f.onOriginal, f.unrelated),
  );
  line('own words: right page in the first three', (f) => ratio(f.ownTop3, f.own));
  line('own words: `match`', (f) => ratio(f.ownMatch, f.own));
}

/**
 * The blind B halves pooled by kind of pasted message: where confident & correct is lost. Code-title
 * relays (a QBO code or title with a person's own detail) are counted apart too.
 */
export function kindsPooled(all: Corpus[], checked: ReadonlyMap<string, Checked>): void {
  /** Each blind pasted message's answer with the real pages, by its kind. */
  const byKind = new Map<string, (readonly [Labelled, Answer])[]>();
  for (const answered of checkedBlindAnswers(all, checked)) {
    const { kind, expect } = answered[0];
    if (kind === 'own-words' || !expect.length) continue;
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind)!.push(answered);
  }
  const kinds = [...byKind.keys()].sort();
  console.log(`\n## The blind B halves pooled, by kind of pasted message\n`);
  console.log(header(['kind', 'pasted', 'confident & correct', 'right page first']));
  const line = (name: string, of: string[]) => {
    const f = tally(of.flatMap((k) => byKind.get(k) ?? []));
    console.log(
      row([
        name,
        f.pasted,
        `${pct(f.confident, f.pasted)} (${f.confident})`,
        `${pct(f.first, f.pasted)} (${f.first})`,
      ]),
    );
  };
  for (const k of kinds) line(k, [k]);
  line('every kind', kinds);
  line(
    'every kind but code-title',
    kinds.filter((k) => k !== 'code-title'),
  );
}
