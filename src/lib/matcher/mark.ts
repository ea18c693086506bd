/**
 * Splits a message into plain text and the variable parts a template marks, for display:
 * the page's code block and the "Your message" panel both use it.
 */
import { compilePattern } from './pattern';
import { normalizeInput } from './normalize';

export interface MarkedPart {
  text: string;
  /** Placeholder name when this part is a variable value. */
  name?: string;
}

/** Marks the first template that fits; a message no template fits comes back as one plain part. */
export function markMessage(message: string, templates: readonly string[]): MarkedPart[] {
  const text = normalizeInput(message).text;
  for (const template of templates) {
    const c = compilePattern(template);
    const re = new RegExp(c.source, 'id');
    const m = re.exec(text);
    if (!m?.indices?.groups) continue;
    const spans = Object.entries(m.indices.groups)
      .filter((e): e is [string, [number, number]] => e[1] !== undefined)
      .sort((a, b) => a[1][0] - b[1][0]);
    const parts: MarkedPart[] = [];
    let at = 0;
    for (const [name, [start, end]] of spans) {
      if (start > at) parts.push({ text: text.slice(at, start) });
      parts.push({ text: text.slice(start, end), name });
      at = end;
    }
    if (at < text.length) parts.push({ text: text.slice(at) });
    return parts;
  }
  return [{ text }];
}
