/** A matcher with both stages, for callers that have Fuse.js at hand (Node, tests, the build). */
import Fuse from 'fuse.js';
import { buildIndex, type BuiltIndex, type IndexSource } from './build-index';
import { createFuzzy } from './fuzzy';
import { createMatcher, type Matcher, type Trace } from './match';

/**
 * Both stages over an index already built (the build's, the content check's, the bench's).
 * `fuse` is Fuse.js itself, or a class that answers as it does (the content check's remembers).
 */
export const matcherOfIndex = (index: BuiltIndex, trace?: Trace, fuse: typeof Fuse = Fuse): Matcher =>
  createMatcher(index.core, createFuzzy(fuse, index.fuzzy, index.core.pages.length), trace);

export const fullMatcher = (sources: readonly IndexSource[]): Matcher => matcherOfIndex(buildIndex(sources));
