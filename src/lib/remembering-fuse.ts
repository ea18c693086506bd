/**
 * Fuse.js that remembers its searches, for the content check (content-check.ts): the fuzzy stage
 * builds a Fuse over a few candidate pages for each line it scores (matcher/fuzzy.ts), and the
 * check's texts of one page often ask the same question of the same pages (at 2,200 pages, 920 of
 * 3,295 searches), which a search answers the same way each time.
 */
import Fuse, { type FuseIndex, type FuseResult, type FuseSearchOptions, type IFuseOptions } from 'fuse.js';

/** Searches remembered at most: those of one page's texts are asked together. */
const REMEMBERED = 500;

/**
 * A Fuse class (for createFuzzy) whose instances share what they found: a search is a pure
 * function of the documents, the options, the prebuilt index and the query, so its results are
 * kept under all four, written out as JSON, and handed again (on this instance's own documents)
 * to a search that has the same. The oldest is dropped past REMEMBERED.
 */
export function rememberingFuse(): typeof Fuse {
  const found = new Map<string, FuseResult<unknown>[]>();
  return class RememberingFuse<T> extends Fuse<T> {
    readonly #docs: readonly T[];
    /** Everything but the query that a search reads, as it was when this instance was made. */
    readonly #input: string;

    constructor(docs: readonly T[], options?: IFuseOptions<T>, index?: FuseIndex<T>) {
      super(docs, options, index);
      this.#docs = docs;
      this.#input = JSON.stringify([docs, options, index?.toJSON()]);
    }

    override search(query: Parameters<Fuse<T>['search']>[0], options?: FuseSearchOptions): FuseResult<T>[] {
      const key = `${JSON.stringify([query, options])}\u0000${this.#input}`;
      const known = found.get(key);
      if (known) return known.map((r) => ({ ...r, item: this.#docs[r.refIndex]! }));
      const results = super.search(query, options);
      if (found.size >= REMEMBERED) found.delete(found.keys().next().value!);
      found.set(key, results);
      return results;
    }
  };
}
