/**
 * Cleans text read from a screenshot of what OCR typically gets wrong in an export error, before the
 * matcher sees it. Each rule is small, conservative and named, so the table of cases in
 * tests/unit/ocr.test.ts reads as the rule book:
 *
 * - typographic quotes (and the ™ OCR reads for a closing quote) become straight quotes;
 * - `(©)` is `(0)`, and O, o or © inside a number is 0 (`2O26-O1-15`);
 * - `Id=` read as `1d=` or `ld=` (and `TxnId` as `Txnld`, `Qbo:` as `Qb0 :`) is put back;
 * - a number broken across a line is joined (`03/31/` + `2026`, `TxnId=5721` + `1 `);
 * - a JSON value wrapped across lines is joined;
 * - the edges of buttons and table cells read as `|` or `=~ ———` are dropped.
 */

/** One rule: a name for the tests and a rewrite of the whole text. */
interface Rule {
  name: string;
  apply: (text: string) => string;
}

const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl' };

/** A token that is a number with O-like letters in it: bounded by non-alphanumerics, one digit at least. */
const NUMBERISH = /(?<![A-Za-z0-9])[0-9Oo©.,:/-]*[0-9][0-9Oo©.,:/-]*(?![A-Za-z0-9])/g;

/** What a line of a number can end with and the next line go on with, to be one number. */
const JOINS: [before: RegExp, after: RegExp][] = [
  // A separator inside a date, time or id: `03/31/` + `2026`, `2026-` + `03-14`, `09:` + `14`.
  [/\d[/:-]$/, /^\d/],
  // A thousands group: `1,234,` + `567.89`.
  [/(?<![\d.])\d{1,3}(?:,\d{3})*,$/, /^\d{3}(?!\d)/],
  // A date whose year is cut: `03/31/20` + `26`.
  [/(?<!\d)\d{1,2}\/\d{1,2}\/\d{1,3}$/, /^\d{1,3}(?!\d)/],
  // Cents cut: `100.5` + `0`.
  [/\d\.\d$/, /^\d(?![\d.,])/],
  // A value after `=`, `#` or `(` cut, continued by digits alone: `TxnId=5721` + `1 is…`.
  [/[=#(]\d+$/, /^\d+(?=[\s.,;:)\]"']|$)/],
];

export const RULES: readonly Rule[] = [
  {
    name: 'ligatures',
    apply: (t) => t.replace(/[ﬀﬁﬂﬃﬄ]/g, (c) => LIGATURES[c] ?? c),
  },
  {
    name: 'quotes',
    // ™ and ″ are what OCR makes of a closing double quote in several UI fonts.
    apply: (t) => t.replace(/[“”„‟″〃™]/g, '"').replace(/[‘’‚‛′´]/g, "'"),
  },
  {
    name: 'zero',
    apply: (t) =>
      t.replace(/\(\s*[©@Oo]\s*\)/g, '(0)').replace(NUMBERISH, (token) => token.replace(/[Oo©]/g, '0')),
  },
  {
    name: 'id',
    apply: (t) =>
      t
        .replace(
          /\b(Txn|Realm|Entity|Customer|Vendor|Account|Unit|Item|Class|Company)[1l|]d(?=\s*[=:])/g,
          '$1Id',
        )
        .replace(/(?<![A-Za-z0-9])[1l|]d(?=\s*=)/g, 'Id')
        .replace(/(?<![A-Za-z0-9])[1l|]D(?=\s*=)/g, 'ID')
        // The sync peer's prefix (`Sync peer Qbo:1234/5678`): its o next to digits reads as 0, and
        // monospace spacing puts blanks around its colon.
        .replace(/\bQb[o0]\s*:\s*(?=[\dN#])/g, 'Qbo:'),
  },
  {
    name: 'wrapped json',
    // A JSON value (an account list) wrapped by the screen: its lines join while a `[` or `{` is
    // open, with the space the wrap took between two words and none around JSON punctuation.
    apply: (t) => {
      const out: string[] = [];
      let depth = 0;
      for (const line of t.split('\n')) {
        const prev = out.at(-1);
        if (prev !== undefined && depth > 0) {
          const next = line.trimStart();
          out[out.length - 1] =
            prev.trimEnd() + (/[\w&.)]$/.test(prev.trimEnd()) && /^[\w&(]/.test(next) ? ' ' : '') + next;
        } else out.push(line);
        depth = Math.max(0, depth + (line.match(/[[{]/g) ?? []).length - (line.match(/[\]}]/g) ?? []).length);
      }
      return out.join('\n');
    },
  },
  {
    name: 'broken numbers',
    apply: (t) => {
      const lines = t.split('\n');
      for (let i = 0; i < lines.length - 1; i++) {
        const line = lines[i]!.trimEnd();
        const next = lines[i + 1]!.trimStart();
        if (JOINS.some(([before, after]) => before.test(line) && after.test(next))) {
          lines.splice(i, 2, line + next);
          i--;
        }
      }
      return lines.join('\n');
    },
  },
  {
    name: 'ui borders',
    // A button's or a cell's edge read as text: a lone `|`, or a run of rules like `=~ ————`.
    apply: (t) => t.replace(/(?<=^|[ \t])(?:\||[|=~—–_-]{2,})(?=[ \t]|$)/gm, ''),
  },
  {
    name: 'spacing',
    // Tesseract ends lines with spaces now and then and separates blocks with blank lines.
    apply: (t) =>
      t
        .split('\n')
        .map((l) => l.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
  },
];

/** The text with every rule applied, in order. */
export function cleanOcrText(text: string): string {
  return RULES.reduce((t, rule) => rule.apply(t), text.replace(/\r\n?/g, '\n'));
}
