/**
 * Batch triage: one row per distinct error in a multi-line paste, with its count, the lines it is
 * on (with the record each line names, such as JE-10422) and the values seen, plus the lines that
 * matched nothing. Copied as Markdown or downloaded as CSV (lib/triage-export.ts, loaded when asked
 * for). Pure.
 */
import { labelFor } from './labels';
import { readableValue, valuesSeen } from './values';
import type { MatchOutcome, Verdict } from './matcher/types';

export interface TriageRow {
  slug: string;
  title: string;
  verdict: Verdict;
  count: number;
  /** Where it occurs: "line 3 (JE-10422)", in paste order; "…" last when there were more. */
  lines: string[];
  /** Distinct values seen, by placeholder name, in paste order. */
  values: Record<string, string[]>;
  /** Absolute or site-relative link to the fix. */
  url: string;
}

const MAX_VALUES = 20;

export function triageRows(outcome: MatchOutcome, urlFor: (slug: string) => string): TriageRow[] {
  return outcome.results.map((r) => ({
    slug: r.slug,
    title: r.title,
    verdict: r.verdict,
    count: r.count,
    lines: [
      ...r.occurrences.map((o) => {
        const ref = recordRef(o.text);
        return `line ${o.line}${ref ? ` (${ref})` : ''}`;
      }),
      ...(r.count > r.occurrences.length ? ['…'] : []),
    ],
    values: valuesSeen(
      r.occurrences.map((o) => o.values),
      MAX_VALUES,
    ),
    url: urlFor(r.slug),
  }));
}

/**
 * The record a log line names, to tell lines apart: an id such as JE-10422 or INV-2044 (letters,
 * a hyphen, digits), else a `#1234` number. Never a date.
 */
export function recordRef(line: string): string | undefined {
  return /\b[A-Z][A-Z0-9]{0,9}-\d{2,}\b/.exec(line)?.[0] ?? /#\d{2,}\b/.exec(line)?.[0];
}

export function valuesSummary(values: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(values)
    .map(([k, vs]) => `${labelFor(k)}: ${vs.map(readableValue).join(', ')}`)
    .join('; ');
}
