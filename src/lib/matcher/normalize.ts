/**
 * Text normalization shared by templates and pasted input, so both sides compare alike:
 * Unicode compatibility forms (NBSP, full-width, `…`), curly quotes, CRLF, control characters,
 * runs of spaces. Line breaks are kept: they separate errors in a multi-line paste.
 */

import { cut } from '../cut';
import { MAX_INPUT_CHARS } from './limits';

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
};

/** Printable ASCII (but the backtick) and line breaks: with no space next to a line break, no two spaces and no three breaks in a row, `clean` (and so normalizeTemplate and normalizeInput, but for the trim) leaves such text as it is. */
const PLAIN = /^[\x20-\x5F\x61-\x7E\n]*$/;
export const isClean = (text: string): boolean =>
  PLAIN.test(text) &&
  !text.includes('  ') &&
  !text.includes(' \n') &&
  !text.includes('\n ') &&
  !text.includes('\n\n\n');

/** Windows-1252's characters for the bytes 0x80 to 0x9F (its five unused bytes read as the C1 controls), by the platform's own decoder. */
const CP1252 = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
/** A UTF-8 sequence written out as Windows-1252 or Latin-1 characters: a lead byte and as many continuation bytes as it announces. */
const CONTINUATION = `[\\x80-\\xBF${CP1252}]`;
const MOJIBAKE = new RegExp(
  `[\\xC2-\\xDF]${CONTINUATION}|[\\xE0-\\xEF]${CONTINUATION}{2}|[\\xF0-\\xF4]${CONTINUATION}{3}`,
  'g',
);
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const byteOf = (c: string) => {
  const i = CP1252.indexOf(c);
  return i < 0 ? c.charCodeAt(0) : 0x80 + i;
};
/**
 * Text that was UTF-8 but was read as Windows-1252 on its way here (a CSV opened in a spreadsheet,
 * an email): `doesnâ€™t` is `doesn’t` again. Each sequence is decoded by the platform's UTF-8
 * decoder; one that is not valid UTF-8 stays as it was.
 */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (m) => {
    try {
      return UTF8.decode(Uint8Array.from(m, byteOf));
    } catch {
      return m;
    }
  });
}

function clean(text: string): string {
  // Most templates and pastes: nothing below would change them, and it is the matcher's commonest step.
  if (isClean(text)) return text;
  return (
    repairMojibake(text)
      .normalize('NFKC')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(
        /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g,
        (c) => QUOTES[c] ?? c,
      )
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // A terminal's colours and titles in a log saved from one (`ESC[32mINFO ESC[0m`): ANSI's
      // control sequences (CSI, and OSC up to its end), not text. Bounded, so linear (the
      // ansi-regex package's pattern nests quantifiers, and once backtracked badly: CVE-2021-3807).
      .replace(
        // eslint-disable-next-line no-control-regex -- escape sequences are what this removes
        /\u001B\][^\u0007\u001B\n]{0,512}(?:\u0007|\u001B\\)?|(?:\u001B\[|\u009B)[\x30-\x3F]{0,32}[\x20-\x2F]{0,4}[\x40-\x7E]/g,
        '',
      )
      // Zero-width and bidi marks, then other control characters (tab becomes a space).
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
      .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this line removes
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
  );
}

/** Normalizes a template's literal text (the same rules as a paste, on one line). */
export function normalizeTemplate(text: string): string {
  return clean(text).replace(/\n/g, ' ');
}

export interface NormalizedInput {
  text: string;
  /** True when the paste was longer than MAX_INPUT_CHARS and was cut. */
  truncated: boolean;
  /** Length of the paste before cutting. */
  originalLength: number;
}

export function normalizeInput(raw: unknown): NormalizedInput {
  const input = typeof raw === 'string' ? raw : '';
  const long = input.length > MAX_INPUT_CHARS;
  // Well-formed: a lone surrogate (a paste's, or a fault body's `\ud83d`) becomes U+FFFD here, so
  // nothing the matcher returns carries one.
  const cleaned = clean(long ? cut(input, MAX_INPUT_CHARS) : input)
    .toWellFormed()
    .trim();
  // The cap holds after normalising too: NFKC writes some characters out (ﷺ is 18).
  const grew = cleaned.length > MAX_INPUT_CHARS;
  const text = grew ? cut(cleaned, MAX_INPUT_CHARS) : cleaned;
  return { text, truncated: long || grew, originalLength: input.length };
}

/**
 * What the matcher reads of a text, as one string: two texts with the same key get the same
 * results (the matcher sees a text only as normalizeInput gives it).
 */
export function inputKey(raw: unknown): string {
  const { text, truncated } = normalizeInput(raw);
  return `${truncated ? 1 : 0}${text}`;
}
