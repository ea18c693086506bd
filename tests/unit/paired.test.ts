import { describe, expect, it } from 'vitest';
import { pairedArgs, signTest } from '../../bench/paired';

describe('bench:paired sign test', () => {
  it('is 1 when neither side alone is right more often', () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(5, 5)).toBe(1);
  });
  it('is the exact two-sided binomial tail', () => {
    // 8 of 27 or fewer at even odds: 2 × 0.026119… (session 40's installed model against a refit).
    expect(signTest(19, 8)).toBeCloseTo(0.05224, 4);
    expect(signTest(8, 19)).toBeCloseTo(0.05224, 4);
    expect(signTest(0, 10)).toBeCloseTo(2 / 1024, 6);
  });
});

describe('bench:paired command line', () => {
  it('takes the ref, and the halves --halves names, in either order', () => {
    expect(pairedArgs([])).toEqual({ ref: 'main', halves: [] });
    expect(pairedArgs(['abc123'])).toEqual({ ref: 'abc123', halves: [] });
    expect(pairedArgs(['abc123', '--halves', 'quarto A, quarto B'])).toEqual({
      ref: 'abc123',
      halves: ['quarto A', 'quarto B'],
    });
    expect(pairedArgs(['--halves', 'tablet B', 'abc123'])).toEqual({ ref: 'abc123', halves: ['tablet B'] });
  });
  it('says so when --halves names none', () => {
    expect(() => pairedArgs(['abc123', '--halves'])).toThrow(/--halves takes a list/);
    expect(() => pairedArgs(['--halves', ' , '])).toThrow(/--halves takes a list/);
  });
});
