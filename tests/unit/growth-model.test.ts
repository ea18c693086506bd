import { describe, expect, it } from 'vitest';
import { syntheticPages } from '../../bench/synthetic';
import { indexSource } from '../../src/lib/matcher/build-index';
import { fullMatcher } from '../../src/lib/matcher/full';
import { loadErrors } from '../../src/lib/node/load-content';

const real = loadErrors().map(indexSource);
const atReal = fullMatcher(real);
/** The knowledge base grown to 2,200 pages with the bench's synthetic pages. */
const grown = fullMatcher([...real, ...syntheticPages(2200 - real.length, real)]);
const matched = (m: typeof atReal, text: string) =>
  m
    .match(text)
    .results.filter((r) => r.verdict === 'match')
    .map((r) => r.slug);

describe('what decides `match` does not grow with the knowledge base', () => {
  // `quoted` read `evidence` in nats, which grows with ln(pages): at 2,200 pages these were a
  // `match`, at the real pages a suggestion (session 42).
  it.each([
    // A description in a person's own words.
    ['quickbooks internal server error during the nightly export', 'qbo-server-error'],
    // A QBO title under another code: QuickBooks' 6190 says this title, 4002 is no code of its.
    ['ERROR CODE:4002, ERROR MESSAGE:Invalid Company Status', 'invalid-company-status'],
  ])(
    '%s is no `match` at 2,200 pages, as at the real pages, and its page still comes first',
    (text, slug) => {
      expect(matched(atReal, text)).toEqual([]);
      expect(matched(grown, text)).toEqual([]);
      expect(grown.match(text).results[0]?.slug).toBe(slug);
    },
  );
});
