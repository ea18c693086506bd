import { afterEach, describe, expect, it, vi } from 'vitest';
import { growthPooled } from '../../bench/model-checks';
import type { Corpus } from '../../bench/corpora';
import type { Matcher } from '../../src/lib/matcher/match';
import type { MatchOutcome } from '../../src/lib/matcher/types';

/** A matcher that answers each text with the given `match`es. */
const answering = (answers: Record<string, string[]>): Matcher => ({
  match: (text: unknown) =>
    ({
      results: (answers[String(text)] ?? []).map((slug) => ({ slug, verdict: 'match', confidence: 0.9 })),
    }) as unknown as MatchOutcome,
});

const corpus = (name: string, training: boolean): Corpus => ({
  name,
  single: [{ text: `${name} pasted`, expect: 'real-page', kind: 'bare' }],
  ambiguous: [],
  unrelated: [
    { text: `${name} near-miss`, expect: null, kind: 'near-miss' },
    { text: `${name} other system`, expect: null, kind: 'other' },
  ],
  multi: [],
  showMisses: !training,
  training,
});

afterEach(() => vi.restoreAllMocks());

describe('the bench growth table', () => {
  it('pools the blind halves only, and counts a `match` for an original page apart from one for synthetic pages only', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const real = answering({ 'x B pasted': ['real-page'] });
    const grown = answering({
      'x B pasted': ['real-page'],
      'x B near-miss': ['real-page', 'synthetic-1'],
      'x B other system': ['synthetic-2'],
      // A read half's paste: never pooled.
      'x A near-miss': ['real-page'],
    });
    growthPooled([corpus('x A', true), corpus('x B', false)], real, new Set(['real-page']), [
      { pages: 2200, matcher: grown },
    ]);
    const table = lines.join('\n');
    expect(table).toContain('| pasted messages: confident & correct | 100.0% (1) | 100.0% (1) |');
    expect(table).toContain('| unrelated: a `match` for an original page | 0.0% (0) | 50.0% (1) |');
    expect(table).toContain('| unrelated: a `match` for synthetic pages only | 0.0% (0) | 50.0% (1) |');
  });
});
