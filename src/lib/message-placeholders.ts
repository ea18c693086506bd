/**
 * A page's message as its block shows it, at build only (MessageBlock.astro): the placeholders its
 * source writes are marked where no pattern marks them. Kept out of mark.ts, which the error pages
 * load in the browser for a pasted message.
 */
import type { MarkedPart } from './matcher/mark';

/** A message's own placeholders, as its source writes them: `<other user name>`, `XXXX`, `NNNNN`. */
const SHOWN_PLACEHOLDER = /<[^<>\n]{1,40}>|\b(?:N{3,}(?:\.N+)?|X{3,})\b/g;

/**
 * A page's message with its own placeholders marked too where no pattern marks them (a value the
 * message says twice, one no pattern pulls out): named as the marked part with the same text, or
 * with no name (`''`).
 */
export function markPlaceholders(parts: readonly MarkedPart[]): MarkedPart[] {
  const named = new Map(parts.flatMap((p) => (p.name ? [[p.text, p.name] as const] : [])));
  return parts.flatMap((p) => {
    if (p.name !== undefined) return [p];
    const out: MarkedPart[] = [];
    let at = 0;
    for (const m of p.text.matchAll(SHOWN_PLACEHOLDER)) {
      if (m.index > at) out.push({ text: p.text.slice(at, m.index) });
      out.push({ text: m[0], name: named.get(m[0]) ?? '' });
      at = m.index + m[0].length;
    }
    if (at < p.text.length) out.push({ text: p.text.slice(at) });
    return out;
  });
}
