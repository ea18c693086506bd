/**
 * Build-time check of the near-duplicate groups (the `group` field of the error pages; see
 * src/lib/matcher/groups.ts): every group has two or more pages, its question said on exactly one
 * of them, and an answer of its own on each. Membership is on the member pages themselves, so no
 * list of slugs can name a page that does not exist; a misspelt id makes a group of one, reported.
 * Pure, in the style of content-check.ts (which calls it).
 */
import type { Problem } from './content-check';
import type { GroupSource } from './matcher/groups';

export interface GroupEntryInput {
  /** Slug. */
  id: string;
  /** Path of the file, as shown in error messages. */
  file: string;
  data: { group?: GroupSource['group'] };
}

const quote = (s: string) => `“${s}”`;

export function checkGroups(entries: readonly GroupEntryInput[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, GroupEntryInput[]>();
  for (const e of entries)
    if (e.data.group) byId.set(e.data.group.id, [...(byId.get(e.data.group.id) ?? []), e]);

  for (const [id, members] of byId) {
    const files = members.map((m) => m.file).join(', ');
    if (members.length < 2)
      problems.push({
        file: members[0]!.file,
        field: 'group.id',
        message: `group "${id}" has this page only: a group is two or more pages with the same id (is the id misspelt?)`,
      });

    const asking = members.filter((m) => m.data.group?.question !== undefined);
    const first = asking[0];
    if (!first)
      problems.push({
        file: members[0]!.file,
        field: 'group.question',
        message: `group "${id}" has no question: say the question that tells its pages apart on one of them (${files})`,
      });
    for (const m of asking.slice(1)) {
      const q = m.data.group!.question!;
      const q0 = first!.data.group!.question!;
      problems.push({
        file: m.file,
        field: 'group.question',
        message:
          q === q0
            ? `group "${id}" already has this question in ${first!.file}: say it on one page only`
            : `${quote(q)} disagrees with group "${id}"'s question in ${first!.file} (${quote(q0)}): a group has one question, said on one page`,
      });
    }

    const answered = new Map<string, string>();
    for (const m of members) {
      const answer = m.data.group!.answer.trim();
      if (!answer) {
        problems.push({
          file: m.file,
          field: 'group.answer',
          message: `group "${id}" needs this page's answer to its question: the words that lead to this page`,
        });
        continue;
      }
      const key = answer.toLowerCase();
      const prev = answered.get(key);
      if (prev)
        problems.push({
          file: m.file,
          field: 'group.answer',
          message: `${quote(answer)} is already the answer of ${prev} in group "${id}": each page needs an answer of its own`,
        });
      else answered.set(key, m.file);
    }
  }
  return problems;
}
