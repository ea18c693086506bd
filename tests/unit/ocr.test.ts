import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_OCR_PIXELS } from '../../src/lib/matcher/limits';
import { OCR_CORE_MB, OCR_DOWNLOAD_MB, OCR_FILES, OCR_FIRST_USE } from '../../src/lib/ocr/assets';
import { cleanOcrText, RULES } from '../../src/lib/ocr/clean';
import {
  backgroundLevel,
  chooseScale,
  darkOnLight,
  glyphHeight,
  MAX_SCALE,
  pgm,
  TARGET_GLYPH_PX,
  toGray,
} from '../../src/lib/ocr/image';
import { readingOrder, tsvLines, type OcrLine } from '../../src/lib/ocr/layout';

describe('cleanOcrText: what OCR gets wrong in an export error', () => {
  describe.each<[rule: string, cases: [read: string, meant: string][]]>([
    [
      'quotes',
      [
        ['QBO Class “Field Services” was not found', 'QBO Class "Field Services" was not found'],
        ['QBO Class "Field Services™ was not found', 'QBO Class "Field Services" was not found'],
        [
          'Entity with Key = ‘BusinessUnit, (0)’ does not exist',
          "Entity with Key = 'BusinessUnit, (0)' does not exist",
        ],
        ['GL account „Sales″ does not exist', 'GL account "Sales" does not exist'],
      ],
    ],
    [
      'zero',
      [
        ["Key = 'BusinessUnit, (©)' does not exist", "Key = 'BusinessUnit, (0)' does not exist"],
        ["Key = 'BusinessUnit, (O)'", "Key = 'BusinessUnit, (0)'"],
        ['Txn Date=O3/14/2O26 is before', 'Txn Date=03/14/2026 is before'],
        ['DocNumber=1O is assigned', 'DocNumber=10 is assigned'],
        ['Deposit total 1,25O.OO doesn’t match', "Deposit total 1,250.00 doesn't match"],
        ['date=2026-O1-15', 'date=2026-01-15'],
        // Words keep their O: no digit, or the O is inside a word.
        ['No. Open Orders: 0', 'No. Open Orders: 0'],
        ['Journal Entry 5 of 10 Options', 'Journal Entry 5 of 10 Options'],
        ['Invoice INV2O26', 'Invoice INV2O26'],
      ],
    ],
    [
      'id',
      [
        ['with Txnld=57211', 'with TxnId=57211'],
        ['with Txn1d=57211', 'with TxnId=57211'],
        ['Customer 1d=42', 'Customer Id=42'],
        ['record ld = 42', 'record Id = 42'],
        ['Related invoice 1D=12345 is not synchronized', 'Related invoice ID=12345 is not synchronized'],
        ['Sync peer Qb0:4620816365/9130350912 is setup', 'Sync peer Qbo:4620816365/9130350912 is setup'],
        ['Sync peer Qbo : NNNNNNNNNN/NNNNNNNNNN is setup', 'Sync peer Qbo:NNNNNNNNNN/NNNNNNNNNN is setup'],
        // Other words ending in "ld" stay.
        ['Field=Amount, Sold=3, old=1', 'Field=Amount, Sold=3, old=1'],
      ],
    ],
    [
      'broken numbers',
      [
        ['closing date=03/31/\n2026', 'closing date=03/31/2026'],
        ['closing date=03/31/20\n26 and more', 'closing date=03/31/2026 and more'],
        ['Txn Date=2026-\n03-14 is before', 'Txn Date=2026-03-14 is before'],
        ['payments 1,234,\n567.89.', 'payments 1,234,567.89.'],
        ['Deposit total 100.5\n0 doesn’t match', "Deposit total 100.50 doesn't match"],
        ['with TxnId=5721\n1', 'with TxnId=57211'],
        [
          'DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=5721\n1.',
          'DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=57211.',
        ],
        // Separate lines stay separate: a sentence's end, a count, a log line's timestamp.
        [
          'sum of payments 90.25.\n2026-03-14 09:14 export started',
          'sum of payments 90.25.\n2026-03-14 09:14 export started',
        ],
        ['Invoice 1042\n3 documents queued', 'Invoice 1042\n3 documents queued'],
        ['with TxnId=57211\n2026-03-14 09:15 ERROR', 'with TxnId=57211\n2026-03-14 09:15 ERROR'],
        ['ids 10,\n20 and 30', 'ids 10,\n20 and 30'],
      ],
    ],
    [
      'wrapped json',
      [
        [
          'not found in QBO:\n[{"AccountNumber":"NN","AccountName":"Accounts\nReceivable","AccountType":"Asset"},\n{"AccountNumber":"2200","AccountName":"Sales Tax\nPayable"}]\nnext line',
          'not found in QBO:\n[{"AccountNumber":"NN","AccountName":"Accounts Receivable","AccountType":"Asset"},{"AccountNumber":"2200","AccountName":"Sales Tax Payable"}]\nnext line',
        ],
        ['BusinessUnits ["NNN",\n"NNNN"]. However', 'BusinessUnits ["NNN","NNNN"]. However'],
        // Parentheses are prose, not JSON: an unclosed one joins nothing.
        [
          'Source Account (Customer Refunds, Liability and\nTarget Account',
          'Source Account (Customer Refunds, Liability and\nTarget Account',
        ],
      ],
    ],
    [
      'ui borders',
      [
        ['Source | Retry |\n09:14 Target =~ —————', 'Source Retry\n09:14 Target'],
        ["Entity with Key = 'BusinessUnit, (0)'", "Entity with Key = 'BusinessUnit, (0)'"],
        ['Sync - BusinessUnitsNotSupported - Sync peer', 'Sync - BusinessUnitsNotSupported - Sync peer'],
      ],
    ],
    [
      'spacing and ligatures',
      [
        ['The account period has closed.  \n\n\n\nTxn Date', 'The account period has closed.\n\nTxn Date'],
        ['  Validation Exception was thrown. \r\nDetails', 'Validation Exception was thrown.\nDetails'],
        ['Classiﬁcation mismatch', 'Classification mismatch'],
      ],
    ],
  ])('%s', (_rule, cases) => {
    it.each(cases)('%j → %j', (read, meant) => {
      expect(cleanOcrText(read)).toBe(meant);
    });
  });

  it('leaves a correct message as it is', () => {
    const exact =
      'BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026';
    expect(cleanOcrText(exact)).toBe(exact);
  });

  it('names every rule once', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** A white image with dark bars `glyph` px tall, 6 px wide, spaced like letters on lines. */
function textLike(width: number, height: number, glyph: number, dark = false): Uint8Array {
  const bg = dark ? 15 : 255;
  const ink = dark ? 230 : 20;
  const gray = new Uint8Array(width * height).fill(bg);
  for (let top = 4; top + glyph < height; top += glyph * 2)
    for (let left = 4; left + 6 < width; left += 9)
      for (let y = top; y < top + glyph; y++) for (let x = left; x < left + 6; x++) gray[y * width + x] = ink;
  return gray;
}

describe('image preparation', () => {
  it.each([
    [8, 1],
    [14, 1],
    [30, 2],
  ])('measures glyphs %i px tall (%s)', (glyph) => {
    const gray = textLike(300, 120, glyph);
    expect(glyphHeight(gray, 300, 120, backgroundLevel(gray))).toBe(glyph);
  });

  it('measures light text on a dark background the same', () => {
    const gray = textLike(300, 120, 10, true);
    const bg = backgroundLevel(gray);
    expect(bg).toBe(15);
    expect(glyphHeight(gray, 300, 120, bg)).toBe(10);
  });

  it('finds no glyph in a blank image or in specks', () => {
    const blank = new Uint8Array(100 * 50).fill(255);
    expect(glyphHeight(blank, 100, 50, 255)).toBeUndefined();
    blank[510] = 0;
    expect(glyphHeight(blank, 100, 50, 255)).toBeUndefined();
  });

  it.each<[glyph: number | undefined, width: number, height: number, scale: number]>([
    [8, 800, 100, TARGET_GLYPH_PX / 8], // a 1x screenshot: about ×3
    [17, 1600, 200, TARGET_GLYPH_PX / 17], // a 2x screenshot: about ×1.5
    [2, 800, 100, MAX_SCALE], // tiny text: no further than MAX_SCALE
    [80, 800, 400, 0.5], // huge text: scaled down, not below 0.5
    [undefined, 800, 100, 2], // nothing measured: a 1x guess
    [8, 3000, 2000, Math.sqrt(MAX_OCR_PIXELS / 6_000_000)], // the pixel budget wins
  ])('glyph %s px in %i × %i: scale %d', (glyph, width, height, scale) => {
    expect(chooseScale(glyph, width, height)).toBeCloseTo(scale, 5);
    expect(width * height * chooseScale(glyph, width, height) ** 2).toBeLessThanOrEqual(MAX_OCR_PIXELS + 1);
  });

  it('greys RGBA, with transparency over white, and turns dark mode into dark on light', () => {
    const gray = toGray(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255]));
    expect([...gray]).toEqual([0, 255, 255, 76]);
    expect([...darkOnLight(new Uint8Array([10, 200]), 10)]).toEqual([245, 55]);
    expect([...darkOnLight(new Uint8Array([250, 20]), 250)]).toEqual([250, 20]);
  });

  it('writes a binary PGM', () => {
    const file = pgm(new Uint8Array([0, 128, 255, 7, 8, 9]), 3, 2);
    expect(new TextDecoder().decode(file.slice(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...file.slice(11)]).toEqual([0, 128, 255, 7, 8, 9]);
  });
});

describe('OCR assets', () => {
  const require = createRequire(import.meta.url);
  const served = (to: string) => {
    const file = OCR_FILES.find((f) => f.to === to);
    if (!file) throw new Error(`${to} is not in OCR_FILES`);
    return readFileSync(require.resolve(file.from));
  };

  it('every file exists in node_modules, the core in each LSTM build', () => {
    for (const f of OCR_FILES) expect(() => require.resolve(f.from), f.from).not.toThrow();
    // Each core as a loader and its .wasm, side by side with the worker script (the loader fetches
    // the .wasm from the worker's directory); never a .wasm.js, which carries it as base64.
    expect(OCR_FILES.filter((f) => f.to.startsWith('tesseract-core-')).map((f) => f.to)).toEqual([
      'tesseract-core-relaxedsimd-lstm.js',
      'tesseract-core-relaxedsimd-lstm.wasm',
      'tesseract-core-simd-lstm.js',
      'tesseract-core-simd-lstm.wasm',
      'tesseract-core-lstm.js',
      'tesseract-core-lstm.wasm',
    ]);
    expect(OCR_FILES.filter((f) => f.to.endsWith('.wasm.js'))).toEqual([]);
    // The loader looks for exactly that file name next to the worker.
    const loader = served('tesseract-core-relaxedsimd-lstm.js').toString('utf8');
    expect(loader).toContain('"tesseract-core-relaxedsimd-lstm.wasm"');
  });

  it(`the first download is about ${OCR_DOWNLOAD_MB} MB gzip, as the progress line says`, () => {
    const bytes = OCR_FIRST_USE.reduce((sum, to) => {
      const body = served(to);
      return sum + (to.endsWith('.gz') ? body.length : gzipSync(body, { level: 6 }).length);
    }, 0);
    expect(Math.abs(bytes / 1e6 - OCR_DOWNLOAD_MB)).toBeLessThan(0.15);
  });

  it(`the engine (worker script and core) is about ${OCR_CORE_MB} MB of it`, () => {
    const bytes = OCR_FIRST_USE.filter((to) => !to.startsWith('lang/')).reduce(
      (sum, to) => sum + gzipSync(served(to), { level: 6 }).length,
      0,
    );
    expect(Math.abs(bytes / 1e6 - OCR_CORE_MB)).toBeLessThan(0.1);
  });
});

/** Words on a grid: each line is [y, [x, text]...]; every glyph 10 px tall, 6 px a character. */
function grid(rows: [y: number, ...words: [x: number, text: string][]][]): OcrLine[] {
  return rows.map(([y, ...words]) =>
    words.map(([x, text]) => ({ text, x0: x, x1: x + text.length * 6, y0: y, y1: y + 10 })),
  );
}

/** Words laid out as a browser would: 6 px a character, 6 px a space, from x = 0. */
function lineOf(y: number, sentence: string): [number, ...[number, string][]] {
  let x = 0;
  const words: [number, string][] = [];
  for (const w of sentence.split(' ')) {
    words.push([x, w]);
    x += (w.length + 1) * 6;
  }
  return [y, ...words];
}

describe('readingOrder: tables cell by cell, wrapped lines joined', () => {
  it('reads a table row with a wrapped message column by column, the message as one line', () => {
    const lines = grid([
      [0, [0, 'When'], [100, 'Document'], [200, 'Error']],
      [20, [0, '03/14/2026'], [100, 'INV-1042'], [200, 'Classification'], [290, 'mismatch'], [500, 'Retry']],
      [35, [0, '09:14'], [200, 'between'], [248, 'Source'], [290, 'Account']],
      [50, [200, '(Customer'], [260, 'Refunds).'], [500, 'Dismiss']],
    ]);
    expect(readingOrder(lines)).toBe(
      [
        'When\n03/14/2026\n09:14',
        'Document\nINV-1042',
        'Error\nClassification mismatch between Source Account (Customer Refunds).',
        'Retry\nDismiss',
      ].join('\n\n'),
    );
  });

  it('joins a wrapped message, and keeps separate messages on their own lines', () => {
    const wrapped = grid([
      lineOf(0, 'BadRequest. Details: Duplicate Document Number Error : You must specify a different'),
      lineOf(15, 'number. This number has already been used. DocNumber=10 is assigned to'),
      lineOf(30, 'TxnType=Journal Entry with TxnId=57211'),
    ]);
    expect(readingOrder(wrapped)).toBe(
      'BadRequest. Details: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=10 is assigned to TxnType=Journal Entry with TxnId=57211',
    );
    const separate = grid([
      lineOf(0, "Deposit total 1,250.00 doesn't match sum of payments 1,175.50."),
      lineOf(15, 'QBO Class "Field Services" was not found for Business Unit "North Dallas".'),
      lineOf(30, "Deposit total 1,250.00 doesn't match sum of payments 1,175.50."),
      lineOf(45, '• Entity with Key = BusinessUnit does not exist'),
      lineOf(60, 'There was an error while communicating'),
    ]);
    expect(readingOrder(separate)).toBe(
      [
        "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
        'QBO Class "Field Services" was not found for Business Unit "North Dallas".',
        "Deposit total 1,250.00 doesn't match sum of payments 1,175.50.",
        '• Entity with Key = BusinessUnit does not exist',
        'There was an error while communicating',
      ].join('\n'),
    );
  });

  it('joins wrapped JSON without a space between its punctuation', () => {
    const lines = grid([
      lineOf(0, 'not found in QBO: [{"AccountNumber":"2150","AccountName":"Customer Deposits"},'),
      lineOf(15, '{"AccountNumber":"21'),
    ]);
    expect(readingOrder(lines)).toBe(
      'not found in QBO: [{"AccountNumber":"2150","AccountName":"Customer Deposits"},{"AccountNumber":"21',
    );
  });

  it('leaves a number cut at the edge to the cleaner', () => {
    const lines = grid([lineOf(0, 'is before book closing date=03/31/'), lineOf(15, '2026 and more')]);
    expect(readingOrder(lines)).toBe('is before book closing date=03/31/\n2026 and more');
  });

  it('reads a paragraph above a table as text, then the table by columns', () => {
    const lines = grid([
      [
        0,
        [0, 'Export'],
        [40, 'report'],
        [82, 'for'],
        [104, 'March,'],
        [146, 'three'],
        [182, 'errors'],
        [224, 'found'],
      ],
      [20, [0, 'INV-1'], [100, 'Deposit'], [146, 'total']],
      [35, [100, 'mismatch']],
    ]);
    expect(readingOrder(lines)).toBe(
      'Export report for March, three errors found\n\nINV-1\n\nDeposit total mismatch',
    );
  });

  it('keeps a monospace line with a wide comma-and-space gap whole', () => {
    const lines = grid([
      [0, [0, 'Entity'], [42, 'with'], [72, 'Key'], [96, '='], [108, "'BusinessUnit,"], [210, "(0)'"]],
    ]);
    expect(readingOrder(lines)).toBe("Entity with Key = 'BusinessUnit, (0)'");
  });

  it('reads Tesseract TSV (words at level 5, lines by block, paragraph and line; border words dropped)', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t0\t0\t200\t10\t-1\t',
      '5\t1\t1\t1\t1\t1\t60\t0\t30\t10\t96\tworld',
      '5\t1\t1\t1\t1\t2\t0\t0\t30\t10\t96\thello',
      '5\t1\t1\t1\t2\t1\t0\t20\t30\t10\t95\tagain',
      '5\t1\t1\t1\t2\t2\t40\t20\t5\t10\t40\t|',
      '5\t1\t1\t1\t2\t3\t50\t20\t20\t10\t30\t=~',
    ].join('\n');
    expect(tsvLines(tsv).map((l) => l.map((w) => w.text))).toEqual([['hello', 'world'], ['again']]);
    expect(readingOrder([])).toBe('');
  });
});
