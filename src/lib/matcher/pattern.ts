/**
 * Message templates with typed placeholders, compiled into linear-time regexes.
 *
 * Syntax: literal text with `{name:type}` placeholders, e.g.
 *   `Txn Date={txnDate:date} is before book closing date={closingDate:date}`
 * `{{` and `}}` stand for literal braces. Names are camelCase and unique within a template.
 *
 * Every placeholder is a single bounded character class (no nested quantifiers), and literal
 * text compiles to fixed characters with at most one optional separator between them, so a
 * compiled pattern runs in time linear in the input (times a small constant bound).
 */
import { isClean as isPlain, normalizeTemplate } from './normalize';

/** What each placeholder type accepts. Each also accepts the generalized tokens of the help article (NNN, #, MM/DD/YYYY). */
export const PLACEHOLDER_TYPES = {
  /** Whole number or identifier made of digits: `57211`, also `NNNNN`, `##`. */
  int: String.raw`(?:\d{1,20}|[N#X]{1,20})`,
  /** Amount or decimal number: `1,234.50`, `-$20`, also `NNNNN.N`. */
  number: String.raw`(?:-?\$?\d[\d,]{0,24}(?:\.\d{1,4})?|[N#]{1,20}(?:\.[N#]{1,4})?)`,
  /** Date as QuickBooks prints it: `03/14/2026`, `3/14/2026`, `2026-03-14`, also `MM/DD/YYYY`. */
  date: String.raw`(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|MM/DD/YYYY|YYYY-MM-DD|DD/MM/YYYY)`,
  /** Identifier or key without spaces: `Qbo:123/456`, `INV-1001`, `(XXX)` contents. */
  id: String.raw`[\w./:#-]{1,80}`,
  /** Free text on one line (a name, a type, an entity): bounded, stops at the next literal. */
  text: '',
  /** A JSON list on one line, possibly cut off: `[{"AccountNumber":"10",...}]` or `["12","34"]`. */
  json: String.raw`\[[^\]\n]{0,8000}\]?`,
} as const;

export type PlaceholderType = keyof typeof PLACEHOLDER_TYPES;

export interface Placeholder {
  name: string;
  type: PlaceholderType;
}

export type TemplatePart = { kind: 'literal'; text: string } | ({ kind: 'placeholder' } & Placeholder);

export interface CompiledPattern {
  /** The template as written in the frontmatter. */
  template: string;
  /** Regex source; use with the `PATTERN_FLAGS` flags. */
  source: string;
  /** A lowercase literal run that every match contains; checked with `includes` before the regex runs. */
  needle: string;
  /** Total literal characters: the longer, the more specific the pattern. */
  specificity: number;
  placeholders: Placeholder[];
}

export const PATTERN_FLAGS = 'gi';

const TEXT_MAX = 200;
const PUNCT = /[.,:;!?()[\]=\-"'/\\]/;

export class PatternError extends Error {}

/** A placeholder's body, `name:type`: the one grammar of placeholders (templateNeedle finds them with it too). */
const PLACEHOLDER_BODY = /^([a-z][A-Za-z0-9]*):([a-z]+)$/;

/** Where the next `{` or `}` is at or after `from` (the text's length if none). */
function nextBrace(text: string, from: number): number {
  const open = text.indexOf('{', from);
  const close = text.indexOf('}', from);
  if (open < 0) return close < 0 ? text.length : close;
  return close < 0 ? open : Math.min(open, close);
}

/** Splits a template into literal and placeholder parts; throws PatternError with a readable reason. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const names = new Set<string>();
  for (let i = 0; i < template.length; i++) {
    // Plain text up to the next brace is literal text, taken in one piece.
    const brace = nextBrace(template, i);
    literal += template.slice(i, brace);
    i = brace;
    if (i === template.length) break;
    const ch = template[i]!;
    if (ch === '{' && template[i + 1] === '{') {
      literal += '{';
      i++;
      continue;
    }
    if (ch === '}' && template[i + 1] === '}') {
      literal += '}';
      i++;
      continue;
    }
    if (ch === '}')
      throw new PatternError(`unmatched "}" at position ${i + 1}; write "}}" for a literal brace`);
    const end = template.indexOf('}', i);
    if (end < 0) throw new PatternError(`placeholder opened at position ${i + 1} is never closed`);
    const body = template.slice(i + 1, end);
    const m = PLACEHOLDER_BODY.exec(body);
    if (!m) throw new PatternError(`placeholder "{${body}}" must look like {name:type}, e.g. {txnDate:date}`);
    const [, name, type] = m as unknown as [string, string, string];
    if (!(type in PLACEHOLDER_TYPES)) {
      throw new PatternError(
        `placeholder "{${body}}" has unknown type "${type}"; use one of: ${Object.keys(PLACEHOLDER_TYPES).join(', ')}`,
      );
    }
    if (names.has(name)) throw new PatternError(`placeholder name "${name}" is used twice`);
    names.add(name);
    if (literal) parts.push({ kind: 'literal', text: literal });
    literal = '';
    if (parts.at(-1)?.kind === 'placeholder') {
      throw new PatternError(
        `placeholders "{${(parts.at(-1) as Placeholder).name}}" and "{${name}}" touch; put literal text between them`,
      );
    }
    parts.push({ kind: 'placeholder', name, type: type as PlaceholderType });
    i = end;
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  checkOverlaps(parts);
  return parts;
}

/** Placeholders that may hold almost anything on a line: the literal after them is all that ends them. */
const FREE: ReadonlySet<PlaceholderType> = new Set(['text', 'json']);
/** Literal text shorter than this between two free placeholders does not keep them apart. */
const MIN_SEPARATOR = 8;
/** Free placeholders in a row, joined by short literals, that a template may hold. */
const MAX_OVERLAPPING = 2;

/**
 * Rejects free placeholders (text, json) that follow each other with only a short literal between
 * them, three or more in a row: each can hold the literal that should end it, so a paste of that
 * literal repeated makes the matcher try every way to share it out among them (5 of them took
 * 20.8 s on 300 characters). Two in a row stay cheap (each holds at most 200 characters).
 */
function checkOverlaps(parts: TemplatePart[]): void {
  let chain: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (p.kind === 'placeholder') {
      if (!FREE.has(p.type)) chain = [];
      else {
        const before = parts[i - 1];
        const joined =
          before?.kind === 'literal' && before.text.trim().length < MIN_SEPARATOR && chain.length;
        chain = joined ? [...chain, p.name] : [p.name];
        if (chain.length > MAX_OVERLAPPING)
          throw new PatternError(
            `placeholders ${chain.map((n) => `"{${n}}"`).join(', ')} follow each other with under ${MIN_SEPARATOR} characters of text between them: a paste can make matching them take seconds; put longer literal text between them, or give one a narrower type (int, number, date, id)`,
          );
      }
    } else if (p.text.trim().length >= MIN_SEPARATOR) chain = [];
  }
}

/**
 * The template as text: each placeholder replaced by `fill(placeholder)`, `{{` and `}}` by one brace.
 * The one way to turn a template into words (the index, the content check, the bench's generator).
 */
export const fillTemplate = (template: string, fill: (p: Placeholder) => string): string =>
  parseTemplate(template)
    .map((part) => (part.kind === 'literal' ? part.text : fill(part)))
    .join('');

/** A template as message text, each placeholder one value slot (`NNN`, as the article writes one). */
export const templateText = (template: string): string => fillTemplate(template, () => ' NNN ');

/** Characters a regex source escapes. */
const SPECIAL: ReadonlySet<string> = new Set('.*+?^${}()|[]\\/-');
const escapeChar = (c: string) => (SPECIAL.has(c) ? `\\${c}` : c);

/** Literal text: spaces may be a line break; next to punctuation a space is optional. */
function compileLiteral(text: string, trimEnd: boolean): string {
  let t = normalizeTemplate(text);
  if (trimEnd) t = t.replace(/[.\s]+$/, '');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    if (c === ' ') {
      out += PUNCT.test(prev) || PUNCT.test(next) ? '\\s?' : '\\s';
      continue;
    }
    out += escapeChar(c);
    // "thrown.Details:The" and "thrown. Details: The" are the same message.
    if (/[.,:;]/.test(c) && next !== ' ' && next !== '' && /[A-Za-z]/.test(next)) out += '\\s?';
  }
  return out;
}

function compileText(nextLiteral: string | undefined): string {
  // Last in the template: runs to the end of the sentence.
  if (nextLiteral === undefined) return `[^\\n.,;:!?"]{1,${TEXT_MAX}}`;
  const first = normalizeTemplate(nextLiteral)[0];
  // Followed by a delimiter such as `"` or `)`: a greedy class that excludes it cannot backtrack.
  if (first && /["')\]},]/.test(first)) return `[^\\n${escapeChar(first)}]{1,${TEXT_MAX}}`;
  return `[^\\n]{1,${TEXT_MAX}}?`;
}

/** Longest lowercase run of words from the literal text: every match contains it verbatim. */
function pickNeedle(parts: TemplatePart[]): string {
  let best = '';
  for (const p of parts) {
    if (p.kind !== 'literal') continue;
    for (const run of normalizeTemplate(p.text)
      .toLowerCase()
      .split(/[^a-z0-9 ]+/)) {
      const r = run.trim();
      if (r.length > best.length) best = r;
    }
  }
  return best;
}

/** What the exact stage needs of a template before any regex runs: its parts, its needle, its specificity, its placeholders. */
export type PatternFacts = Omit<CompiledPattern, 'source'> & { parts: TemplatePart[] };

/** A placeholder found in a plain template without parsing it: `{` PLACEHOLDER_BODY `}`, parseTemplate's grammar. */
const PLACEHOLDER = new RegExp(`\\{${PLACEHOLDER_BODY.source.slice(1, -1)}\\}`, 'g');

/**
 * A valid template's needle (what `patternFacts` gives), found without parsing when the template is
 * plain (printable ASCII that normalization leaves as it is, no `{{` or `}}`): its text between
 * placeholders, lowercased, cut into runs of letters, digits and spaces, the first longest run. The
 * matcher reads every template's needle before the first result, so this is the one fact it needs
 * at once; the others wait until a paste holds the needle. Any other template is parsed.
 */
export function templateNeedle(template: string): string {
  if (!isPlain(template) || template.includes('{{') || template.includes('}}'))
    return patternFacts(template).needle;
  let best = '';
  for (const run of template
    .replace(PLACEHOLDER, '|')
    .replace(/\n/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9 ]+/)) {
    const r = run.trim();
    if (r.length > best.length) best = r;
  }
  return best;
}

/** A template's facts without its regex source (which `patternSource` builds when a paste first holds its needle). */
export function patternFacts(template: string): PatternFacts {
  const parts = parseTemplate(template);
  const needle = pickNeedle(parts);
  if (needle.length < 6) {
    throw new PatternError(
      `template needs a literal run of at least 6 letters to be recognisable (longest is "${needle}")`,
    );
  }
  let specificity = 0;
  for (const p of parts) if (p.kind === 'literal') specificity += p.text.trim().length;
  return {
    template,
    parts,
    needle,
    specificity,
    placeholders: parts
      .filter((p): p is TemplatePart & { kind: 'placeholder' } => p.kind === 'placeholder')
      .map(({ name, type }) => ({ name, type })),
  };
}

/** The regex source of a template's parts; use with the `PATTERN_FLAGS` flags. */
export function patternSource(parts: readonly TemplatePart[]): string {
  let source = '';
  parts.forEach((p, idx) => {
    if (p.kind === 'literal') {
      source += compileLiteral(p.text, idx === parts.length - 1);
    } else {
      const next = parts[idx + 1];
      const body =
        p.type === 'text'
          ? compileText(next?.kind === 'literal' ? next.text : undefined)
          : PLACEHOLDER_TYPES[p.type];
      source += `(?<${p.name}>${body})`;
    }
  });
  return source;
}

export function compilePattern(template: string): CompiledPattern {
  const { parts, ...facts } = patternFacts(template);
  return { ...facts, source: patternSource(parts) };
}

/** A match's named groups; a group that took no part is undefined at run time, whatever lib.d.ts says. */
export function groupEntries(m: RegExpExecArray): [string, string | undefined][] {
  return Object.entries(m.groups ?? {});
}
