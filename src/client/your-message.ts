/**
 * Error pages. When opened with `#m=<message>` (from the troubleshooter or a ticket link), shows a
 * "Your message" panel with the values marked, and puts tailored notes at the fix steps where they
 * matter (`valueSteps` in the page's frontmatter). Also wires "Copy for ticket". The marking and
 * tailoring code loads only when there is a message. Text only, never HTML.
 */
import { readMessage } from '../lib/links';
import { ticketText } from '../lib/ticket';
import { copyText } from './clipboard';
import { el, valueList } from './dom';
import { labelFor } from '../lib/labels';
import { TEXT } from './text';

const article = document.querySelector<HTMLElement>('article.error-page');
const host = document.getElementById('your-message');

function parseJson<T>(raw: string | undefined, fallback: T): T {
  try {
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    console.warn('[your-message] page data is not valid JSON');
    return fallback;
  }
}

let current: { message: string; values: Record<string, string>; tailored?: string } | undefined;

async function show(): Promise<void> {
  if (!article || !host) return;
  document.querySelectorAll('[data-testid="tailored-note"]').forEach((n) => n.remove());
  const message = readMessage(location, ['m']);
  if (!message) {
    host.hidden = true;
    current = undefined;
    return;
  }
  const patterns = parseJson<string[]>(article.dataset['patterns'], []);
  const valueSteps = parseJson<Record<string, number>>(article.dataset['valueSteps'], {});
  const [{ markMessage }, { tailor }] = await Promise.all([
    import('../lib/matcher/mark'),
    import('../lib/tailor'),
  ]);
  const { parts, values } = markMessage(message, patterns);
  const code = el('code');
  for (const p of parts) {
    if (!p.name) code.append(p.text);
    else {
      const v = el('var', { textContent: p.text, title: labelFor(p.name) });
      v.dataset['name'] = p.name;
      code.append(v);
    }
  }
  const nodes: Node[] = [
    el('h2', { id: 'your-message-title', textContent: TEXT.yourMessage.heading }),
    el('pre', { className: 'message' }, code),
  ];
  const list = valueList(values);
  if (list) nodes.push(list);
  else if (parts.length === 1) {
    nodes.push(
      el('p', {
        className: 'note',
        textContent: TEXT.yourMessage.offPattern,
      }),
    );
  }
  const notes = tailor(values);
  for (const note of notes) {
    const box = el('div', { className: 'tailored' }, el('p', { textContent: note.text }));
    box.dataset['testid'] = 'tailored-note';
    box.dataset['anchor'] = note.anchor;
    if (note.rows) {
      const table = el(
        'table',
        { className: 'checklist' },
        el('caption', { textContent: TEXT.yourMessage.accountsCaption }),
      );
      table.append(
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...TEXT.yourMessage.accountsColumns.map((h) => el('th', { scope: 'col', textContent: h })),
          ),
        ),
      );
      const body = el('tbody');
      note.rows.forEach((r, i) => {
        const done: HTMLInputElement = el('input', { type: 'checkbox', id: `account-${i}` });
        done.setAttribute('aria-label', TEXT.yourMessage.accountDone(r.name || r.number));
        const cells: HTMLElement[] = [r.number, r.name, r.type, r.subtype].map((c) =>
          el('td', { textContent: c }),
        );
        body.append(el('tr', {}, el('td', {}, done), ...cells));
      });
      table.append(body);
      box.append(table);
    }
    const step = valueSteps[note.anchor];
    const li = step ? document.getElementById(`step-${step}`) : null;
    if (li) li.append(box);
    else nodes.push(box);
  }
  host.replaceChildren(...nodes);
  host.setAttribute('aria-labelledby', 'your-message-title');
  host.hidden = false;
  current = { message, values, ...(notes[0] ? { tailored: notes[0].text } : {}) };
}

const copy = document.querySelector<HTMLButtonElement>('[data-copy-ticket]');
if (copy && article) {
  copy.disabled = false;
  copy.addEventListener('click', () => void copyTicket(copy, article));
}

async function copyTicket(copy: HTMLButtonElement, article: HTMLElement): Promise<void> {
  {
    const url = new URL(location.pathname, location.href);
    const step = /^#step-\d+$/.test(location.hash) ? location.hash : '';
    const t = ticketText({
      title: article.dataset['title'] ?? document.title,
      url: url.href + step,
      fix: article.dataset['summary'] ?? '',
      ...(current ? { message: current.message, values: current.values } : {}),
      ...(current?.tailored ? { tailored: current.tailored } : {}),
    });
    await copyText(copy, t);
  }
}

void show();
// A new message in the fragment replaces the panel; an in-page link (the skip link, `#step-N`)
// leaves the fragment without one, and keeps it.
addEventListener('hashchange', () => {
  if (readMessage(location, ['m'])) void show();
});
