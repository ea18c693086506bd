/**
 * Batch triage: one row per distinct error in a multi-line paste (a near-duplicate group is one row
 * naming its pages), with its count, the lines it is on (with the record each line names, such as
 * JE-10422) and the values seen, plus the lines that matched nothing. Copied as Markdown or downloaded as CSV (lib/triage-export.ts, loaded when asked
 * for). Pure.
 */
import { labelFor } from './labels';
import { readableValue, valuesSeen } from './values';
import { shownItems, type GroupedOutcome } from './matcher/groups';
import type { MatchOutcome, MatchResult, Occurrence, Verdict } from './matcher/types';

export interface TriagePage {
  slug: string;
  title: string;
  /** Absolute or site-relative link to the fix. */
  url: string;
}

export interface TriageRow {
  /** The error's page; several when the row is a near-duplicate group ("one of these"). */
  pages: TriagePage[];
  /** The group's id, when the row is one (src/lib/matcher/groups.ts). */
  group?: string;
  verdict: Verdict;
  count: number;
  /** Where it occurs: "line 3 (JE-10422)", in paste order; "…" last when there were more. */
  lines: string[];
  /** Distinct values seen, by placeholder name, in paste order. */
  values: Record<string, string[]>;
}

const MAX_VALUES = 20;

/** One row per error shown: a result, or a group of results (their lines and values together). */
export function triageRows(
  outcome: MatchOutcome | GroupedOutcome,
  urlFor: (slug: string) => string,
): TriageRow[] {
  const items = shownItems('groups' in outcome ? outcome : { ...outcome, groups: [] });
  return items.map((item) => {
    const results = item.kind === 'group' ? item.results : [item.result];
    const occurrences = mergeOccurrences(results);
    const count = Math.max(occurrences.length, ...results.map((r) => r.count));
    return {
      pages: results.map((r) => ({ slug: r.slug, title: r.title, url: urlFor(r.slug) })),
      ...(item.kind === 'group' ? { group: item.group.id } : {}),
      verdict: item.kind === 'group' ? 'possible' : item.result.verdict,
      count,
      lines: [
        ...occurrences.map((o) => {
          const ref = recordRef(o.text);
          return `line ${o.line}${ref ? ` (${ref})` : ''}`;
        }),
        ...(count > occurrences.length ? ['…'] : []),
      ],
      values: valuesSeen(
        occurrences.map((o) => o.values),
        MAX_VALUES,
      ),
    };
  });
}

/** The occurrences of one or more results, one per line, in paste order. */
function mergeOccurrences(results: readonly MatchResult[]): Occurrence[] {
  if (results.length === 1) return results[0]!.occurrences;
  const byLine = new Map<number, Occurrence>();
  for (const r of results) for (const o of r.occurrences) if (!byLine.has(o.line)) byLine.set(o.line, o);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** A row's error in words: its page's title, or a group's titles ("A or B"). */
export const rowTitle = (row: TriageRow): string => row.pages.map((p) => p.title).join(' or ');

/** After a row's title, on screen and in the Markdown: how sure, and for a group that it is one of its pages. */
export const rowNote = (row: TriageRow): string =>
  row.pages.length > 1
    ? ` (possible: one of these ${row.pages.length})`
    : row.verdict === 'possible'
      ? ' (possible)'
      : '';

/**
 * The record a log line names, to tell lines apart: an id such as JE-10422 or INV-2044 (letters,
 * a hyphen, digits), else one of the four transactions the platform exports named with its number
 * (`Invoice 1043`, `Payment #5521`), else a `#1234` number. Never a date.
 */
export function recordRef(line: string): string | undefined {
  return (
    /\b[A-Z][A-Z0-9]{0,9}-\d{2,}\b/.exec(line)?.[0] ??
    /\b(?:invoice|payment|deposit|journal entry) ?#? ?\d{2,}\b/i.exec(line)?.[0] ??
    /#\d{2,}\b/.exec(line)?.[0]
  );
}

/** What a triage cell shows when it has nothing (no values seen, no lines): the table, its Markdown and the page agree. */
export const EMPTY_CELL = '—';

export function valuesSummary(values: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(values)
    .map(([k, vs]) => `${labelFor(k)}: ${vs.map(readableValue).join(', ')}`)
    .join('; ');
}
