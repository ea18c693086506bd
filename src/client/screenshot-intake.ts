/**
 * Screenshots into the troubleshooter: an image pasted anywhere on the page, dropped on the box or
 * picked with "Read a screenshot" is read in the browser, and its text lands in the box, marked as
 * read from a screenshot, for the matcher. This module shows the controls (hidden in the HTML:
 * without JS they would do nothing) and listens. The reading (./screenshot-reader.ts, which loads
 * the engine in turn) is imported at the first image, or as one is on its way (the file dialog
 * opened, a file dragged over the box), so a text paste loads none of it.
 */
import * as TEXT from './text';

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
  let reader: Promise<typeof import('./screenshot-reader')> | undefined;
  /** The reader's code, imported once (a failed import is tried again at the next image). */
  const load = () =>
    (reader ??= import('./screenshot-reader').catch((err: unknown) => {
      reader = undefined;
      throw err;
    }));

  const clear = () => {
    latest++;
    status.hidden = true;
    status.replaceChildren();
    delete box.dataset['source'];
  };

  const read = (image: File) => {
    const id = ++latest;
    const current = () => id === latest;
    load().then(
      (r) => r.read(image, { status, box, base, current, onImage, onText }),
      (err: unknown) => {
        // A tab left open across a deploy asks for a file the new deploy no longer has.
        console.warn(err);
        if (!current()) return;
        status.textContent = TEXT.actionsFailed;
        status.dataset['state'] = 'error';
        status.hidden = false;
      },
    );
  };

  // Choosing a file takes a few seconds: the reader downloads meanwhile (never for a text paste).
  const warm = () => {
    load().then(
      (r) => r.warm(base),
      () => undefined,
    );
  };

  pick.addEventListener('click', () => {
    warm();
    input.click();
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) read(file);
  });
  // Anywhere on the page: an image with no text beside it (a copied spreadsheet cell brings both;
  // its text is what the person meant).
  document.addEventListener('paste', (event) => {
    const image = firstImage(event.clipboardData);
    if (image && !event.clipboardData?.getData('text/plain').trim()) {
      event.preventDefault();
      read(image);
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
    read(file);
  });
  box.addEventListener('input', () => {
    if (!box.value) clear();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') clear();
  });
}
