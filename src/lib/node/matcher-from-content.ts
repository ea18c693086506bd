/** Node-only: a matcher built straight from content/errors (CLI, bench, unit tests). */
import { fullMatcher } from '../matcher/full';
import { collectGroups, type Group } from '../matcher/groups';
import type { Matcher } from '../matcher/match';
import { loadErrors, type NodeErrorEntry } from './load-content';

export function matcherFromContent(): { matcher: Matcher; entries: NodeErrorEntry[]; groups: Group[] } {
  const entries = loadErrors();
  return {
    matcher: fullMatcher(entries.map((e) => ({ slug: e.id, ...e.data }))),
    entries,
    groups: collectGroups(entries.map((e) => ({ slug: e.id, group: e.data.group }))),
  };
}
