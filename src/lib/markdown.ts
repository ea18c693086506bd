/**
 * Pasted text going into Markdown (tickets, triage) comes out as text: every character that could
 * start a link, an image, HTML, emphasis, code or a table cell is escaped, and so are the starts of
 * GFM's bare autolinks (`http://`, `www.`, `a@b.c`); or the text goes in code, which Markdown shows
 * as it is and plain text reads as it is. Pure.
 */

/** Escapes Markdown and inline HTML, so `![x](…)`, `<img …>` and `[a](javascript:…)` stay text. */
export const mdEscape = (s: string): string =>
  s
    .replace(/([\\`*_[\]<>|!~&#@])/g, '\\$1')
    .replace(/([a-z]):\/\//gi, '$1\\://')
    .replace(/\b(www)\./gi, '$1\\.');

/** A table cell: escaped, on one line. */
export const mdCell = (s: string): string => mdEscape(s.replace(/\s*\n\s*/g, ' '));

/** The longest run of `ch` in `s` (0 if none). */
const longestRun = (s: string, ch: string): number =>
  Math.max(0, ...[...s.matchAll(new RegExp(`\\${ch}+`, 'g'))].map((m) => m[0].length));

/**
 * An inline code span, on one line: its backtick fence is longer than any run of backticks inside,
 * and a space pads text that starts or ends with a backtick or a space (Markdown strips one each side).
 */
export function mdCode(s: string): string {
  const line = s.replace(/\s*[\r\n]+\s*/g, ' ');
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced code block: its fence (at least three backticks) is longer than any run of backticks inside. */
export function mdFence(s: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(s, '`') + 1));
  return `${fence}\n${s.replace(/\r\n?/g, '\n')}\n${fence}`;
}
