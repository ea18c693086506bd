import * as TEXT from './text-page';

/**
 * Copies one text and says so next to the button. One text, not text/plain plus text/markdown:
 * Chromium writes no text/markdown, so what is copied must read well both ways (see lib/ticket.ts).
 */
export async function copyText(button: HTMLElement, text: string): Promise<void> {
  let status = button.nextElementSibling as HTMLElement | null;
  if (!status?.classList.contains('copy-status')) {
    status = Object.assign(document.createElement('span'), { className: 'copy-status' });
    status.setAttribute('role', 'status');
    button.after(' ', status);
  }
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = TEXT.copied;
  } catch {
    status.textContent = TEXT.copyFailed;
  }
}
