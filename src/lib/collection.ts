/**
 * The error collection, loaded once per build, sorted for display and checked: a content problem
 * fails the build with a message naming the file and the field (see content-check.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '../consts';
import { checkContent, formatProblems } from './content-check';
import { buildIndex, type BuiltIndex } from './matcher/build-index';

export type ErrorEntry = CollectionEntry<'errors'>;

let cache: Promise<ErrorEntry[]> | undefined;

async function load(): Promise<ErrorEntry[]> {
  const entries = await getCollection('errors');
  const start = performance.now();
  const problems = checkContent(
    entries.map((e) => ({
      id: e.id,
      file: e.filePath ?? `content/errors/${e.id}.mdx`,
      data: { ...e.data, related: e.data.related.map((r) => r.id) },
    })),
  );
  // One line per build: the check runs the matcher over every example, so its time grows with the
  // number of pages (npm run bench:scale reads this line to split the build's time by phase).
  console.info(
    `[content] ${entries.length} error pages checked in ${((performance.now() - start) / 1000).toFixed(2)} s`,
  );
  if (problems.length) throw new Error(formatProblems(problems));
  const order = (e: ErrorEntry) => CATEGORY_KEYS.indexOf(e.data.category);
  return entries.sort((a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title));
}

/** All error pages, checked, in home-page order (by category, then title). */
export function getErrors(): Promise<ErrorEntry[]> {
  cache ??= load();
  return cache;
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

let index: Promise<BuiltIndex> | undefined;

/** The troubleshooter's indexes (exact and fuzzy stage), built once per build from the collection. */
export function getMatchIndex(): Promise<BuiltIndex> {
  index ??= getErrors().then((errors) => buildIndex(errors.map(({ id, data }) => ({ slug: id, ...data }))));
  return index;
}
