/**
 * Screenshots made on the spot, so no binary fixture is kept: error messages rendered in a page of
 * their own (1x or 2x, light or dark, sans or monospace, PNG or JPEG at quality 70, bare or in a
 * table row with buttons) and photographed with Playwright; plus the awkward files (a corrupt PNG,
 * an animated GIF, an 8,000 × 8,000 image). Used by screenshot.spec.ts and bench/ocr.ts.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import { GifWriter } from 'omggif';

export interface Look {
  scale: 1 | 2;
  dark: boolean;
  mono: boolean;
  jpeg: boolean;
}

export interface ImageFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const LOOK: Look = { scale: 1, dark: false, mono: false, jpeg: false };

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A message as an app shows it: in a panel, wrapped to the panel's width. */
export const panelHtml = (message: string) => `<div class="panel">${esc(message)}</div>`;

/** A message in an export report's table row, with a date, a document and buttons around it. */
export const tableRowHtml = (message: string, when = '03/14/2026 09:14', doc = 'INV-1042') =>
  `<table><thead><tr><th>When</th><th>Document</th><th>Error</th><th></th></tr></thead>` +
  `<tbody><tr><td>${esc(when)}</td><td>${esc(doc)}</td><td class="message">${esc(message)}</td>` +
  `<td><button>Retry</button> <button>Dismiss</button></td></tr></tbody></table>`;

/** Several messages, one a line, as an export report lists them. */
export const reportHtml = (messages: string[]) =>
  `<div class="panel"><strong>Export report</strong><ul>${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></div>`;

const css = ({ dark, mono }: Look) => `
  body { margin: 0; background: ${dark ? '#0f1419' : '#ffffff'}; color: ${dark ? '#e6edf3' : '#1b1f23'};
    font: ${mono ? '13px/1.5 monospace' : '14px/1.5 system-ui, sans-serif'}; }
  #shot { display: inline-block; padding: 14px; max-width: 760px; }
  .panel { max-width: 640px; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid ${dark ? '#30363d' : '#d0d7de'}; padding: 6px 10px; text-align: left; vertical-align: top; }
  td.message { max-width: 380px; }
  button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid ${dark ? '#6e7681' : '#8c959f'};
    background: ${dark ? '#21262d' : '#f6f8fa'}; color: inherit; }
`;

/** Renders `html` in a page of its own (a context at the look's device scale) and photographs it. */
export async function renderShot(browser: Browser, html: string, look: Look = LOOK): Promise<ImageFile> {
  const context = await browser.newContext({
    deviceScaleFactor: look.scale,
    viewport: { width: 900, height: 600 },
    colorScheme: look.dark ? 'dark' : 'light',
  });
  try {
    const page = await context.newPage();
    await page.setContent(`<!doctype html><style>${css(look)}</style><div id="shot">${html}</div>`);
    const buffer = await page
      .locator('#shot')
      .screenshot(look.jpeg ? { type: 'jpeg', quality: 70 } : { type: 'png' });
    return look.jpeg
      ? { name: 'screenshot.jpg', mimeType: 'image/jpeg', buffer }
      : { name: 'screenshot.png', mimeType: 'image/png', buffer };
  } finally {
    await context.close();
  }
}

/** What a look is called in a test title: "2x dark monospace JPEG". */
export const lookName = (l: Look) =>
  `${l.scale}x ${l.dark ? 'dark' : 'light'} ${l.mono ? 'monospace' : 'sans'}${l.jpeg ? ' JPEG q70' : ''}`;

/** A PNG's pixels as grey levels, decoded by the browser (page: any page at all). */
async function greyPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; grey: Buffer }> {
  const { width, height, b64 } = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let out = '';
    for (let i = 0; i < rgba.length; i += 4)
      out += String.fromCharCode(Math.round((rgba[i]! + rgba[i + 1]! + rgba[i + 2]!) / 3));
    return { width: bitmap.width, height: bitmap.height, b64: btoa(out) };
  }, png.toString('base64'));
  return { width, height, grey: Buffer.from(b64, 'base64') };
}

/**
 * An animated GIF of two PNG screenshots of the same size (4 grey levels, half a second each):
 * the first frame is the one to read.
 */
export async function animatedGif(page: Page, first: Buffer, second: Buffer): Promise<ImageFile> {
  const frames = [await greyPixels(page, first), await greyPixels(page, second)];
  const { width, height } = frames[0]!;
  const buf = Buffer.alloc(width * height * 2 + 4096);
  const gif = new GifWriter(buf, width, height, { loop: 0 });
  const palette = [0x000000, 0x555555, 0xaaaaaa, 0xffffff];
  for (const f of frames) {
    const indexed = new Array<number>(width * height).fill(3);
    for (let y = 0; y < Math.min(height, f.height); y++)
      for (let x = 0; x < Math.min(width, f.width); x++)
        indexed[y * width + x] = Math.min(3, Math.round(f.grey[y * f.width + x]! / 85));
    gif.addFrame(0, 0, width, height, indexed, { palette, delay: 50 });
  }
  return { name: 'animated.gif', mimeType: 'image/gif', buffer: buf.subarray(0, gif.end()) };
}

/** A real, valid PNG of `width` × `height` white pixels (8-bit grey; 8,000 × 8,000 is about 60 KB). */
export function blankPng(width: number, height: number): ImageFile {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter method, no interlace
  const row = Buffer.alloc(width + 1, 255);
  row[0] = 0; // filter type "none"
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  const buffer = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { name: 'huge.png', mimeType: 'image/png', buffer };
}

/** A PNG whose header is sound and whose pixel data is not. */
export function corruptPng(png: Buffer): ImageFile {
  const buffer = Buffer.from(png);
  for (let i = 40; i < buffer.length - 12; i += 7) buffer[i] = (buffer[i]! * 31 + 17) & 0xff;
  return { name: 'corrupt.png', mimeType: 'image/png', buffer };
}

/** How a person gives an image: the file input, a paste (outside the box, or in it), a drop. */
export type Via = 'input' | 'paste' | 'paste in the box' | 'drop';

/** Gives the page an image the ways a person can. */
export async function giveImage(page: Page, image: ImageFile, via: Via): Promise<void> {
  if (via === 'input') {
    await page.locator('[data-screenshot] input[type="file"]').setInputFiles(image);
    return;
  }
  const b64 = image.buffer.toString('base64');
  if (via === 'paste' || via === 'paste in the box') {
    // The real clipboard (which holds PNG only): the image is written to it, then Ctrl+V with the
    // heading focused (outside the box) or with the box focused.
    if (image.mimeType !== 'image/png') throw new Error('the clipboard takes PNG images only');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(
      async ([data, type]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        await navigator.clipboard.write([new ClipboardItem({ [type]: new Blob([bytes], { type }) })]);
      },
      [b64, image.mimeType] as const,
    );
    if (via === 'paste') await page.getByRole('heading', { level: 1 }).click();
    else await page.getByLabel('Paste an error message').focus();
    await page.keyboard.press('Control+V');
    return;
  }
  await page.evaluate(
    ([data, name, type]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      const box = document.querySelector('#paste-box')!;
      for (const kind of ['dragenter', 'dragover', 'drop'])
        box.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [b64, image.name, image.mimeType] as const,
  );
}

/**
 * Hands images to the page ahead of time (harness work: Playwright's setInputFiles decodes its
 * buffers on the page's main thread, which a long-task measurement would count).
 */
export async function stashImages(page: Page, images: ImageFile[]): Promise<void> {
  await page.evaluate(
    (list) => {
      (window as unknown as { stash: File[] }).stash = list.map(
        ([data, name, type]) =>
          new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }),
      );
    },
    images.map((i) => [i.buffer.toString('base64'), i.name, i.mimeType] as const),
  );
}

/** Picks the n-th stashed image with the file input, as the browser's file dialog would. */
export async function pickStashed(page: Page, n: number): Promise<void> {
  await page.evaluate((i) => {
    const input = document.querySelector<HTMLInputElement>('[data-screenshot] input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { stash: File[] }).stash[i]!);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, n);
}

/** The status line under the box, once the reading has finished (read or failed). */
export async function readingDone(page: Page, timeout = 90_000): Promise<Locator> {
  const status = page.getByTestId('screenshot-status');
  await page.waitForFunction(
    () => {
      const state = document.querySelector<HTMLElement>('[data-testid="screenshot-status"]')?.dataset[
        'state'
      ];
      return state === 'read' || state === 'error';
    },
    null,
    // Polled on a timer, not on every animation frame: the harness should not add main-thread work.
    { timeout, polling: 100 },
  );
  return status;
}
