/** Node-only: a matcher built straight from content/errors (CLI, bench, unit tests). */
import { buildIndex, indexSource } from '../matcher/build-index';
import { matcherOfIndex } from '../matcher/full';
import { unpackGroups, type Group } from '../matcher/groups';
import type { Matcher, Trace } from '../matcher/match';
import { loadErrors, type NodeErrorEntry } from './load-content';

/**
 * The matcher and the near-duplicate groups, both read from one index, as the worker reads them;
 * `trace` watches the model's decisions (`--explain`).
 */
export function matcherFromContent(trace?: Trace): {
  matcher: Matcher;
  entries: NodeErrorEntry[];
  groups: Group[];
  slugs: string[];
} {
  const entries = loadErrors();
  const index = buildIndex(entries.map(indexSource));
  return {
    matcher: matcherOfIndex(index, trace),
    entries,
    groups: unpackGroups(index.core),
    slugs: index.core.pages.map(([s]) => s),
  };
}
