/**
 * A corpus's headline figures, counted one way for every caller: the fitting script (on its
 * simulated answers), `npm run calibrate`'s record of the development corpus, the unit test that
 * guards it (tests/unit/model.test.ts) and the bench's model checks (on the real matcher). Pasted
 * messages count apart from descriptions in a person's own words; ambiguous cases are left out.
 */
import type { Matcher } from '../src/lib/matcher/match';
import type { MatchOutcome } from '../src/lib/matcher/types';
import type { Corpus } from './corpora';

export interface CorpusFigures {
  /** Single-error pastes that quote the message (own words aside). */
  pasted: number;
  /** … whose first result is their page, and the only `match`. */
  confident: number;
  /** … whose first result is their page. */
  first: number;
  /** Single-error pastes, own words included. */
  single: number;
  /** … with a `match` for another page. */
  wrongMatch: number;
  /** Descriptions in a person's own words. */
  own: number;
  /** … with their page among the first three results. */
  ownTop3: number;
  /** … with any `match`. */
  ownMatch: number;
  /** Pastes of no page's error. */
  unrelated: number;
  /** … with any `match`. */
  unrelatedMatch: number;
  /** … with any result at all. */
  unrelatedShown: number;
}

/** A labelled paste: its right pages (none when unrelated, two or more when ambiguous). */
export interface Labelled {
  expect: readonly string[];
  own: boolean;
  /** Its kind of paste, as its corpus names it (`bare`, `code-title`, `own-words`, `near-miss`, …). */
  kind: string;
}
/** What was shown for it: results in order, and which of them are a `match`. */
export interface Answer {
  results: readonly { slug: string }[];
  matches: readonly string[];
}

export function tally(answered: Iterable<readonly [Labelled, Answer]>): CorpusFigures {
  const f: CorpusFigures = {
    pasted: 0,
    confident: 0,
    first: 0,
    single: 0,
    wrongMatch: 0,
    own: 0,
    ownTop3: 0,
    ownMatch: 0,
    unrelated: 0,
    unrelatedMatch: 0,
    unrelatedShown: 0,
  };
  for (const [{ expect, own }, { results, matches }] of answered) {
    if (expect.length === 0) {
      f.unrelated++;
      if (matches.length) f.unrelatedMatch++;
      if (results.length) f.unrelatedShown++;
      continue;
    }
    if (expect.length > 1) continue;
    const want = expect[0]!;
    f.single++;
    if (matches.some((s) => s !== want)) f.wrongMatch++;
    if (own) {
      f.own++;
      if (results.slice(0, 3).some((r) => r.slug === want)) f.ownTop3++;
      if (matches.length) f.ownMatch++;
    } else {
      f.pasted++;
      if (results[0]?.slug === want) {
        f.first++;
        if (matches.length === 1 && matches[0] === want) f.confident++;
      }
    }
  }
  return f;
}

/** What the real matcher answered: its results, confidence and all, and which are a `match`. */
export type MatcherAnswer = Answer & { results: MatchOutcome['results'] };

/** A corpus's single-error and unrelated pastes, in that order, each with what a matcher answered. */
export function answers(matcher: Matcher, corpus: Corpus): (readonly [Labelled, MatcherAnswer])[] {
  return [...corpus.single, ...corpus.unrelated].map((c) => {
    const { results } = matcher.match(c.text);
    const expect = c.expect === null ? [] : typeof c.expect === 'string' ? [c.expect] : c.expect;
    const answer = { results, matches: results.filter((r) => r.verdict === 'match').map((r) => r.slug) };
    return [{ expect, own: c.kind === 'own-words', kind: c.kind }, answer] as const;
  });
}

/** The figures of a corpus's single-error and unrelated pastes with a matcher. */
export function corpusFigures(matcher: Matcher, corpus: Corpus): CorpusFigures {
  return tally(answers(matcher, corpus));
}
