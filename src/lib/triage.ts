/**
 * Batch triage: one row per distinct error in a multi-line paste, with its count, the lines it is
 * on (with the record each line names, such as JE-10422) and the values seen, plus the lines that
 * matched nothing. Copied as Markdown or downloaded as CSV. Pure.
 */
import { labelFor } from './labels';
import { mdCell } from './markdown';
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

export function triageMarkdown(rows: TriageRow[], unmatched: string[]): string {
  const lines = ['| Error | Count | Lines | Values seen | Fix |', '| --- | ---: | --- | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${mdCell(r.title)}${r.verdict === 'possible' ? ' (possible)' : ''} | ${r.count} | ${mdCell(r.lines.join(', ')) || '—'} | ${mdCell(valuesSummary(r.values)) || '—'} | ${r.url} |`,
    );
  if (unmatched.length) {
    lines.push(
      '',
      `Lines that matched nothing (${unmatched.length}):`,
      '',
      ...unmatched.map((l) => `- ${mdCell(l)}`),
    );
  }
  return lines.join('\n');
}

/** A CSV field, quoted, with spreadsheet formula injection defused. */
function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function triageCsv(rows: TriageRow[], unmatched: string[]): string {
  const out = [['error', 'slug', 'verdict', 'count', 'lines', 'values_seen', 'fix_url'].join(',')];
  for (const r of rows)
    out.push(
      [r.title, r.slug, r.verdict, String(r.count), r.lines.join(', '), valuesSummary(r.values), r.url]
        .map(csvField)
        .join(','),
    );
  for (const l of unmatched) out.push(['(matched nothing)', '', '', '1', '', l, ''].map(csvField).join(','));
  return `${out.join('\r\n')}\r\n`;
}
