/**
 * Guards the fitted model: the development corpus's figures with the real matcher may not drop more
 * than one point below what `npm run calibrate` recorded (src/lib/matcher/model-figures.json), and
 * its error rates may not rise more than one point. A change to the matcher, the features or the
 * content that costs accuracy fails here; refit (`npm run calibrate`) when the change is meant.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, indexSource } from '../../src/lib/matcher/build-index';
import { afterOn, corpora, fittedOn, guessOn, shownOn } from '../../bench/corpora';
import { corpusFigures, type CorpusFigures } from '../../bench/figures';
import { syntheticPages } from '../../bench/synthetic';
import { fullMatcher, matcherOfIndex } from '../../src/lib/matcher/full';
import { matcherFromContent } from '../../src/lib/node/matcher-from-content';
import { loadErrors, ROOT } from '../../src/lib/node/load-content';
import { FEATURES, QUOTED_FEATURES } from '../../src/lib/matcher/model';
import { boosted, splitCounts, treeContributions } from '../../src/lib/matcher/trees';
import { QUOTED } from '../../src/lib/matcher/quoted';
import { reliability } from '../../scripts/calibrate';

const recorded = (
  JSON.parse(readFileSync(join(ROOT, 'src/lib/matcher/model-figures.json'), 'utf8')) as {
    dev: CorpusFigures;
  }
).dev;
const dev = corpora().find((c) => c.name === 'dev')!;
/** The real matcher over the content, built once for the file. */
const real = matcherFromContent().matcher;
const now = corpusFigures(real, dev);
const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);

describe('the fitted model keeps its figures on the development corpus', () => {
  it.each([
    ['pasted messages: confident and correct', 'confident', 'pasted'],
    ['pasted messages: right page first', 'first', 'pasted'],
    ['own words: right page in the first three', 'ownTop3', 'own'],
  ] as const)('%s drops at most 1 point', (_name, n, d) => {
    expect(pct(now[n], now[d])).toBeGreaterThanOrEqual(pct(recorded[n], recorded[d]) - 1);
  });
  it.each([
    ['wrong `match` on single-error pastes', 'wrongMatch', 'single'],
    ['`match` on a description in own words', 'ownMatch', 'own'],
    ['`match` on unrelated pastes', 'unrelatedMatch', 'unrelated'],
  ] as const)('%s rises at most 1 point', (_name, n, d) => {
    expect(pct(now[n], now[d])).toBeLessThanOrEqual(pct(recorded[n], recorded[d]) + 1);
  });
});

describe('the fitted model keeps its thresholds as the knowledge base grows', () => {
  it('at 2,200 pages (the bench’s synthetic pages), no unrelated paste it was fitted on is a `match`', () => {
    const sources = loadErrors().map(indexSource);
    const grown = fullMatcher([...sources, ...syntheticPages(2200 - sources.length, sources)]);
    const fitted = fittedOn();
    expect(fitted.size).toBeGreaterThan(1);
    const matched = corpora()
      .filter((c) => fitted.has(c.name))
      .flatMap((c) => c.unrelated)
      .filter((x) => grown.match(x.text).results.some((r) => r.verdict === 'match'))
      .map((x) => x.text);
    expect(matched).toEqual([]);
  });
});

describe('the confidence shown', () => {
  it('was refitted (calibrate --confidence) only on corpora the model was not fitted on', () => {
    // Pastes the model saw would teach the confidence what the model promises on pastes it knows.
    const names = new Set(corpora().map((c) => c.name));
    const on = [...shownOn()];
    expect(on.filter((n) => !names.has(n))).toEqual([]);
    expect(on.filter((n) => fittedOn().has(n))).toEqual([]);
  });

  it.each([
    ['a first guess (`guess`)', guessOn],
    ['a guess after the first result (`after`)', afterOn],
  ])('of %s was fitted only on training corpora the model was not fitted on', (_what, on) => {
    const training = new Set(corpora().flatMap((c) => (c.training ? [c.name] : [])));
    const names = [...on()];
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((n) => !training.has(n))).toEqual([]);
    expect(names.filter((n) => fittedOn().has(n))).toEqual([]);
  });

  it('of a first guess reads whether the paste tells of trouble: a how-to question is not a sure guess (60%, not 85%)', () => {
    const [question] = real.match('how do I reconcile my bank account in QBO').results;
    expect(question?.verdict).toBe('possible');
    expect(question!.features?.trouble).toBe(0);
    expect(question!.confidence).toBeLessThan(0.7);
    const [told] = real.match('QBO rejects the export: cannot reconcile my bank account').results;
    expect(told!.features?.trouble).toBe(1);
  });

  it('of a guess beside a sure first result says it is unlikely: the 610 group first, then a payment page at under 10%, not 63%', () => {
    const { results } = real.match('QuickBooks said 610 Object Not Found when I exported invoice 1043');
    expect(results.slice(0, 2).map((r) => r.slug)).toEqual([
      'object-not-found-deleted',
      'object-not-found-inactive',
    ]);
    expect(results[0]!.confidence).toBeGreaterThan(0.9);
    for (const r of results.slice(2)) expect(r.confidence).toBeLessThan(0.1);
  });

  it('of the guesses after the first result means what it says on the development corpus (calibration error under 0.15; 0.47 with the first result’s mapping)', () => {
    const afters = [...dev.single, ...dev.unrelated].flatMap((x) =>
      real
        .match(x.text)
        .results.slice(1)
        .map((r) => ({ conf: r.confidence, right: r.slug === x.expect })),
    );
    expect(afters.length).toBeGreaterThan(10);
    expect(reliability(afters).ece).toBeLessThan(0.15);
  });
});

describe('the `quoted` trees (model-quoted.json)', () => {
  it('split only on features the matcher computes', () => {
    const names = [...splitCounts(QUOTED.trees).keys()];
    expect(QUOTED.trees.length).toBeGreaterThan(0);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !(FEATURES as readonly string[]).includes(n))).toEqual([]);
  });

  it('start from a linear term on every feature the matcher computes but those of a description, and on nothing else', () => {
    expect(Object.keys(QUOTED.linear ?? {}).sort()).toEqual([...QUOTED_FEATURES].sort());
    expect(QUOTED_FEATURES).not.toContain('keyword');
    expect(FEATURES).toContain('keyword');
  });

  it('explain: the base and what each feature moved add up to the log-odds', () => {
    const { matcher } = matcherFromContent();
    let checked = 0;
    for (const text of ['Error code 6140: Duplicate Document Number Error', 'quickbooks is down']) {
      for (const r of matcher.match(text).results) {
        checked++;
        const f = r.features!;
        const { base, contributions } = treeContributions(QUOTED_FEATURES, f, QUOTED);
        const z = base + contributions.reduce((s, [, v]) => s + v, 0);
        const p = boosted(f, QUOTED);
        expect(z).toBeCloseTo(Math.log(p / (1 - p)), 6);
      }
    }
    // The sum was checked on some results, not on none.
    expect(checked).toBeGreaterThan(0);
  });

  it('explain: a paste that finds nothing lists the candidates under `possible`, with their features', () => {
    const out = JSON.parse(
      execFileSync(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/match.ts', '--explain', 'journal entry problem with quickbooks again'],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    ) as {
      results: unknown[];
      possibleAt: number;
      notShown: {
        slug: string;
        p: number;
        features: Record<string, number>;
        right: object;
        quoted: object;
      }[];
    };
    // Says which kind of error, not which one: no page is shown (session 21's refit shows a page for
    // "QBO won't let the payment update because it was deposited", this test's paste before).
    expect(out.results).toEqual([]);
    const page = out.notShown[0];
    expect(page).toBeDefined();
    expect(page!.p).toBeLessThan(out.possibleAt);
    expect(Object.keys(page!.features).sort()).toEqual([...FEATURES].sort());
    expect(page!.quoted).toHaveProperty('base');
    // Best first, and what each feature added to `right` (with its bias) is the candidate's log-odds:
    // the listing explains the probability it prints (both are rounded to three decimals).
    const ps = out.notShown.map((c) => c.p);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    for (const c of out.notShown) {
      const z = Object.values(c.right as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(Math.abs(z - Math.log(c.p / (1 - c.p))), c.slug).toBeLessThan(0.05);
    }
  });
});

describe('what the fitting script sees (the Trace)', () => {
  const entries = loadErrors();
  const index = buildIndex(entries.map(indexSource));
  const traced = (text: string) => {
    const events: (readonly number[])[] = [];
    const outcome = matcherOfIndex(index, { segment: (_c, lines) => events.push(lines) }).match(text);
    return { events, outcome };
  };
  // A message an exact pattern finds on its own: the line is covered, whatever the exact-hit threshold.
  const plain = matcherOfIndex(index);
  const message = entries
    .map((e) => e.data.messages[0])
    .find((m) => m && plain.match(m).results[0]?.via === 'pattern')!;

  it('does not depend on which lines a sure exact hit covers: each distinct line once, in order', () => {
    const { events, outcome } = traced(`journal entry problem with quickbooks again\n${message}\n${message}`);
    expect(outcome.results[0]?.via).toBe('pattern');
    // Session 21 traced the covered line once per occurrence, and before the line the model searched.
    expect(events).toEqual([[0], [1, 2]]);
  });

  it("reads a fault's header line apart from its detail's page: the code goes to the page that claims it", () => {
    // QuickBooks' 6000 header, then the detail that accounts-receivable-needs-customer's pattern
    // finds. The header alone is what a bare 6000 says (the general page's); here the code is the
    // detail's page's evidence, and the other 6000 pages are `claimed`. Session 23: without it, a
    // refit on logs A (bare 6000 headers, the general page right) needed `match` at p 0.86.
    const header =
      'QB Exception 6000: A business validation error has occurred while processing your request';
    const detail =
      'Business Validation Error: When you use Accounts Receivable, you must choose a customer in the Name field.';
    const rows: { slug: string; code: number; claimed: number }[] = [];
    matcherOfIndex(index, {
      segment: (candidates, lines) => {
        if (lines.includes(0))
          for (const c of candidates)
            rows.push({
              slug: index.core.pages[c.page]![0],
              code: c.features.code,
              claimed: c.features.claimed,
            });
      },
    }).match(`${header}\n${detail}`);
    const row = (slug: string) => rows.find((r) => r.slug === slug);
    expect(row('business-validation-error')).toEqual({
      slug: 'business-validation-error',
      code: 0,
      claimed: 1,
    });
    expect(row('accounts-receivable-needs-customer')).toMatchObject({ code: 1, claimed: 0 });
  });
});
