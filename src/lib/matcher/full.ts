/** A matcher with both stages, for callers that have Fuse.js at hand (Node, tests, the build). */
import Fuse from 'fuse.js';
import { buildIndex, type IndexSource } from './build-index';
import { createFuzzy } from './fuzzy';
import { createMatcher, type Matcher } from './match';

export function fullMatcher(sources: readonly IndexSource[]): Matcher {
  const { core, fuzzy } = buildIndex(sources);
  return createMatcher(core, createFuzzy(Fuse, fuzzy, core.pages.length));
}
