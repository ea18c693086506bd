import { clip } from '../lib/cut';
import { labelFor } from '../lib/labels';

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

/** A message's values as a description list ("Txn date 03/14/2026"); null when there are none. */
export function valueList(values: Record<string, string>): HTMLElement | null {
  const entries = Object.entries(values).filter(([, v]) => v !== '');
  if (!entries.length) return null;
  const dl = el('dl', { className: 'values' });
  for (const [name, value] of entries) {
    dl.append(
      el(
        'div',
        {},
        el('dt', { textContent: labelFor(name) }),
        el('dd', {}, el('code', { textContent: clip(value, 160) })),
      ),
    );
  }
  return dl;
}
