/**
 * Screenshots into the troubleshooter: an image pasted anywhere on the page, dropped on the box or
 * picked with "Read a screenshot" is read in the browser (./ocr.ts, imported only now, so a text
 * paste loads none of it), and its text lands in the box, marked as read from a screenshot, for the
 * matcher. The controls are hidden in the HTML and shown here: without JS they would do nothing.
 */
import { OCR_DOWNLOAD_TIMEOUT_MS, OCR_STEP_TIMEOUT_MS } from '../lib/matcher/limits';
import type { OcrError, OcrProgress } from './ocr';
import * as TEXT from './text';

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

/** The first image file among a paste's or a drop's items. */
function firstImage(data: DataTransfer | null): File | undefined {
  for (const item of data?.items ?? [])
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile() ?? undefined;
  return undefined;
}

/**
 * Shows the screenshot controls and reads the images given to them. `onText` gets each reading's
 * text; `onImage` hears that an image has arrived, before it is read.
 */
export function wireScreenshots(
  root: HTMLElement,
  box: HTMLTextAreaElement,
  base: string,
  onText: (text: string) => void,
  onImage: () => void = () => undefined,
): void {
  const panel = root.querySelector<HTMLElement>('[data-screenshot]');
  const input = panel?.querySelector<HTMLInputElement>('input[type="file"]');
  const pick = panel?.querySelector<HTMLButtonElement>('button');
  const status = root.querySelector<HTMLElement>('[data-testid="screenshot-status"]');
  if (!panel || !input || !pick || !status) return;
  panel.hidden = false;
  /** Bumped by every image and every new text, so a reading that finishes late is dropped. */
  let latest = 0;
  const limits = { downloadMs: OCR_DOWNLOAD_TIMEOUT_MS, stepMs: OCR_STEP_TIMEOUT_MS };

  const show = (state: 'busy' | 'read' | 'error', message: string, share?: number) => {
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
  };
  const clear = () => {
    latest++;
    status.hidden = true;
    status.replaceChildren();
    delete box.dataset['source'];
  };

  const read = async (image: File): Promise<void> => {
    const id = ++latest;
    if (!image.type.startsWith('image/')) {
      show('error', TEXT.screenshot.notImage);
      return;
    }
    show('busy', TEXT.screenshot.reading, 0);
    onImage();
    try {
      const { readScreenshot } = await import('./ocr');
      let reading = true;
      const { text, ms, scale } = await readScreenshot(
        image,
        base,
        (p) => {
          if (reading && id === latest) show('busy', progressLine(p), p.share);
        },
        limits,
      ).finally(() => (reading = false));
      if (id !== latest) return;
      box.dataset['source'] = 'screenshot';
      show('read', TEXT.screenshot.read);
      // For the bench and the tests: where the time went, and the scale the image was read at.
      status.dataset['ms'] = `${ms.prepare.toFixed(0)},${ms.start.toFixed(0)},${ms.read.toFixed(0)}`;
      status.dataset['scale'] = scale.toFixed(2);
      onText(text);
    } catch (err) {
      if (id !== latest) return;
      show('error', failure(err));
    }
  };

  // Choosing a file takes a few seconds: the reader downloads meanwhile (never for a text paste).
  let warmed = false;
  const warm = () => {
    if (warmed) return;
    warmed = true;
    import('./ocr').then(({ warmUp }) => warmUp(base, limits)).catch(() => (warmed = false));
  };

  pick.addEventListener('click', () => {
    warm();
    input.click();
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void read(file);
  });
  // Anywhere on the page: an image with no text beside it (a copied spreadsheet cell brings both;
  // its text is what the person meant).
  document.addEventListener('paste', (event) => {
    const image = firstImage(event.clipboardData);
    if (image && !event.clipboardData?.getData('text/plain').trim()) {
      event.preventDefault();
      void read(image);
    } else if (event.target === box) clear();
  });
  box.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      warm();
      box.dataset['drop'] = '';
    }
  });
  box.addEventListener('dragleave', () => delete box.dataset['drop']);
  box.addEventListener('drop', (event) => {
    delete box.dataset['drop'];
    const file = firstImage(event.dataTransfer) ?? event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void read(file);
  });
  box.addEventListener('input', () => {
    if (!box.value) clear();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') clear();
  });
}
