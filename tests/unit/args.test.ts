import { describe, expect, it } from 'vitest';
import { optionList, optionValue, positional } from '../../scripts/args';

describe('the scripts’ command line', () => {
  const args = ['abc123', '--every', '5', '--leave', 'scroll A, leaf A,'];
  it('reads an option’s value, or says it is not given', () => {
    expect(optionValue(args, '--every')).toBe('5');
    expect(optionValue(['--every'], '--every')).toBe('');
    expect(optionValue(args, '--fit-also')).toBeUndefined();
  });
  it('reads a list of names, trimmed, empty ones left out', () => {
    expect(optionList(args, '--leave')).toEqual(['scroll A', 'leaf A']);
    expect(optionList(args, '--fit-also')).toEqual([]);
  });
  it('takes the ref wherever it stands, never an option’s value', () => {
    expect(positional(args, ['--every', '--leave'], 'main')).toBe('abc123');
    expect(positional(['--every', '5'], ['--every'], 'main')).toBe('main');
    expect(positional(['--every', '5', 'HEAD~1'], ['--every'], 'main')).toBe('HEAD~1');
  });
});
