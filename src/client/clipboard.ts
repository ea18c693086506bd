import { statusBeside } from './dom';
import * as TEXT from './text-page';

/**
 * Copies one text and says so next to the button. One text, not text/plain plus text/markdown:
 * Chromium writes no text/markdown, so what is copied must read well both ways (see lib/ticket.ts).
 */
export async function copyText(button: HTMLElement, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    statusBeside(button, TEXT.copied);
  } catch {
    statusBeside(button, TEXT.copyFailed);
  }
}
