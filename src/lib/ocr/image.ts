/**
 * Getting a screenshot ready for OCR, as pure functions over pixel arrays (the canvas work is in
 * src/client/ocr-prepare.ts, off the main thread). Tesseract's LSTM model reads best when text
 * lines are about 40 px tall; screenshots come at 1x (13–16 px text) or 2x (26–32 px). So: measure
 * the glyphs, scale to the size the model likes (within a pixel budget), grey, dark text on light.
 */
import { MAX_OCR_PIXELS } from '../matcher/limits';

/**
 * The median glyph height to scale to, in pixels. A line of mixed text whose median glyph (mostly
 * x-height letters, some capitals and ascenders) is this tall is about 40 px from ascender to
 * descender: ×3 for a 1x screenshot of 14 px text, ×1.3–1.5 at 2x.
 */
export const TARGET_GLYPH_PX = 26;
/** Scale factors outside this range help no further (tiny text) or only cost time (huge text). */
export const MIN_SCALE = 0.5;
export const MAX_SCALE = 4;
/** A pixel is ink when its grey level is this far from the background's. */
const INK_CONTRAST = 80;

/** Grey levels (0 black – 255 white) of RGBA pixels, transparent ones composited over white. */
export function toGray(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length >> 2);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    const lum = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    const a = rgba[i + 3]!;
    out[j] = a === 255 ? lum : (lum * a + 255 * (255 - a)) / 255;
  }
  return out;
}

/** The most common grey level: the background of a screenshot of text. */
export function backgroundLevel(gray: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (const v of gray) hist[v]!++;
  let best = 255;
  for (let v = 0; v < 256; v++) if (hist[v]! > hist[best]!) best = v;
  return best;
}

/**
 * The median height of the glyphs: connected groups of ink pixels (4-neighbours, so neighbouring
 * letters touching only at an anti-aliased corner stay apart), leaving out specks and anything as
 * tall as half the image (borders, panels). undefined when there is no glyph-like ink.
 */
export function glyphHeight(gray: Uint8Array, width: number, height: number, bg: number): number | undefined {
  const n = width * height;
  const parent = new Int32Array(n).fill(-1);
  const find = (i: number): number => {
    while (parent[i]! !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (Math.abs(gray[i]! - bg) <= INK_CONTRAST) continue;
      parent[i] = i;
      if (x > 0 && parent[i - 1]! >= 0) union(i, i - 1);
      if (y > 0 && parent[i - width]! >= 0) union(i, i - width);
    }
  }
  const top = new Map<number, [minY: number, maxY: number, count: number]>();
  for (let i = 0; i < n; i++) {
    if (parent[i]! < 0) continue;
    const root = find(i);
    const y = (i / width) | 0;
    const box = top.get(root);
    if (box) {
      if (y < box[0]) box[0] = y;
      if (y > box[1]) box[1] = y;
      box[2]++;
    } else top.set(root, [y, y, 1]);
  }
  const heights: number[] = [];
  for (const [minY, maxY, count] of top.values()) {
    const h = maxY - minY + 1;
    if (h >= 3 && count >= 4 && h <= height / 2) heights.push(h);
  }
  if (!heights.length) return undefined;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1];
}

/**
 * How much to scale an image of `width` × `height` whose median glyph is `glyph` px tall: towards
 * TARGET_GLYPH_PX, within MIN_SCALE–MAX_SCALE and at most MAX_OCR_PIXELS in all. Without a glyph
 * measure, a 1x-sized guess (×2) within the same budget.
 */
export function chooseScale(glyph: number | undefined, width: number, height: number): number {
  const wanted = glyph ? TARGET_GLYPH_PX / glyph : 2;
  const budget = Math.sqrt(MAX_OCR_PIXELS / (width * height));
  return Math.min(Math.max(wanted, MIN_SCALE), MAX_SCALE, budget);
}

/** Dark text on a light background: inverts a dark-mode screenshot in place. */
export function darkOnLight(gray: Uint8Array, bg: number): Uint8Array {
  if (bg < 128) for (let i = 0; i < gray.length; i++) gray[i] = 255 - gray[i]!;
  return gray;
}

/** A binary PGM (P5) file: the simplest image format Tesseract's Leptonica reads, and no encoding time. */
export function pgm(gray: Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + gray.length);
  out.set(header);
  out.set(gray, header.length);
  return out;
}
