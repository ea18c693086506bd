/**
 * The exact stage's index as the browser loads it: a small head (/match-index.json) and the other
 * pages' patterns in parts, one part per line of one file (/match-index/<name>.json), which every
 * visit loads whole, from the start, whatever is pasted: the request says nothing about the paste.
 * The worker reads the file as it arrives, a part at each line (stream.ts).
 *
 * The head holds, part by part, a hash of a run of every pattern's needle (pattern.ts: the longest
 * literal run, which a paste must hold for the pattern to match). A paste is answered as soon as every part
 * with a needle hash the paste holds has arrived: the exact stage then finds every hit it would find
 * with the whole index, so the outcome is the same (tests/unit/parts.test.ts), and at 2,200 pages a
 * result no longer waits for all the parts. A paste that needs fuzzy search waits for all of them.
 *
 * The head brings the pages from the platform's help article itself (the errors it was written
 * for), and every page when they are few (at 39 pages, the whole index is the head); the parts bring
 * the rest in page order, PART_PAGES each (build-index.ts), without their page numbers (a part's
 * place says which pages it holds).
 */
import type { MatchIndex } from './types';

/** /match-index.json: what every paste needs, and where the patterns are. */
export interface MatchHead {
  v: 4;
  /** How many pages the index has (the head's and the parts'). */
  pages: number;
  /** QBO error code → pages. */
  codes: MatchIndex['codes'];
  /** QBO short fault title (lowercase, normalized) → pages. */
  titles: MatchIndex['titles'];
  /** The general pages of their QBO codes. */
  general: MatchIndex['general'];
  /** The pages that come with the head (the article's, or all when they are few). */
  first: PageRow[];
  /** Near-duplicate groups, by slug (a member's part may not have arrived yet), as the whole index has them. */
  groups: MatchIndex['groups'];
  /** The name of the file that holds the parts, one to a line (streamBody); '' when the head is the whole index. */
  stream: string;
  /** Each part's patterns' needle grams (packGrams), in the file's order. */
  parts: [length: number, hashes: string][][];
}

/** Pages in a part: at 2,200 pages, 44 parts of about 2.1 KB gzip each. An index this size or smaller is all head. */
export const PART_PAGES = 50;

/** A page as the head brings it: its number in the index, slug, title and templates. */
export type PageRow = [page: number, ...row: PartRow];

/** A page as a part brings it: its slug, title and templates. */
export type PartRow = [slug: string, title: string, ...templates: string[]];

/** A part: the next PART_PAGES of the pages the head does not bring, in page order. */
export type MatchPart = PartRow[];

/**
 * /match-index/<name>.json: a JSON array of the parts, one to a line, so that the file is JSON as a
 * whole (a host compresses it as it does any JSON) and each line up to its comma is one part.
 */
export function streamBody(parts: readonly MatchPart[]): string {
  return `[\n${parts.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}

/**
 * The exact stage's index from the head and the parts that have arrived: a page of a part not yet
 * here has no patterns (no paste the gate let through can hit it).
 */
export function joinParts(head: MatchHead, parts: readonly (MatchPart | undefined)[]): MatchIndex {
  const pages: MatchIndex['pages'] = Array.from({ length: head.pages }, () => ['', '']);
  for (const [page, ...row] of head.first) pages[page] = row;
  const inHead = new Set(head.first.map(([page]) => page));
  const rest = pages.map((_, p) => p).filter((p) => !inHead.has(p));
  // `parts` may be sparse (the worker's arrived parts): forEach skips a hole.
  parts.forEach((part, k) => part?.forEach((row, i) => (pages[rest[k * PART_PAGES + i]!] = row)));
  return { v: 2, pages, codes: head.codes, titles: head.titles, groups: head.groups, general: head.general };
}
