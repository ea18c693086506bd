/**
 * Fuse.js's token search, with the answers its Bitap search would give worked out first where that
 * is cheap (fuzzy.ts builds a Fuse over a paste's candidate pages for each segment it scores).
 *
 * Token search runs one Bitap search per word of the query and field of each record: a pass over
 * the field's text for each typing error it allows (up to `threshold` × the word's length), and most
 * of the fuzzy stage's time goes there. Most of those searches have an answer known in advance:
 * - the text holds the word as it is: a match with no error (Bitap's score 0.001);
 * - the text holds none of the k + 1 pieces the word splits into, k being the most errors the
 *   threshold allows: no match. A copy with at most k errors (letters changed, left out or added)
 *   leaves at least one piece untouched, which the text would then hold.
 *
 * Only the other searches reach Bitap. Token search reads a result's score only when it is a match,
 * so the results, and every score Fuse gives, are the same. If a release of Fuse.js holds its word
 * searches otherwise, every search reaches Bitap as before.
 */
import type FuseType from 'fuse.js';

/** A word's search as Fuse's token search holds it (one per word of the query). */
interface WordSearch {
  pattern: string;
  searchIn(text: string): { isMatch: boolean; score: number };
}

/** Bitap's result for a text that holds the word as it is (its score is never below 0.001). */
const HELD = Object.freeze({ isMatch: true, score: 0.001 });
const MISSED = Object.freeze({ isMatch: false, score: 1 });

/** Bitap searches a word longer than this in chunks, which these answers do not model. */
const BITAP_BITS = 32;

/** The most errors Bitap accepts in a word of `length` letters: its score is errors ÷ length. */
export function errorsAllowed(length: number, threshold: number): number {
  let k = 0;
  while ((k + 1) / length <= threshold) k += 1;
  return k;
}

/**
 * One word's search, answered without Bitap where the text decides it (the word and texts are
 * compared in lower case, as Fuse compares them when it is not case-sensitive).
 */
export function gatedSearch(search: WordSearch, threshold: number): WordSearch {
  const word = search.pattern;
  if (word.length > BITAP_BITS || word.length === 0) return search;
  const k = errorsAllowed(word.length, threshold);
  const pieces = Array.from({ length: k + 1 }, (_, i) =>
    word.slice(Math.floor((i * word.length) / (k + 1)), Math.floor(((i + 1) * word.length) / (k + 1))),
  );
  return {
    pattern: word,
    searchIn(text) {
      const lower = text.toLowerCase();
      // A text that is the word itself: Bitap's own first answer (score 0).
      if (lower === word) return search.searchIn(text);
      if (lower.includes(word)) return HELD;
      if (!pieces.some((piece) => lower.includes(piece))) return MISSED;
      return search.searchIn(text);
    },
  };
}

/**
 * A Fuse class whose token searches answer through `gatedSearch`, at the threshold of the
 * instance's own options. It steps aside (every search reaches Bitap) where those options make
 * Bitap answer otherwise than `gatedSearch` assumes: case-sensitive, diacritics folded, matched
 * indices wanted, or a minimum match length above one.
 */
export function gatedFuse(Fuse: typeof FuseType): typeof FuseType {
  return class GatedFuse<T> extends Fuse<T> {
    override _getSearcher(query: string) {
      const searcher = super._getSearcher(query) as ReturnType<FuseType<T>['_getSearcher']> & {
        termSearchers?: unknown;
        gated?: true;
      };
      const words = searcher.termSearchers;
      const o = this.options;
      if (
        searcher.gated ||
        o.isCaseSensitive ||
        o.ignoreDiacritics ||
        o.includeMatches ||
        o.minMatchCharLength > 1 ||
        !Array.isArray(words) ||
        !words.every(isWordSearch)
      )
        return searcher;
      searcher.termSearchers = words.map((w) => gatedSearch(w, o.threshold));
      searcher.gated = true;
      return searcher;
    }
  };
}

function isWordSearch(x: unknown): x is WordSearch {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as WordSearch).pattern === 'string' &&
    typeof (x as WordSearch).searchIn === 'function'
  );
}
