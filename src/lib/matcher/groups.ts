/**
 * Near-duplicate groups: pages that some pastes cannot tell apart (a bare QBO 6240 fault between the
 * two "name supplied already exists" pages) are one answer with one question. The `group` field of
 * the error pages says which pages form a group, the question that tells them apart and the answer
 * that leads to each page (src/schemas/error.ts; checked by src/lib/group-check.ts).
 *
 * A pure post-step on the matcher's outcome, shared by the worker (the island and the search page),
 * the CLI and the tests: it never changes a result, its verdict or its confidence. When two or more
 * results of one paste belong to one group and none of them is a `match` (the model could not tell
 * them apart), it says they are shown as one group; when one is a `match`, all stay plain results.
 */
import type { MatchIndex, MatchOutcome, MatchResult } from './types';

/** One group: the question and, per member page, the answer that leads to it. */
export interface Group {
  /** The id the member pages share, e.g. "duplicate-name". */
  id: string;
  question: string;
  /** The member pages, in slug order (so the buttons keep their places whatever the paste). */
  members: { slug: string; answer: string }[];
}

/** The outcome with the groups to show: members among its results, each group once. */
export type GroupedOutcome = MatchOutcome & {
  /** Groups of results shown as one card, in the order of their first member in `results`. */
  groups: Group[];
};

/** What the groups are read from: an error page's slug and its frontmatter `group`. */
export interface GroupSource {
  slug: string;
  group?: { id: string; question?: string | undefined; answer: string } | undefined;
}

/**
 * The groups of a collection. The content check fails the build on a group without its question
 * or with one member; here such a group is left out, so a caller with unchecked pages (the bench's
 * synthetic ones) never gets half a group.
 */
export function collectGroups(sources: readonly GroupSource[]): Group[] {
  const byId = new Map<string, { question?: string; members: Group['members'] }>();
  for (const { slug, group } of sources) {
    if (!group) continue;
    const g = byId.get(group.id) ?? { members: [] };
    byId.set(group.id, g);
    if (group.question && g.question === undefined) g.question = group.question;
    g.members.push({ slug, answer: group.answer });
  }
  const groups: Group[] = [];
  for (const [id, g] of byId)
    if (g.question !== undefined && g.members.length > 1)
      groups.push({
        id,
        question: g.question,
        members: [...g.members].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
      });
  return groups;
}

/** The groups in their serialized form, for the match index and its head: [id, question, [slug, answer][]]. */
export function packGroups(groups: readonly Group[]): MatchIndex['groups'] {
  return groups.map((g) => [g.id, g.question, g.members.map((m) => [m.slug, m.answer])]);
}

/** The groups of a match index or its head (the worker reads them from /match-index.json). */
export function unpackGroups(index: Pick<MatchIndex, 'groups'>): Group[] {
  return index.groups.map(([id, question, members]) => ({
    id,
    question,
    members: members.map(([slug, answer]) => ({ slug, answer })),
  }));
}

/** Which groups one paste's results form: members found together, none of them a `match`. */
export function groupResults(results: readonly MatchResult[], groups: readonly Group[]): Group[] {
  const rank = new Map(results.map((r, i) => [r.slug, i]));
  const shown: { at: number; group: Group }[] = [];
  for (const g of groups) {
    const found = g.members.filter((m) => rank.has(m.slug));
    if (found.length < 2) continue;
    if (found.some((m) => results[rank.get(m.slug)!]?.verdict === 'match')) continue;
    shown.push({
      at: Math.min(...found.map((m) => rank.get(m.slug)!)),
      group: { ...g, members: found },
    });
  }
  return shown.sort((a, b) => a.at - b.at).map((s) => s.group);
}

/** The outcome with its groups (the results themselves untouched). */
export const groupOutcome = (outcome: MatchOutcome, groups: readonly Group[]): GroupedOutcome => ({
  ...outcome,
  groups: groupResults(outcome.results, groups),
});

/**
 * The results as they are shown: each result on its own, or a group in place of its first member
 * (its other members are left out where they were).
 */
export function shownItems(
  outcome: GroupedOutcome,
): ({ kind: 'result'; result: MatchResult } | { kind: 'group'; group: Group; results: MatchResult[] })[] {
  const groupOf = new Map(outcome.groups.flatMap((g) => g.members.map((m) => [m.slug, g] as const)));
  const bySlug = new Map(outcome.results.map((r) => [r.slug, r]));
  const done = new Set<Group>();
  const items: ReturnType<typeof shownItems> = [];
  for (const result of outcome.results) {
    const group = groupOf.get(result.slug);
    if (!group) items.push({ kind: 'result', result });
    else if (!done.has(group)) {
      done.add(group);
      items.push({ kind: 'group', group, results: group.members.map((m) => bySlug.get(m.slug)!) });
    }
  }
  return items;
}
