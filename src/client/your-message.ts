/**
 * Error pages. When opened with `#m=<message>` (from the troubleshooter or a ticket link), shows a
 * "Your message" panel with the values marked, and puts tailored notes at the fix steps where they
 * matter (`valueSteps` in the page's frontmatter). Also wires "Copy for ticket". The marking and
 * tailoring code loads only when there is a message. Text only, never HTML.
 */
import { readMessage } from '../lib/links';
import { ticketText, type TicketNote } from '../lib/ticket';
import { readPage } from './page-info';
import { copyText } from './clipboard';
import { el, valueList } from './dom';
import { labelFor } from '../lib/labels';
import { valuesSeen } from '../lib/values';
import * as TEXT from './text-page';

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

/** The message on show, for "Copy for ticket". */
let current:
  | {
      message: string;
      values: Record<string, string[]>;
      notes: TicketNote[];
      /** The troubleshooter was not sure (`&v=possible`), or the message does not fit the page's pattern. */
      possible: boolean;
    }
  | undefined;

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
  // Several lines that each fit the page's pattern (the same error, seen several times) are marked
  // line by line, and every line's values count; otherwise the message is marked whole.
  const whole = markMessage(message, patterns);
  const lines = message.includes('\n') ? message.split('\n').map((l) => markMessage(l, patterns)) : [];
  const hits = lines.filter((m) => m.parts.some((p) => p.name));
  const byLine = hits.length > 1;
  const parts = byLine ? lines.flatMap((m, i) => [...(i ? [{ text: '\n' }] : []), ...m.parts]) : whole.parts;
  const values = byLine ? hits[0]!.values : whole.values;
  const all = byLine ? hits.map((m) => m.values) : [values];
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
  const possible = new URLSearchParams(location.hash.slice(1)).get('v') === 'possible';
  if (possible) nodes.push(el('p', { className: 'note', textContent: TEXT.yourMessage.possible }));
  const list = valueList(valuesSeen(all));
  if (list) nodes.push(list);
  else if (parts.length === 1) {
    nodes.push(
      el('p', {
        className: 'note',
        textContent: TEXT.yourMessage.offPattern,
      }),
    );
  }
  const notes = tailor(values, all);
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
        // Three columns, so the list fits a phone: "1200 Undeposited Funds", "Asset (Undeposited Funds)".
        const account = [r.number, r.name].filter(Boolean).join(' ');
        const type = r.subtype && r.subtype !== r.type ? `${r.type} (${r.subtype})` : r.type;
        body.append(
          el(
            'tr',
            {},
            el('td', {}, done),
            el('td', { textContent: account }),
            el('td', { textContent: type }),
          ),
        );
      });
      table.append(body);
      box.append(el('div', { className: 'table-scroll' }, table));
    }
    const step = valueSteps[note.anchor];
    const li = step ? document.getElementById(`step-${step}`) : null;
    if (li) li.append(box);
    else nodes.push(box);
  }
  host.replaceChildren(...nodes);
  host.setAttribute('aria-labelledby', 'your-message-title');
  host.hidden = false;
  current = {
    message,
    values: valuesSeen(all),
    notes: notes.map((n) =>
      valueSteps[n.anchor] ? { text: n.text, step: valueSteps[n.anchor]! } : { text: n.text },
    ),
    possible: possible || !parts.some((p) => p.name),
  };
}

// "Link to step N" copies the page's link to that step (without the message); without JS it is a
// plain in-page link.
article?.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.step-link');
  if (!link) return;
  event.preventDefault();
  void copyText(link, new URL(`${location.pathname}${link.hash}`, location.href).href);
});

const copy = document.querySelector<HTMLButtonElement>('[data-copy-ticket]');
if (copy && article) {
  copy.disabled = false;
  copy.addEventListener('click', () => void copyTicket(copy, article));
}

async function copyTicket(copy: HTMLButtonElement, article: HTMLElement): Promise<void> {
  const url = new URL(location.pathname, location.href);
  const step = /^#step-\d+$/.test(location.hash) ? location.hash : '';
  const t = ticketText({
    title: article.dataset['title'] ?? document.title,
    url: url.href + step,
    steps: readPage(document).steps,
    fix: article.dataset['summary'] ?? '',
    ...(current
      ? {
          verdict: current.possible ? 'possible' : 'match',
          message: current.message,
          values: current.values,
          notes: current.notes,
        }
      : {}),
  });
  await copyText(copy, t);
}

void show();
// A new message in the fragment replaces the panel; an in-page link (the skip link, `#step-N`)
// leaves the fragment without one, and keeps it.
addEventListener('hashchange', () => {
  if (readMessage(location, ['m'])) void show();
});
