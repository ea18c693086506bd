/**
 * The sentences of the filter on /errors/ (src/client/error-filter.ts), apart from text.ts so that
 * the list's script bundles none of the troubleshooter's. Imported as `* as TEXT`, like text.ts.
 */
import { groupDigits } from '../lib/digits';

export const filter = {
  shown: (n: number, total: number) => `Showing ${groupDigits(n)} of ${groupDigits(total)} errors.`,
  none: 'No error in the list has all these words. Try fewer words, or paste the whole message into the troubleshooter.',
} as const;
