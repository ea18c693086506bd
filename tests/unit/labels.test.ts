import { describe, expect, it } from 'vitest';
import { relabelCounts } from '../../bench/labels';

describe('the corpora follow the standing labelling rules', () => {
  // Counts only: a case is never printed (B halves are for figures only).
  it.each(relabelCounts().map((r) => [r.folder, r]))(
    '%s: no own-words case quotes QuickBooks (npm run relabel)',
    (_folder, { a, b }) => {
      expect({ a, b }).toEqual({ a: 0, b: 0 });
    },
  );
});
