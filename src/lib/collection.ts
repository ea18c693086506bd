/**
 * The error collection, loaded once per build, sorted for display and checked: a content problem
 * fails the build with a message naming the file and the field (see content-check.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '../consts';
import { checkAndIndex, formatProblems } from './content-check';
import { splitIndex, type BuiltIndex } from './matcher/build-index';

export type ErrorEntry = CollectionEntry<'errors'>;

interface Loaded {
  /** In home-page order (by category, then title). */
  errors: ErrorEntry[];
  /** The troubleshooter's indexes, built once from `errors` in that order: the content check ran on these very indexes. */
  index: BuiltIndex;
}

let cache: Promise<Loaded> | undefined;

async function load(): Promise<Loaded> {
  const order = (e: ErrorEntry) => CATEGORY_KEYS.indexOf(e.data.category);
  const errors = (await getCollection('errors')).sort(
    (a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title),
  );
  const start = performance.now();
  const { problems, index } = checkAndIndex(
    errors.map((e) => ({
      id: e.id,
      // The glob loader always gives the file's path (with its extension, .md or .mdx).
      file: e.filePath ?? `content/errors/${e.id}.{md,mdx}`,
      data: { ...e.data, related: e.data.related.map((r) => r.id) },
    })),
  );
  // One line per build: the check runs the matcher over every example, so its time grows with the
  // number of pages (npm run bench:scale reads this line to split the build's time by phase).
  console.info(
    `[content] ${errors.length} error pages checked in ${((performance.now() - start) / 1000).toFixed(2)} s`,
  );
  if (problems.length || !index) throw new Error(formatProblems(problems));
  return { errors, index };
}

/** All error pages, checked, in home-page order (by category, then title). */
export async function getErrors(): Promise<ErrorEntry[]> {
  cache ??= load();
  return (await cache).errors;
}

export interface CategoryGroup {
  key: CategoryKey;
  label: string;
  blurb: string;
  items: ErrorEntry[];
}

/** The error pages by category, in home-page order; categories without pages are left out. */
export async function getCategoryGroups(): Promise<CategoryGroup[]> {
  const errors = await getErrors();
  return CATEGORY_KEYS.map((key) => ({
    key,
    ...CATEGORIES[key],
    items: errors.filter((e) => e.data.category === key),
  })).filter((g) => g.items.length > 0);
}

/** The troubleshooter's indexes (exact and fuzzy stage), built once per build from the collection. */
export async function getMatchIndex(): Promise<BuiltIndex> {
  cache ??= load();
  return (await cache).index;
}

let parts: Promise<ReturnType<typeof splitIndex>> | undefined;

/** The exact stage's index as the browser loads it: /match-index.json and its parts (parts.ts). */
export function getMatchParts(): Promise<ReturnType<typeof splitIndex>> {
  parts ??= getMatchIndex().then(splitIndex);
  return parts;
}
