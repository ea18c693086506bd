/** A matcher with both stages, for callers that have Fuse.js at hand (Node, tests, the build). */
import Fuse from 'fuse.js';
import { buildIndex, type BuiltIndex, type IndexSource } from './build-index';
import { createFuzzy } from './fuzzy';
import { createMatcher, type Matcher, type Trace } from './match';

/** Both stages over an index already built (the build's, the content check's, the bench's). */
export const matcherOfIndex = (index: BuiltIndex, trace?: Trace): Matcher =>
  createMatcher(index.core, createFuzzy(Fuse, index.fuzzy, index.core.pages.length), trace);

export const fullMatcher = (sources: readonly IndexSource[]): Matcher => matcherOfIndex(buildIndex(sources));
