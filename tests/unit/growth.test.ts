import { afterEach, describe, expect, it, vi } from 'vitest';
import { blindAnswers, growthColumn, growthTable, kindsPooled, type Checked } from '../../bench/model-checks';
import { answers, tally } from '../../bench/figures';
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
    const halves = [corpus('x A', true), corpus('x B', false)];
    const original = new Set(['real-page']);
    growthTable(halves, [
      growthColumn(blindAnswers(halves, grown), 2200, original),
      growthColumn(blindAnswers(halves, real), 1, original),
    ]);
    const table = lines.join('\n');
    expect(table).toContain('| pasted messages: confident & correct | 100.0% (1) | 100.0% (1) |');
    expect(table).toContain('| unrelated: a `match` for an original page | 0.0% (0) | 50.0% (1) |');
    expect(table).toContain('| unrelated: a `match` for synthetic pages only | 0.0% (0) | 50.0% (1) |');
  });
});

describe('the bench table by kind of pasted message', () => {
  it('pools the blind halves, leaves own words out, and gives every kind but code-title apart', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const half = (name: string, training: boolean): Corpus => ({
      ...corpus(name, training),
      single: [
        { text: `${name} bare`, expect: 'real-page', kind: 'bare' },
        { text: `${name} relay`, expect: 'real-page', kind: 'code-title' },
        { text: `${name} told`, expect: 'real-page', kind: 'own-words' },
      ],
    });
    // The relay's page comes first as a suggestion; the bare message is a `match`.
    const matcher: Matcher = {
      match: (text: unknown) =>
        ({
          results: String(text).endsWith('bare')
            ? [{ slug: 'real-page', verdict: 'match', confidence: 0.9 }]
            : String(text).endsWith('relay')
              ? [{ slug: 'real-page', verdict: 'possible', confidence: 0.9 }]
              : [],
        }) as unknown as MatchOutcome,
    };
    const halves = [half('x A', true), half('x B', false), half('y B', false)];
    // What the model checks keep of each corpus (modelTables): its answers with the real pages.
    const checked = new Map<string, Checked>(
      halves.map((c) => {
        const real = answers(matcher, c);
        const leftOut = { n: 0, matched: 0, toGeneral: 0, toGroup: 0, outside: 0 };
        return [c.name, { figures: tally(real), leftOut, answers: real }];
      }),
    );
    kindsPooled(halves, checked);
    const table = lines.join('\n');
    expect(table).toContain('| bare | 2 | 100.0% (2) | 100.0% (2) |');
    expect(table).toContain('| code-title | 2 | 0.0% (0) | 100.0% (2) |');
    expect(table).toContain('| every kind | 4 | 50.0% (2) | 100.0% (4) |');
    expect(table).toContain('| every kind but code-title | 2 | 100.0% (2) | 100.0% (2) |');
    expect(table).not.toContain('own-words');
  });
});
