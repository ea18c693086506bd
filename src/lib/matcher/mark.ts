/**
 * Splits a message into plain text and the variable parts a pattern marks, for display: the page's
 * code block (at build) and the "Your message" panel (in the browser) both use it. It takes
 * compiled regex sources (pattern.ts compiles them at build time), so the browser never compiles.
 */
import { normalizeInput } from './normalize';
import { groupEntries } from './pattern';

export interface MarkedPart {
  text: string;
  /** Placeholder name when this part is a variable value (`''`: a placeholder no pattern names, message-placeholders.ts). */
  name?: string;
}

export interface MarkedMessage {
  parts: MarkedPart[];
  /** Every value any of the patterns pulled out, by placeholder name. */
  values: Record<string, string>;
}

/**
 * Marks the message with the pattern that pulls out the most values; a message no pattern fits
 * comes back as one plain part.
 */
export function markMessage(message: string, sources: readonly string[]): MarkedMessage {
  const text = normalizeInput(message).text;
  const values: Record<string, string> = {};
  let best: RegExpExecArray | undefined;
  for (const source of sources) {
    const m = new RegExp(source, 'id').exec(text);
    if (!m) continue;
    for (const [k, v] of groupEntries(m)) if (v !== undefined) values[k] ??= v.trim();
    if (!best || Object.keys(m.groups ?? {}).length > Object.keys(best.groups ?? {}).length) best = m;
  }
  // Shown as written (curly quotes, dashes) when normalising only swapped characters one for one,
  // so that the positions found in the normalised text hold in the original.
  const shown = text.length === message.length ? message : text;
  return { parts: best ? spans(shown, best) : [{ text: shown }], values };
}

function spans(text: string, m: RegExpExecArray): MarkedPart[] {
  // A group that took no part has no indices at run time, whatever lib.d.ts says.
  const entries: [string, [number, number] | undefined][] = Object.entries(m.indices?.groups ?? {});
  const groups = entries
    .filter((e): e is [string, [number, number]] => e[1] !== undefined)
    .sort((a, b) => a[1][0] - b[1][0]);
  const parts: MarkedPart[] = [];
  let at = 0;
  for (const [name, [start, end]] of groups) {
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: text.slice(start, end), name });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
