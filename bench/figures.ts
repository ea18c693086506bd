/**
 * A corpus's headline figures with the real matcher: what `npm run calibrate` records for the
 * development corpus (src/lib/matcher/model-figures.json) and what the unit test that guards the
 * fitted model recomputes. The definitions are the fitting script's: pasted messages apart from
 * descriptions in a person's own words; ambiguous cases left out.
 */
import type { Matcher } from '../src/lib/matcher/match';
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
}

export function corpusFigures(matcher: Matcher, corpus: Corpus): CorpusFigures {
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
  };
  for (const c of corpus.unrelated) {
    f.unrelated++;
    if (matcher.match(c.text).results.some((r) => r.verdict === 'match')) f.unrelatedMatch++;
  }
  for (const c of corpus.single) {
    if (typeof c.expect !== 'string') continue;
    const want = c.expect;
    const { results } = matcher.match(c.text);
    const matches = results.filter((r) => r.verdict === 'match').map((r) => r.slug);
    f.single++;
    if (matches.some((s) => s !== want)) f.wrongMatch++;
    if (c.kind === 'own-words') {
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
