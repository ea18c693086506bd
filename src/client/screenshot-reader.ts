/**
 * Reads a screenshot given to the troubleshooter. screenshot-intake.ts imports this module at the
 * first image, or when one is on its way, so a text paste loads none of it. It says how the reading
 * goes in the status line under the box and hands the text on; the engine (./ocr.ts) is imported
 * in turn, and only for an image, so a file that is not one loads no OCR code.
 */
import { OCR_DOWNLOAD_TIMEOUT_MS, OCR_STEP_TIMEOUT_MS } from '../lib/matcher/limits';
import type { OcrError, OcrProgress } from './ocr';
import * as TEXT from './text-screenshot';

/** How long the engine's first download and each later step may take (lib/matcher/limits.ts). */
const limits = { downloadMs: OCR_DOWNLOAD_TIMEOUT_MS, stepMs: OCR_STEP_TIMEOUT_MS };

/** The sentence for a failed reading (ocr.ts has codes, not words). */
function failure(err: unknown): string {
  if (!(err instanceof Error) || err.name !== 'OcrError') return TEXT.screenshot.failed;
  const { code, size } = err as Error & Pick<OcrError, 'code' | 'size'>;
  switch (code) {
    case 'not-image':
      return TEXT.screenshot.notImage;
    case 'unreadable':
      return TEXT.screenshot.unreadable;
    case 'too-large':
      return TEXT.screenshot.tooLarge(size?.width ?? 0, size?.height ?? 0);
    case 'no-text':
      return TEXT.screenshot.noText;
    case 'stalled':
      return TEXT.screenshot.stalled;
    case 'failed':
      return TEXT.screenshot.failed;
  }
}

const progressLine = (p: OcrProgress) =>
  p.stage === 'start' ? TEXT.screenshot.starting(p.mb) : TEXT.screenshot.reading;

/** One image's reading: where it shows, and what it tells the troubleshooter. */
export interface Reading {
  /** The status line under the box. */
  status: HTMLElement;
  box: HTMLTextAreaElement;
  /** The site's base path, where the engine's files are. */
  base: string;
  /** False once a newer image or new text has come: this reading then says nothing more. */
  current: () => boolean;
  /** Hears that an image has arrived, before it is read. */
  onImage: () => void;
  /** Gets the text read. */
  onText: (text: string) => void;
}

/** Says how the reading goes, with a progress bar when there is a share to show. */
function show(status: HTMLElement, state: 'busy' | 'read' | 'error', message: string, share?: number): void {
  const children: (Node | string)[] = [message];
  // Labelled as it is made (ariaLabel sets aria-label): the bar is new each time.
  if (share !== undefined)
    children.push(
      ' ',
      Object.assign(document.createElement('progress'), {
        max: 1,
        value: share,
        ariaLabel: TEXT.screenshot.progressLabel,
      }),
    );
  status.replaceChildren(...children);
  status.dataset['state'] = state;
  status.hidden = false;
}

/** Reads `image` and hands its text on, saying in the status line how it goes or why it failed. */
export async function read(image: File, r: Reading): Promise<void> {
  if (!r.current()) return;
  if (!image.type.startsWith('image/')) {
    show(r.status, 'error', TEXT.screenshot.notImage);
    return;
  }
  show(r.status, 'busy', TEXT.screenshot.reading, 0);
  r.onImage();
  try {
    const { readScreenshot } = await import('./ocr');
    let reading = true;
    const { text, ms, scale } = await readScreenshot(
      image,
      r.base,
      (p) => {
        if (reading && r.current()) show(r.status, 'busy', progressLine(p), p.share);
      },
      limits,
    ).finally(() => (reading = false));
    if (!r.current()) return;
    r.box.dataset['source'] = 'screenshot';
    show(r.status, 'read', TEXT.screenshot.read);
    // For the bench and the tests: where the time went, and the scale the image was read at.
    r.status.dataset['ms'] = `${ms.prepare.toFixed(0)},${ms.start.toFixed(0)},${ms.read.toFixed(0)}`;
    r.status.dataset['scale'] = scale.toFixed(2);
    r.onText(text);
  } catch (err) {
    if (!r.current()) return;
    show(r.status, 'error', failure(err));
  }
}

let warmed = false;

/** Starts the engine's download ahead of an image on its way (once; again after a failure). */
export function warm(base: string): void {
  if (warmed) return;
  warmed = true;
  import('./ocr').then(({ warmUp }) => warmUp(base, limits)).catch(() => (warmed = false));
}
