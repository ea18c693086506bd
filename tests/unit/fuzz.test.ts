/**
 * Random strings full of lone surrogates, emoji and markup through every pure path a paste takes:
 * cutting, link building, the matcher, marking, tailoring, tickets and triage. Nothing may throw,
 * and every link must decode again. Seeded, so a failure names a seed that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { clip, cut, encodeText, wellFormed } from '../../src/lib/cut';
import { errorHref, readMessage, shortenForLink, troubleshooterHref } from '../../src/lib/links';
import { markMessage } from '../../src/lib/matcher/mark';
import { compilePattern } from '../../src/lib/matcher/pattern';
import { matcherFromContent } from '../../src/lib/node/matcher-from-content';
import { tailor } from '../../src/lib/tailor';
import { notFoundText } from '../../src/lib/support-request';
import { random } from '../random';
import { ticketText } from '../../src/lib/ticket';
import { triageRows } from '../../src/lib/triage';
import { triageCsv, triageMarkdown } from '../../src/lib/triage-export';

const { matcher, entries } = matcherFromContent();
const sources = entries.flatMap((e) => e.data.patterns.map((p) => compilePattern(p).source));

const PIECES = [
  '\ud83d',
  '\ude00',
  '😀',
  '👨‍👩‍👧',
  '\udfff\ud800',
  'QBO Class "',
  '" was not found for Business Unit "',
  'Txn Date=03/14/2026 is before book closing date=03/31/2026',
  "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
  '{"Fault":{"Error":[{"Message":"x\\ud83d","Detail":"The name supplied already exists. : a\\udc00","code":"6240"}]}}',
  '<Detail>&#xD83D;&#xDC00;</Detail>',
  '[{"AccountNumber":"1\ud83d","AccountName":"',
  ' ',
  '\n',
  '"',
  '%',
  '#m=',
  '![x](http://example.test/p.png)',
];

function fuzzString(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++)
    s +=
      rand() < 0.5
        ? PIECES[Math.floor(rand() * PIECES.length)]!
        : String.fromCharCode(Math.floor(rand() * 0x10000));
  return s;
}

const hasLoneSurrogate = (s: string) => !s.isWellFormed();
/** Every string in a value (an outcome), keys and all. */
const allStrings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => [k, ...allStrings(x)])
      : [];

describe('the matcher returns no lone surrogate, wherever it cuts', () => {
  const emoji = '\u{1F600}';
  it.each([
    // The emoji straddles where an occurrence (500 characters) or an unmatched line (200) is cut.
    [
      'a matching line over 500 characters',
      `${"Deposit total 1.00 doesn't match sum of payments 2.00. ".padEnd(498, 'z')}${emoji} tail`,
    ],
    ['an unmatched line', `${'q'.repeat(198)}${emoji} nothing known here`],
    [
      'a JSON fault body',
      '{"Fault":{"Error":[{"Message":"Bad \\ud83d thing","Detail":"x \\ud83d","code":"610"}]}}',
    ],
    [
      'an XML fault body',
      '<Fault><Error code="610"><Message>Bad &#xD83D; thing</Message><Detail>x</Detail></Error></Fault>',
    ],
  ])('%s', (_kind, text) => {
    const bad = allStrings(matcher.match(text)).filter(hasLoneSurrogate);
    expect(bad).toEqual([]);
  });
});

describe.each(Array.from({ length: 12 }, (_, i) => i + 1))('seed %i', (seed) => {
  const rand = random(seed);
  const strings = Array.from({ length: 25 }, () => fuzzString(rand, Math.floor(rand() * 400)));

  it('cut, clip and encodeText never split a character or throw', () => {
    for (const s of strings) {
      for (const max of [0, 1, 2, 199, 200, 499, 500, 2000]) {
        const c = cut(s, max);
        expect(c.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(c)).toBe(true);
        // A cut adds no lone surrogate of its own.
        if (!hasLoneSurrogate(s)) expect(hasLoneSurrogate(c)).toBe(false);
        expect(clip(s, Math.max(1, max)).length).toBeLessThanOrEqual(Math.max(1, max));
        expect(() => decodeURIComponent(encodeText(s, max))).not.toThrow();
      }
      expect(decodeURIComponent(encodeText(s))).toBe(wellFormed(s));
    }
  });

  it('links: built, read back, never throwing', () => {
    for (const s of strings) {
      const short = shortenForLink(s);
      const href = errorHref('/', 'class-not-found', short);
      const back = readMessage({ search: '', hash: href.slice(href.indexOf('#')) });
      expect(back).toBe(wellFormed(short));
      expect(() => troubleshooterHref('/', s)).not.toThrow();
      expect(() => readMessage({ search: `?q=${s}`, hash: `#m=${s}` })).not.toThrow();
    }
  });

  it('the matcher, marking, tailoring, tickets and triage take any string', () => {
    for (const s of strings) {
      const outcome = matcher.match(s);
      expect(allStrings(outcome).filter(hasLoneSurrogate)).toEqual([]);
      for (const r of outcome.results) {
        expect(() => errorHref('/', r.slug, r.occurrences[0]?.text ?? s)).not.toThrow();
        const notes = tailor(
          r.values,
          r.occurrences.map((o) => o.values),
        );
        const t = ticketText({
          title: r.title,
          url: errorHref('http://x.test/', r.slug),
          message: r.occurrences[0]?.text ?? s,
          values: r.values,
          verdict: r.verdict,
          steps: ['Fix it.'],
          notes: notes.map((n) => ({ text: n.text, step: 1 })),
        });
        expect(typeof t).toBe('string');
      }
      const rows = triageRows(outcome, (slug) => errorHref('http://x.test/', slug));
      expect(typeof triageMarkdown(rows, outcome.unmatched)).toBe('string');
      expect(typeof triageCsv(rows, outcome.unmatched)).toBe('string');
      expect(typeof notFoundText(shortenForLink(s), 'http://x.test/')).toBe('string');
      const { values } = markMessage(s, sources);
      expect(() => tailor(values)).not.toThrow();
    }
  });
});
