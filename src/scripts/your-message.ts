/**
 * Error pages: when opened from the troubleshooter (or a ticket link) with `#m=<message>`, shows a
 * "Your message" panel with the values marked. The marking code loads only then. Text only, never HTML.
 */
import { readMessage } from '../lib/links';

async function show(): Promise<void> {
  const host = document.getElementById('your-message');
  if (!host) return;
  const message = readMessage(location, ['m']);
  if (!message) {
    host.hidden = true;
    return;
  }
  let patterns: string[] = [];
  try {
    patterns = JSON.parse(host.dataset['patterns'] ?? '[]') as string[];
  } catch {
    console.warn('[your-message] page patterns are not valid JSON');
  }
  const { markMessage } = await import('../lib/matcher/mark');
  const { labelFor } = await import('./render-results');
  const parts = markMessage(message, patterns);
  const h = Object.assign(document.createElement('h2'), { id: 'your-message-title', textContent: 'Your message' });
  const code = document.createElement('code');
  for (const p of parts) {
    if (p.name) {
      const v = Object.assign(document.createElement('var'), { textContent: p.text, title: labelFor(p.name) });
      v.dataset['name'] = p.name;
      code.append(v);
    } else code.append(p.text);
  }
  const pre = document.createElement('pre');
  pre.className = 'message';
  pre.append(code);
  const nodes: Node[] = [h, pre];
  const named = parts.filter((p) => p.name);
  if (named.length) {
    const dl = Object.assign(document.createElement('dl'), { className: 'values' });
    for (const p of named) {
      const div = document.createElement('div');
      div.append(Object.assign(document.createElement('dt'), { textContent: labelFor(p.name!) }), Object.assign(document.createElement('dd'), { textContent: p.text }));
      dl.append(div);
    }
    nodes.push(dl);
  } else if (parts.length === 1) {
    nodes.push(Object.assign(document.createElement('p'), { className: 'note', textContent: 'This message does not follow this page’s usual wording exactly. Check that it is the same error.' }));
  }
  host.replaceChildren(...nodes);
  host.setAttribute('aria-labelledby', 'your-message-title');
  host.hidden = false;
}

void show();
addEventListener('hashchange', () => void show());
