/// <reference lib="webworker" />
/**
 * Gets a screenshot ready for OCR off the main thread (src/lib/ocr/image.ts does the arithmetic):
 * reads its size from the header first (a huge image is refused before it is decoded), decodes it
 * (an animated GIF gives its first frame), measures the glyphs, scales it so text lines are about
 * 40 px tall, and hands back grey, dark-on-light pixels as a PGM file.
 * In: { id, image: Blob }. Out: { id, ok: true, pgm, width, height, scale } or { id, ok: false, reason, width?, height? }.
 */
import { imageSize } from 'image-size';
import { MAX_IMAGE_PIXELS } from '../lib/matcher/limits';
import { backgroundLevel, chooseScale, darkOnLight, glyphHeight, pgm, toGray } from '../lib/ocr/image';

declare const self: DedicatedWorkerGlobalScope;

/** Glyphs are measured on a copy of at most this many pixels (a retina screenshot is 2–8 MP). */
const ANALYSIS_PIXELS = 2_000_000;

export type PrepareReply =
  | { id: number; ok: true; pgm: ArrayBuffer; width: number; height: number; scale: number }
  | { id: number; ok: false; reason: 'unreadable' | 'too-large'; width?: number; height?: number };

function pixels(bitmap: ImageBitmap, width: number, height: number): Uint8Array {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('[ocr-prepare] no 2D canvas in this worker');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return toGray(ctx.getImageData(0, 0, width, height).data);
}

/** The image's size from its header, without decoding it; undefined when the header says nothing. */
async function headerSize(image: Blob): Promise<{ width: number; height: number } | undefined> {
  try {
    const { width, height } = imageSize(new Uint8Array(await image.slice(0, 1 << 20).arrayBuffer()));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

async function prepare(id: number, image: Blob): Promise<PrepareReply> {
  const declared = await headerSize(image);
  if (declared && declared.width * declared.height > MAX_IMAGE_PIXELS)
    return { id, ok: false, reason: 'too-large', ...declared };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    return { id, ok: false, reason: 'unreadable' };
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_IMAGE_PIXELS) return { id, ok: false, reason: 'too-large', width, height };
    const f = Math.min(1, Math.sqrt(ANALYSIS_PIXELS / (width * height)));
    const aw = Math.max(1, Math.round(width * f));
    const ah = Math.max(1, Math.round(height * f));
    const sample = pixels(bitmap, aw, ah);
    const bg = backgroundLevel(sample);
    const glyph = glyphHeight(sample, aw, ah, bg);
    const scale = chooseScale(glyph === undefined ? undefined : glyph / f, width, height);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const out = pgm(darkOnLight(pixels(bitmap, w, h), bg), w, h);
    return { id, ok: true, pgm: out.buffer as ArrayBuffer, width: w, height: h, scale };
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<{ id: number; image: Blob }>) => {
  const { id, image } = event.data;
  prepare(id, image).then(
    (reply) => self.postMessage(reply, reply.ok ? [reply.pgm] : []),
    (err: unknown) => {
      console.warn('[ocr-prepare]', err);
      self.postMessage({ id, ok: false, reason: 'unreadable' } satisfies PrepareReply);
    },
  );
};
