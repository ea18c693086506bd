/** Node-only: a matcher built straight from content/errors (CLI, bench, unit tests). */
import { buildIndex } from '../matcher/build-index';
import { createMatcher, type Matcher } from '../matcher/match';
import type { MatchIndex } from '../matcher/types';
import { loadErrors, type NodeErrorEntry } from './load-content';

export function indexFromEntries(entries: readonly NodeErrorEntry[]): MatchIndex {
  return buildIndex(entries.map((e) => ({ slug: e.id, ...e.data })));
}

export function matcherFromContent(): { matcher: Matcher; entries: NodeErrorEntry[]; index: MatchIndex } {
  const entries = loadErrors();
  const index = indexFromEntries(entries);
  return { matcher: createMatcher(index), entries, index };
}
