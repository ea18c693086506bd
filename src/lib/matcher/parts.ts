/**
 * The exact stage's index as the browser loads it: a small head (/match-index.json) and the pages'
 * patterns in parts (/match-index/<name>.json), which every visit loads in the same order, two at a
 * time, whatever is pasted: the requests say nothing about the paste.
 *
 * The head holds, part by part, a hash of a run of every pattern's needle (pattern.ts: the longest
 * literal run, which a paste must hold for the pattern to match). A paste is answered as soon as every part
 * with a needle hash the paste holds has arrived: the exact stage then finds every hit it would find
 * with the whole index, so the outcome is the same (tests/unit/parts.test.ts), and at 2,200 pages a
 * result no longer waits for all the parts. A paste that needs fuzzy search waits for all of them.
 *
 * The head brings the pages from the platform's help article itself (the errors it was written
 * for), and every page when they are few (at 39 pages, the whole index is the head); the parts bring
 * the rest in page order, PART_PAGES each (build-index.ts).
 */
import type { MatchIndex } from './types';

/** /match-index.json: what every paste needs, and where the patterns are. */
export interface MatchHead {
  v: 3;
  /** How many pages the index has (a part's page numbers are below it). */
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
  /** The parts in the order every visit loads them: the file's name and its patterns' needle grams (packGrams). */
  parts: [name: string, grams: [length: number, hashes: string][]][];
}

/** A page as the head and the parts bring it: its number in the index, slug, title and templates. */
export type PageRow = [page: number, slug: string, title: string, ...templates: string[]];

/** /match-index/<name>.json: the next pages. */
export interface MatchPart {
  v: 3;
  pages: PageRow[];
}

/**
 * The exact stage's index from the head and the parts that have arrived: a page of a part not yet
 * here has no patterns (no paste the gate let through can hit it).
 */
export function joinParts(head: MatchHead, parts: readonly (MatchPart | undefined)[]): MatchIndex {
  const pages: MatchIndex['pages'] = Array.from({ length: head.pages }, () => ['', '']);
  const add = (rows: readonly PageRow[]) => {
    for (const [page, ...row] of rows) pages[page] = row;
  };
  add(head.first);
  // `parts` may be sparse (the worker's arrived parts): for…of reads a hole as undefined.
  for (const part of parts) if (part) add(part.pages);
  return { v: 2, pages, codes: head.codes, titles: head.titles, groups: head.groups, general: head.general };
}
