import * as TEXT from './text-page';

/** Copies text (and Markdown as text/markdown where the browser allows) and says so next to the button. */
export async function copyText(
  button: HTMLElement,
  content: { text: string; markdown?: string } | string,
): Promise<void> {
  const { text, markdown } = typeof content === 'string' ? { text: content, markdown: undefined } : content;
  let status = button.nextElementSibling as HTMLElement | null;
  if (!status?.classList.contains('copy-status')) {
    status = Object.assign(document.createElement('span'), { className: 'copy-status' });
    status.setAttribute('role', 'status');
    button.after(' ', status);
  }
  try {
    if (
      markdown &&
      'ClipboardItem' in window &&
      'supports' in ClipboardItem &&
      ClipboardItem.supports('text/markdown')
    ) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/markdown': new Blob([markdown], { type: 'text/markdown' }),
        }),
      ]);
    } else await navigator.clipboard.writeText(text);
    status.textContent = TEXT.copied;
  } catch {
    status.textContent = TEXT.copyFailed;
  }
}
