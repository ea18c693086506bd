/**
 * What a ticket needs from an error page: its fix steps as text (step 1 first), which step each
 * value's note belongs to, and its message. Read from the page itself on an error page, or from
 * the page's HTML fetched on demand by the troubleshooter (a plain GET of the page: it carries
 * nothing pasted).
 */
export interface PageInfo {
  steps: string[];
  /** Placeholder name → the fix step where its note goes (`valueSteps` in the frontmatter). */
  valueSteps: Record<string, number>;
  /** The page's message, as its code block shows it. */
  message: string;
}

const text = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Reads a page (this document, or one parsed from fetched HTML). */
export function readPage(root: ParentNode): PageInfo {
  const steps = [...root.querySelectorAll<HTMLElement>('li.step[id^="step-"]')].map((li) => {
    const copy = li.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll('.step-link, .copy-status, [data-testid="tailored-note"]')
      .forEach((n) => n.remove());
    return text(copy);
  });
  let valueSteps: Record<string, number> = {};
  try {
    valueSteps = JSON.parse(
      root.querySelector<HTMLElement>('article.error-page')?.dataset['valueSteps'] ?? '{}',
    ) as Record<string, number>;
  } catch {
    /* a page without value steps */
  }
  const pre = root.querySelector('.message-block pre.message');
  return { steps, valueSteps, message: pre ? text(pre) : '' };
}

const cache = new Map<string, Promise<PageInfo | undefined>>();

/** Fetches and reads an error page once per URL; undefined when it cannot be had. */
export function fetchPage(url: string): Promise<PageInfo | undefined> {
  let info = cache.get(url);
  if (!info) {
    info = fetch(url)
      .then(async (res) =>
        res.ok ? readPage(new DOMParser().parseFromString(await res.text(), 'text/html')) : undefined,
      )
      .catch(() => undefined);
    cache.set(url, info);
  }
  return info;
}
