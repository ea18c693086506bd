import { clip } from '../lib/cut';
import { VALUE_CHARS } from '../lib/matcher/limits';
import { labelFor } from '../lib/labels';
import { readableValue } from '../lib/values';

/** Builds an element with properties and children. Text goes in as text nodes, never as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Says `text` in the status beside a button: a `role="status"` span right after it, made the first time. */
export function statusBeside(button: HTMLElement, text: string): void {
  let status = button.nextElementSibling as HTMLElement | null;
  if (!status?.classList.contains('copy-status')) {
    status = Object.assign(document.createElement('span'), { className: 'copy-status' });
    status.setAttribute('role', 'status');
    button.after(' ', status);
  }
  status.textContent = text;
}

/**
 * A message's values as a description list ("Txn date 03/14/2026"), each value as a person reads it
 * (a JSON list of accounts as their names); several values of one name (from several occurrences)
 * comma-separated. Null when there are none.
 */
export function valueList(values: Readonly<Record<string, string | readonly string[]>>): HTMLElement | null {
  const entries = Object.entries(values)
    .map(([name, v]) => [name, (typeof v === 'string' ? [v] : v).filter(Boolean)] as const)
    .filter(([, vs]) => vs.length > 0);
  if (!entries.length) return null;
  const dl = el('dl', { className: 'values' });
  for (const [name, vs] of entries) {
    dl.append(
      el(
        'div',
        {},
        el('dt', { textContent: labelFor(name) }),
        el('dd', {}, el('code', { textContent: clip(vs.map(readableValue).join(', '), VALUE_CHARS) })),
      ),
    );
  }
  return dl;
}
