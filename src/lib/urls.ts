/** Base-path-aware links. Every internal URL goes through here, so a `base` such as /qbo/ works. */
import { errorHref } from './links';

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
