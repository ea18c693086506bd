/** Batch triage as Markdown (escaped: pasted text stays text) and as CSV (formulas defused). Pure. */
import { mdCell } from './markdown';
import { EMPTY_CELL, rowNote, rowTitle, valuesSummary, type TriageRow } from './triage';

export function triageMarkdown(rows: TriageRow[], unmatched: string[]): string {
  const lines = ['| Error | Count | Lines | Values seen | Fix |', '| --- | ---: | --- | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${mdCell(rowTitle(r))}${rowNote(r)} | ${r.count} | ${mdCell(r.lines.join(', ')) || EMPTY_CELL} | ${mdCell(valuesSummary(r.values)) || EMPTY_CELL} | ${r.pages.map((p) => p.url).join(' or ')} |`,
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
      [
        rowTitle(r),
        r.pages.map((p) => p.slug).join(' or '),
        r.verdict,
        String(r.count),
        r.lines.join(', '),
        valuesSummary(r.values),
        r.pages.map((p) => p.url).join(' or '),
      ]
        .map(csvField)
        .join(','),
    );
  for (const l of unmatched) out.push(['(matched nothing)', '', '', '1', '', l, ''].map(csvField).join(','));
  return `${out.join('\r\n')}\r\n`;
}
