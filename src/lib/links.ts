/**
 * Links that carry a message: `/#q=` (the troubleshooter, for tickets and helpdesk macros) and
 * `/errors/<slug>/#m=` (an error page with "Your message"). Both use the fragment, which browsers
 * never send to a server, so opening such a link sends no pasted text anywhere. Every internal URL
 * is base-path aware, so a `base` such as /qbo/ works.
 */
import { cut, encodeText } from './cut';
import type { MatchOutcome } from './matcher/types';

/** Longest message carried in a link. */
export const MAX_LINK_MESSAGE = 1500;

/** Shortens a long paste for a link: the parts that matched, else the start, cut at a line end. */
export function shortenForLink(text: string, outcome?: MatchOutcome): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_LINK_MESSAGE) return trimmed;
  const matched =
    outcome?.results
      .map((r) => r.occurrences[0]?.text ?? '')
      .filter(Boolean)
      .join('\n') ?? '';
  const source = matched && matched.length < trimmed.length ? matched : trimmed;
  if (source.length <= MAX_LINK_MESSAGE) return source;
  const start = cut(source, MAX_LINK_MESSAGE - 1);
  const lineEnd = start.lastIndexOf('\n');
  return `${lineEnd > MAX_LINK_MESSAGE / 2 ? start.slice(0, lineEnd) : start}…`;
}

/** `<base>#q=<message>`: opens the troubleshooter with the box filled (the fragment: never sent). */
export function troubleshooterHref(base: string, message: string): string {
  return `${base}#q=${encodeText(message)}`;
}

/**
 * `<base>errors/<slug>/#m=<message>` (the page alone without a message); `&v=possible` tells the
 * page the troubleshooter was not sure.
 */
export function errorHref(
  base: string,
  slug: string,
  message?: string,
  verdict?: 'match' | 'possible',
): string {
  const fragment = message ? `#m=${encodeText(message)}${verdict === 'possible' ? '&v=possible' : ''}` : '';
  return `${base}errors/${slug}/${fragment}`;
}

/**
 * Reads a message from `#m=` or `#q=` (fragment) or `?q=` (query: old links); '' when absent.
 * Never throws.
 */
export function readMessage(
  loc: { search: string; hash: string },
  keys: readonly string[] = ['m', 'q'],
): string {
  const read = (params: string) => {
    try {
      const p = new URLSearchParams(params);
      for (const k of keys) {
        const v = p.get(k);
        if (v) return v;
      }
    } catch {
      /* malformed: treat as absent */
    }
    return '';
  };
  return cut(read(loc.hash.replace(/^#/, '')) || read(loc.search.replace(/^\?/, '')), 20_000);
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Site-relative URL for a path such as "errors/foo/" (no leading slash needed). */
export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const errorPath = (slug: string) => errorHref(url(), slug);
export const guidePath = (slug: string) => url(`guides/${slug}/`);

/** Absolute URL (for canonical links, Open Graph and /errors.json). */
export function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}
