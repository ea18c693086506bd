/** Node-only: a matcher built straight from content/errors (CLI, bench, unit tests). */
import { buildIndex, indexSource } from '../matcher/build-index';
import { matcherOfIndex } from '../matcher/full';
import { unpackGroups, type Group } from '../matcher/groups';
import type { Matcher } from '../matcher/match';
import { loadErrors, type NodeErrorEntry } from './load-content';

/** The matcher and the near-duplicate groups, both read from one index, as the worker reads them. */
export function matcherFromContent(): { matcher: Matcher; entries: NodeErrorEntry[]; groups: Group[] } {
  const entries = loadErrors();
  const index = buildIndex(entries.map(indexSource));
  return { matcher: matcherOfIndex(index), entries, groups: unpackGroups(index.core) };
}
