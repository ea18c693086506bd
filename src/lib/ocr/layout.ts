/**
 * Puts the words Tesseract found back in reading order when a screenshot holds a table. Tesseract's
 * default page segmentation reads a table row straight across: the first line of every cell, then
 * the second line of every cell, so a message wrapped inside its cell comes out interleaved with the
 * date, the document number and the buttons beside it. Here the words (from Tesseract's TSV output)
 * are grouped into bands of lines; where a band of two lines or more has "rivers" (vertical strips
 * one and a half word heights wide that no word crosses, like the gaps between table cells), it is
 * read column by column. Text with no rivers (a paragraph, a report's lines) keeps Tesseract's order.
 */

export interface OcrWord {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Words of one line, left to right. */
export type OcrLine = OcrWord[];

/** A button's or a cell's edge read as a word (`|`, `=~`, `————`): it would fill the gaps between columns. */
const BORDER = /^(?:\||[|=~—–_-]{2,})$/;

/** The lines of Tesseract's TSV output (level 5 rows are words), top to bottom, without border words. */
export function tsvLines(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const [, page, block, par, line, , left, top, width, height, , ...rest] = cells;
    const text = rest.join('\t').trim();
    if (!text || BORDER.test(text)) continue;
    const key = `${page}.${block}.${par}.${line}`;
    const words = lines.get(key) ?? [];
    const x0 = Number(left);
    const y0 = Number(top);
    words.push({ text, x0, y0, x1: x0 + Number(width), y1: y0 + Number(height) });
    lines.set(key, words);
  }
  return [...lines.values()]
    .map((words) => words.sort((a, b) => a.x0 - b.x0))
    .sort((a, b) => mid(a) - mid(b));
}

const mid = (line: OcrLine) => (Math.min(...line.map((w) => w.y0)) + Math.max(...line.map((w) => w.y1))) / 2;

/** Gaps (x intervals) at least `min` wide between the words of these lines, inside their extent. */
function rivers(lines: OcrLine[], min: number): [number, number][] {
  const spans = lines
    .flat()
    .map((w): [number, number] => [w.x0, w.x1])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let end = spans[0]?.[1] ?? 0;
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - end >= min) out.push([end, x0]);
    end = Math.max(end, x1);
  }
  return out;
}

/** Lines in bands: a table's rows (with rivers) or plain text (without), in order. */
function bands(lines: OcrLine[], min: number): OcrLine[][] {
  const out: OcrLine[][] = [];
  let band: OcrLine[] = [];
  for (const line of lines) {
    const before = band.length ? rivers(band, min).length : 0;
    const after = rivers([...band, line], min).length;
    // A line that fills every river of a table starts new text; a line with rivers of its own
    // after plain text starts a table.
    const starts = band.length > 0 && (before > 0 ? after === 0 : rivers([line], min).length > 0);
    if (starts) {
      out.push(band);
      band = [];
    }
    band.push(line);
  }
  if (band.length) out.push(band);
  return out;
}

const text = (line: OcrLine) => line.map((w) => w.text).join(' ');
const top = (line: OcrLine) => Math.min(...line.map((w) => w.y0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * The lines of one column, with the lines the screen wrapped joined again (so the matcher sees a
 * message as it was written): a line is a wrap when the next line's first word would not have fit
 * after it (the column's right edge being its longest line's end) and it follows at the usual line
 * pitch (a table's next row sits further down). A line that ends a sentence before a capital, a
 * bullet, or a number cut at the edge (left to lib/ocr/clean.ts) is not joined.
 */
function unwrap(lines: OcrLine[], space: number, maxPitch: number): string {
  const edge = Math.max(...lines.map((l) => l.at(-1)!.x1));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const before = out.at(-1);
    const now = text(line);
    const wrapped =
      prev !== undefined &&
      before !== undefined &&
      top(line) - top(prev) <= maxPitch &&
      edge - prev.at(-1)!.x1 < line[0]!.x1 - line[0]!.x0 + space &&
      !(/[.!?]["')\]]*$/.test(before) && /^[A-Z]/.test(now)) &&
      !/^[•·*»«+–—-]/.test(now) &&
      !(/[\d/.,:-]$/.test(before) && /^\d/.test(now));
    if (wrapped) {
      // JSON broken after `},` or `",` took no space; words broken at a space did.
      const glue = /[{}[\]",:]$/.test(before) && /^[{}[\]"]/.test(now) ? '' : ' ';
      out[out.length - 1] = `${before}${glue}${now}`;
    } else out.push(now);
  });
  return out.join('\n');
}

/** The band's text: column by column where it has rivers, line by line where it has none. */
function bandText(band: OcrLine[], min: number, space: number, height: number): string {
  // Wrapped lines follow at the text's line pitch (at most 2.3 word heights: line-height 1.75);
  // the next row of a table, past its cell padding, further.
  const pitches = band.slice(1).map((l, i) => top(l) - top(band[i]!));
  const maxPitch = Math.min(2.3 * height, pitches.length >= 2 ? 1.3 * median(pitches)! : Infinity);
  // One line is read straight across: its wide gaps are as likely a monospace comma and space.
  const cuts = band.length < 2 ? [] : rivers(band, min).map(([a, b]) => (a + b) / 2);
  const columns: string[] = [];
  for (let c = 0; c <= cuts.length; c++) {
    const left = c === 0 ? -Infinity : cuts[c - 1]!;
    const right = c === cuts.length ? Infinity : cuts[c]!;
    const lines = band
      .map((l) => l.filter((w) => (w.x0 + w.x1) / 2 > left && (w.x0 + w.x1) / 2 <= right))
      .filter((l) => l.length > 0);
    if (lines.length) columns.push(unwrap(lines, space, maxPitch));
  }
  return columns.join('\n\n');
}

/** The words' text in reading order (see the module comment); '' when there are none. */
export function readingOrder(lines: OcrLine[]): string {
  const heights = lines
    .flat()
    .map((w) => w.y1 - w.y0)
    .sort((a, b) => a - b);
  if (!heights.length) return '';
  // A word space is about half a word's height (a monospace comma and space, up to one); a
  // table's cell gap is well over one and a half.
  const height = heights[heights.length >> 1]!;
  const min = 1.5 * height;
  // A word space: the median gap between neighbouring words on a line.
  const gaps = lines
    .flatMap((l) => l.slice(1).map((w, i) => w.x0 - l[i]!.x1))
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const space = gaps[gaps.length >> 1] ?? min / 3;
  return bands(lines, min)
    .map((b) => bandText(b, min, space, height))
    .join('\n\n');
}
