/**
 * Cutting and encoding text that came from a paste. A cut by UTF-16 units can split an emoji into a
 * lone surrogate, and `encodeURIComponent` throws a URIError on one; a paste (or a JSON or XML fault
 * body with `\ud83d` or `&#xD83D;` in it) can carry one too. Pure, for the island, the pages and the
 * tests alike.
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The text with every lone surrogate replaced by U+FFFD (�); other text unchanged. */
export const wellFormed = (s: string): string => s.toWellFormed();

/** At most `max` UTF-16 units of `s`, never splitting a character (a surrogate pair) in two. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = max > 0 && isHigh(s.charCodeAt(max - 1)) && isLow(s.charCodeAt(max)) ? max - 1 : max;
  return s.slice(0, Math.max(0, end));
}

/** Like `cut`, ending in `…` when it cut: at most `max` units, the `…` included. */
export const clip = (s: string, max: number): string => (s.length <= max ? s : `${cut(s, max - 1)}…`);

/** `encodeURIComponent` that never throws: lone surrogates become U+FFFD first; `max` cuts first. */
export const encodeText = (s: string, max?: number): string =>
  encodeURIComponent(wellFormed(max === undefined ? s : cut(s, max)));
