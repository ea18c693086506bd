/**
 * Batch triage: one row per distinct error in a multi-line paste, with its count and the values
 * seen, plus the lines that matched nothing. Copied as Markdown or downloaded as CSV. Pure.
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
    values: valuesSeen(
      r.occurrences.map((o) => o.values),
      MAX_VALUES,
    ),
    url: urlFor(r.slug),
  }));
}

export function valuesSummary(values: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(values)
    .map(([k, vs]) => `${labelFor(k)}: ${vs.map(readableValue).join(', ')}`)
    .join('; ');
}

export function triageMarkdown(rows: TriageRow[], unmatched: string[]): string {
  const lines = ['| Error | Count | Values seen | Fix |', '| --- | ---: | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${mdCell(r.title)}${r.verdict === 'possible' ? ' (possible)' : ''} | ${r.count} | ${mdCell(valuesSummary(r.values)) || '—'} | ${r.url} |`,
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
  const out = [['error', 'slug', 'verdict', 'count', 'values_seen', 'fix_url'].join(',')];
  for (const r of rows)
    out.push(
      [r.title, r.slug, r.verdict, String(r.count), valuesSummary(r.values), r.url].map(csvField).join(','),
    );
  for (const l of unmatched) out.push(['(matched nothing)', '', '', '1', l, ''].map(csvField).join(','));
  return `${out.join('\r\n')}\r\n`;
}
