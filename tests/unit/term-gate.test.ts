/**
 * The fuzzy stage's Fuse answers word searches the text decides without Bitap
 * (src/lib/matcher/term-gate.ts): every result and score must be Fuse.js's own.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { errorsAllowed, gatedFuse, gatedSearch } from '../../src/lib/matcher/term-gate';
import { FUSE_OPTIONS as OPTIONS } from '../../src/lib/matcher/fuzzy';
import type { FuzzyRecord } from '../../src/lib/matcher/types';
import { buildIndex, indexSource } from '../../src/lib/matcher/build-index';
import { loadErrors } from '../../src/lib/node/load-content';

/** A search of one word that counts the texts it was asked about. */
function counted(pattern: string) {
  const asked: string[] = [];
  return {
    asked,
    search: {
      pattern,
      searchIn(text: string) {
        asked.push(text);
        return { isMatch: false, score: 0.7 };
      },
    },
  };
}

/** The fuzzy stage's Bitap threshold, as its Fuse options give it. */
const THRESHOLD = OPTIONS.threshold!;

describe('term gate', () => {
  it('allows as many errors as Bitap accepts under the threshold', () => {
    expect([1, 3, 4, 6, 7, 10, 20].map((n) => errorsAllowed(n, THRESHOLD))).toEqual([0, 0, 1, 1, 2, 3, 6]);
  });

  it('answers a text that holds the word, or none of its pieces, without Bitap', () => {
    const { asked, search } = counted('deposited');
    const gated = gatedSearch(search, THRESHOLD);
    // Nine letters, two errors allowed: pieces "dep", "osi", "ted".
    expect(gated.searchIn('this payment was deposited')).toEqual({ isMatch: true, score: 0.001 });
    expect(gated.searchIn('THIS PAYMENT WAS DEPOSITED')).toEqual({ isMatch: true, score: 0.001 });
    expect(gated.searchIn('the books are closed').isMatch).toBe(false);
    expect(asked).toEqual([]);
    // "depsoited" holds "dep": only Bitap can say.
    expect(gated.searchIn('depsoited').isMatch).toBe(false);
    expect(gated.searchIn('deposited')).toEqual({ isMatch: false, score: 0.7 });
    expect(asked).toEqual(['depsoited', 'deposited']);
  });

  it('scores as Fuse.js does, for the words of the real pages against their records, typos and other case', () => {
    const index = buildIndex(loadErrors().map(indexSource));
    const records = index.fuzzy.pages.map(([, , fields]) => fields);
    const docs = records.map((_, p) => ({ p }));
    const Gated = gatedFuse(Fuse);
    const parsed = () =>
      Fuse.parseIndex<FuzzyRecord>({
        keys: index.fuzzy.keys,
        records: records.map(($, i) => ({ i, $ })),
      } as never);
    const plain = new Fuse<FuzzyRecord>(docs, OPTIONS, parsed());
    const gated = new Gated<FuzzyRecord>(docs, OPTIONS, parsed());
    const words = [
      ...new Set(
        records
          .flatMap((f) => Object.values(f).flatMap((x) => (x.v ?? '').split(' ')))
          .filter((w) => w.length > 1),
      ),
    ];
    // Each word as it is, with a slip, with two letters swapped, in capitals, and in three-word queries.
    const slip = (w: string, i: number) => w.slice(0, i % w.length) + w.slice((i % w.length) + 1);
    const swap = (w: string) =>
      w.length < 3 ? w : w.charAt(0) + w.charAt(2) + w.charAt(1) + w.slice(3).replace(/[aeiou]/, 'x');
    const queries = words.flatMap((w, i) => [
      w,
      slip(w, i),
      swap(w),
      w.toUpperCase(),
      `${w} ${words[(i * 7) % words.length]} ${slip(words[(i * 13) % words.length]!, i)}`,
    ]);
    expect(queries.length).toBeGreaterThan(1000);
    let results = 0;
    for (const q of queries) {
      const expected = plain.search(q);
      results += expected.length;
      expect(gated.search(q), q).toEqual(expected);
    }
    expect(results).toBeGreaterThan(queries.length);
    // The gate is in place with this release of Fuse.js (it would be silently off otherwise).
    expect((gated._getSearcher('deposited') as { gated?: boolean }).gated).toBe(true);
  });

  it('steps aside for a searcher that holds no word searches, and Fuse answers as ever', () => {
    // Without token search, Fuse's searcher is one Bitap search of the whole query.
    const options = { keys: ['m'], includeScore: true, threshold: THRESHOLD, ignoreLocation: true };
    const docs = [{ m: 'this transaction has been deposited' }, { m: 'the account period has closed' }];
    const gated = new (gatedFuse(Fuse))(docs, options);
    const expected = new Fuse(docs, options).search('depsoited');
    expect(expected.map((r) => r.refIndex)).toEqual([0]);
    expect(gated.search('depsoited')).toEqual(expected);
    expect((gated._getSearcher('depsoited') as { gated?: boolean }).gated).toBeUndefined();
  });
  it('steps aside for options under which Bitap answers otherwise (matched indices wanted)', () => {
    const options = { ...OPTIONS, includeMatches: true };
    const docs = [{ p: 0 }];
    const index = () =>
      Fuse.parseIndex<FuzzyRecord>({
        keys: OPTIONS.keys,
        records: [{ i: 0, $: { '0': { v: 'this transaction has been deposited' } } }],
      } as never);
    const gated = new (gatedFuse(Fuse))<FuzzyRecord>(docs, options, index());
    const expected = new Fuse<FuzzyRecord>(docs, options, index()).search('deposited');
    expect(expected[0]?.matches?.length).toBeGreaterThan(0);
    expect(gated.search('deposited')).toEqual(expected);
    expect((gated._getSearcher('deposited') as { gated?: boolean }).gated).toBeUndefined();
  });
});
