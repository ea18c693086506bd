/**
 * The content check's Fuse remembers its searches (src/lib/remembering-fuse.ts): the matcher must
 * answer with it exactly as with Fuse.js itself, traces included.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { buildIndex, indexSource } from '../../src/lib/matcher/build-index';
import { matcherOfIndex } from '../../src/lib/matcher/full';
import type { Trace } from '../../src/lib/matcher/match';
import { messageVariants } from '../../src/lib/matcher/variants';
import { loadErrors } from '../../src/lib/node/load-content';
import { rememberingFuse } from '../../src/lib/remembering-fuse';

describe('rememberingFuse', () => {
  const entries = loadErrors();
  const index = buildIndex(entries.map(indexSource));
  /** A matcher over `fuse` and what it traced for the last text (every candidate it scored). */
  const side = (fuse: typeof Fuse) => {
    let events: unknown[] = [];
    const trace: Trace = {
      exact: (hits, lines) => events.push(['exact', hits, lines]),
      segment: (candidates, lines) => events.push(['segment', candidates, lines]),
    };
    const matcher = matcherOfIndex(index, trace, fuse);
    return (text: string) => {
      events = [];
      return JSON.stringify([matcher.match(text), events]);
    };
  };

  it('answers as Fuse.js does, for every example, variant and message of the real pages, twice over', () => {
    const plain = side(Fuse);
    const remembering = side(rememberingFuse());
    const texts = entries.flatMap((e) => [
      ...e.data.examples.flatMap((x) => [x, ...messageVariants(x).map((v) => v.text)]),
      ...e.data.messages,
    ]);
    const expected = texts.map(plain);
    // The second time round, every search is one it remembers.
    for (let round = 0; round < 2; round++)
      texts.forEach((text, i) => expect(remembering(text), text).toBe(expected[i]));
  });

  it('hands back results on the documents of the instance searched', () => {
    const Remembering = rememberingFuse();
    const options = { keys: ['name'], includeScore: true };
    const first = [{ name: 'closing date' }, { name: 'duplicate name' }];
    const second = first.map((d) => ({ ...d }));
    const a = new Remembering(first, options).search('closing');
    const b = new Remembering(second, options).search('closing');
    expect(b).toEqual(a);
    expect(b[0]!.item).toBe(second[0]);
    expect(new Remembering([{ name: 'other' }], options).search('closing')).toEqual([]);
  });
});
