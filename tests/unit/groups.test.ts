/**
 * Near-duplicate groups (src/lib/matcher/groups.ts): a pure post-step on the real matcher's
 * outcome. Pastes that cannot tell two pages apart form one group with its question; a `match`
 * keeps its pages apart; the results themselves never change.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, indexSource } from '../../src/lib/matcher/build-index';
import {
  collectGroups,
  groupOutcome,
  groupResults,
  shownItems,
  unpackGroups,
} from '../../src/lib/matcher/groups';
import { matcherFromContent } from '../../src/lib/node/matcher-from-content';
import { recordRef, triageRows } from '../../src/lib/triage';
import { triageCsv, triageMarkdown } from '../../src/lib/triage-export';

const { matcher, entries, groups } = matcherFromContent();

const FAULT_6240 =
  '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"Duplicate Name Exists Error : The name supplied already exists. ","code":"6240"}],"type":"ValidationFault"}}';

describe('the content defines the three near-duplicate pairs', () => {
  it('duplicate-name, closed-period and object-not-found, each with its question and an answer per page', () => {
    expect(groups.map((g) => [g.id, g.members.map((m) => m.slug)])).toEqual([
      ['duplicate-name', ['account-name-already-exists', 'name-already-exists']],
      ['closed-period', ['account-period-closed', 'txn-date-before-closing-date']],
      ['object-not-found', ['object-not-found-deleted', 'object-not-found-inactive']],
    ]);
    for (const g of groups) {
      expect(g.question).toMatch(/\?$/);
      for (const m of g.members) expect(m.answer.length).toBeGreaterThan(1);
    }
  });
});

describe.each([
  ['a bare "Account Period Closed"', 'Account Period Closed', 'closed-period'],
  ['a bare QBO 6240 fault body', FAULT_6240, 'duplicate-name'],
  [
    '"The name supplied already exists. : null" without its wrapper',
    'The name supplied already exists. : null',
    'duplicate-name',
  ],
  ['a message cut before its distinctive part', 'The account period has closed', 'closed-period'],
  ['a bare "Object Not Found"', 'Object Not Found', 'object-not-found'],
  ['a bare QBO 610', 'QuickBooks Error 610', 'object-not-found'],
])('%s: one group', (_name, paste, id) => {
  const outcome = matcher.match(paste);
  const grouped = groupOutcome(outcome, groups);

  it('the matcher could not tell the pages apart: every member is a `possible`', () => {
    const members = groups.find((g) => g.id === id)!.members.map((m) => m.slug);
    const found = outcome.results.filter((r) => members.includes(r.slug));
    expect(found).toHaveLength(members.length);
    for (const r of found) expect(r.verdict).toBe('possible');
  });

  it('is shown as one group, with its question and both answers', () => {
    expect(grouped.groups).toHaveLength(1);
    const g = grouped.groups[0]!;
    expect(g.id).toBe(id);
    expect(g.question).toBe(groups.find((x) => x.id === id)!.question);
    expect(g.members).toHaveLength(2);
  });

  it('leaves the results, their verdicts and confidences as they were', () => {
    expect(grouped.results).toEqual(matcher.match(paste).results);
  });

  it('is shown in place of its first member, once', () => {
    const items = shownItems(grouped);
    expect(items.filter((i) => i.kind === 'group')).toHaveLength(1);
    expect(items).toHaveLength(outcome.results.length - 1);
    const at = items.findIndex((i) => i.kind === 'group');
    const first = Math.min(
      ...grouped.groups[0]!.members.map((m) => outcome.results.findIndex((r) => r.slug === m.slug)),
    );
    expect(at).toBe(first);
  });
});

describe.each([
  [
    'the full message of one page',
    'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026',
  ],
  [
    'the wrapper that tells the duplicate-name pages apart',
    'Validation Exception was thrown.Details:The name supplied already exists. : null.',
  ],
  [
    'a report where one line is a match and another a bare title of its group',
    'JE-1 BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026\nJE-2 Account Period Closed',
  ],
  ['an unrelated paste', 'Please call me back about my invoice'],
])('%s: no group', (_name, paste) => {
  it('keeps every result a plain result', () => {
    const outcome = matcher.match(paste);
    expect(groupResults(outcome.results, groups)).toEqual([]);
    const grouped = groupOutcome(outcome, groups);
    expect(shownItems(grouped).every((i) => i.kind === 'result')).toBe(true);
  });
});

describe('the groups travel in the match index', () => {
  const sources = entries.map(indexSource);
  const { core } = buildIndex(sources);

  it('round-trips: packed by the build, unpacked by the worker, the same groups', () => {
    expect(unpackGroups(core)).toEqual(groups);
  });

  it('costs a few hundred bytes a group at most', () => {
    expect(JSON.stringify(core.groups).length).toBeLessThan(300 * core.groups.length);
  });
});

describe('collectGroups leaves out half a group (unchecked pages, e.g. the bench’s synthetic ones)', () => {
  it.each([
    ['one member', [{ slug: 'a', group: { id: 'g', question: 'A or B?', answer: 'A' } }]],
    [
      'no question',
      [
        { slug: 'a', group: { id: 'g', answer: 'A' } },
        { slug: 'b', group: { id: 'g', answer: 'B' } },
      ],
    ],
  ])('%s', (_name, sources) => {
    expect(collectGroups(sources)).toEqual([]);
  });

  it('keeps members in slug order, whichever page says the question', () => {
    expect(
      collectGroups([
        { slug: 'b', group: { id: 'g', answer: 'B' } },
        { slug: 'a', group: { id: 'g', question: 'A or B?', answer: 'A' } },
      ]),
    ).toEqual([
      {
        id: 'g',
        question: 'A or B?',
        members: [
          { slug: 'a', answer: 'A' },
          { slug: 'b', answer: 'B' },
        ],
      },
    ]);
  });
});

describe('a multi-line paste with two groups: the triage names each group’s pages', () => {
  const paste = 'Account Period Closed\nThe name supplied already exists. : null';
  const outcome = groupOutcome(matcher.match(paste), groups);
  const rows = triageRows(outcome, (slug) => `http://help.test/errors/${slug}/`);

  // Rows come in the order of the results (by confidence); the two groups' are close, so either first.
  const byLine = [...rows].sort((a, b) => a.lines[0]!.localeCompare(b.lines[0]!));

  it('one row per group, both pages named, possible', () => {
    expect(byLine.map((r) => [r.group, r.pages.map((p) => p.slug), r.verdict])).toEqual([
      ['closed-period', ['account-period-closed', 'txn-date-before-closing-date'], 'possible'],
      ['duplicate-name', ['account-name-already-exists', 'name-already-exists'], 'possible'],
    ]);
    expect(byLine.map((r) => r.lines)).toEqual([['line 1'], ['line 2']]);
  });

  it('Markdown and CSV give both titles and both links', () => {
    const md = triageMarkdown(rows, outcome.unmatched);
    expect(md).toContain(
      '| The QuickBooks closing date blocks updates through the API or Transaction date is before the QuickBooks closing date (possible: one of these 2) | 1 | line 1 | — | http://help.test/errors/account-period-closed/ or http://help.test/errors/txn-date-before-closing-date/ |',
    );
    const csv = triageCsv(rows, outcome.unmatched).split('\r\n');
    expect(csv).toContain(
      '"Special characters in account names cause a duplicate-name error or Customer, vendor or location name already exists in QuickBooks","account-name-already-exists or name-already-exists","possible","1","line 2","","http://help.test/errors/account-name-already-exists/ or http://help.test/errors/name-already-exists/"',
    );
  });
});

describe('the record a report line names, in the triage', () => {
  it.each([
    ['JE-10422: The account period has closed.', 'JE-10422'],
    ['Invoice 1043: Error: Deposit total 1,250.00 doesn’t match', 'Invoice 1043'],
    ['payment #5521 failed: Stale Object Error', 'payment #5521'],
    ['Journal Entry 88: Duplicate Document Number Error', 'Journal Entry 88'],
    ['Ticket #4471: Stale Object Error', '#4471'],
    // A message's own numbers are no record.
    ['Related invoice ID=48213 is not synchronized yet.', undefined],
    ['Deposit total 1,250.00 doesn’t match sum of payments 1,175.50.', undefined],
  ])('%s → %s', (line, ref) => expect(recordRef(line)).toBe(ref));
});
