/**
 * Pasted text going into Markdown (tickets, triage) comes out as text: every character that could
 * start a link, an image, HTML, emphasis, code or a table cell is escaped, and so are the starts of
 * GFM's bare autolinks (`http://`, `www.`, `a@b.c`). Pure.
 */

/** Escapes Markdown and inline HTML, so `![x](…)`, `<img …>` and `[a](javascript:…)` stay text. */
export const mdEscape = (s: string): string =>
  s
    .replace(/([\\`*_[\]<>|!~&#@])/g, '\\$1')
    .replace(/([a-z]):\/\//gi, '$1\\://')
    .replace(/\b(www)\./gi, '$1\\.');

/** A table cell: escaped, on one line. */
export const mdCell = (s: string): string => mdEscape(s.replace(/\s*\n\s*/g, ' '));
