/**
 * Builds the match indexes from the error collection, at build time. The browser gets them as JSON:
 * /match-index.json (each page's slug, title and pattern templates, QBO codes and titles) before
 * the first result, and /fuzzy-index.json (per page: the message a `possible` result previews, its word
 * sequences, its prebuilt Fuse record, its summary's words) only when a paste needs fuzzy search.
 */
import Fuse from 'fuse.js';
import { ARTICLE_SOURCE } from '../../consts';
import { cut } from '../cut';
import { MESSAGE_PREVIEW_CHARS } from './limits';
import { collectGroups, packGroups, type GroupSource } from './groups';
import { needleGrams, packGrams } from './needle-gate';
import { PART_PAGES, streamBody, type MatchHead, type MatchPart, type PageRow } from './parts';
import { patternFacts, templateNeedle, templateText } from './pattern';
import { normalizeTemplate } from './normalize';
import { fuzzyKey, keywordPhrase, keywordWords, sequenceWords } from './words';
import {
  FUSE_KEYS,
  KEYWORDS_FIELD,
  type FuzzyFields,
  type FuzzyIndex,
  type FuzzyRecord,
  type MatchIndex,
} from './types';

/** What the index needs from one error page. */
export interface IndexSource {
  slug: string;
  title: string;
  patterns: string[];
  /** The message(s) as the source article writes them. */
  messages?: string[];
  qboCodes?: number[];
  qboTitles?: string[];
  /** The general page of its QBO codes (the schema's `qboGeneral`). */
  qboGeneral?: boolean;
  keywords?: string[];
  /** One or two plain sentences on the cause and the fix. */
  summary?: string;
  /** Its near-duplicate group, if any (groups.ts). */
  group?: GroupSource['group'];
  /** Where its facts come from (the error schema's `source`); none is the help article. */
  source?: { title: string; url?: string | undefined };
}

/**
 * The general pages (`qboGeneral`) of the QBO codes `page` has, itself aside: the right page for its
 * faults once `page` is not in the knowledge base (calibrate's left-out pastes, the bench's
 * leave-one-page-out table).
 */
export const generalPagesOf = (sources: readonly IndexSource[], page: IndexSource): IndexSource[] =>
  sources.filter((o) => o !== page && o.qboGeneral && o.qboCodes?.some((c) => page.qboCodes?.includes(c)));

/** An error entry (the content collection's, or load-content's) as the index reads it: its id is its slug. */
export function indexSource<D extends Omit<IndexSource, 'slug'>>(entry: {
  id: string;
  data: D;
}): D & IndexSource {
  return { slug: entry.id, ...entry.data };
}

export interface BuiltIndex {
  /** Exact stage: /match-index.json. */
  core: MatchIndex;
  /** Fuzzy stage: /fuzzy-index.json. */
  fuzzy: FuzzyIndex;
  /** The pages from the platform's help article, ascending: the first part the browser loads (parts.ts). */
  article: number[];
}

/**
 * A page's wording as text: its messages, its patterns (each placeholder a value slot), QuickBooks'
 * titles. QuickBooks' wordings (`qboWordings`) are left out: the patterns match them (the content
 * check makes sure), and their shared tail ("Please use a different name.") would pull a near-duplicate
 * page's pastes towards the page that lists them.
 */
export const pageWording = (src: IndexSource): string[] => [
  ...(src.messages ?? []),
  ...src.patterns.map(templateText),
  ...(src.qboTitles ?? []),
];

export function buildIndex(sources: readonly IndexSource[]): BuiltIndex {
  const pages: MatchIndex['pages'] = [];
  const messages: string[] = [];
  const codes: Record<string, number[]> = {};
  const titles: Record<string, number[]> = {};
  const records: FuzzyRecord[] = [];
  const seq: string[][] = [];
  const about: string[] = [];

  const unique = (texts: string[]) =>
    [...new Set(texts.flatMap((t) => fuzzyKey(t).split(' ')).filter(Boolean))].join(' ');
  const phrases = sources.map((src) => [...new Set((src.keywords ?? []).map(keywordPhrase).filter(Boolean))]);
  sources.forEach((src, p) => {
    const wording = pageWording(src);
    // Each template must compile (patternFacts throws a PatternError naming the problem); the
    // matcher compiles them again where it reads the index.
    for (const template of src.patterns) patternFacts(template);
    pages.push([src.slug, src.title, ...src.patterns]);
    // The message a `possible` card previews; one cut short says so (…), so it never reads as whole.
    const message = src.messages?.[0] ?? '';
    messages.push(
      message.length > MESSAGE_PREVIEW_CHARS ? `${cut(message, MESSAGE_PREVIEW_CHARS - 1)}…` : message,
    );
    for (const code of src.qboCodes ?? []) (codes[String(code)] ??= []).push(p);
    for (const t of src.qboTitles ?? []) (titles[normalizeTemplate(t).toLowerCase()] ??= []).push(p);
    // One record per page. Token search scores each word of the paste on its own, so a page's
    // message text is kept as its distinct words: the full source messages (patterns may be cut to
    // their distinctive part), the patterns and QuickBooks' titles.
    records.push({
      p,
      m: unique(wording),
      t: unique([src.title]),
      k: keywordWords(phrases[p]!),
    });
    about.push(unique([src.summary ?? '']));
    seq.push([...new Set(wording.map((t) => sequenceWords(normalizeTemplate(t)).join(' ')))]);
  });

  // Fuse writes one record per object document, in order: record p is page p.
  const fuseIndex = Fuse.createIndex([...FUSE_KEYS], records).toJSON();
  // The keywords' field is not shipped: fuzzy.ts has Fuse.js build it again from their phrases.
  const fields = fuseIndex.records.map((r) => {
    const { [KEYWORDS_FIELD]: _keywords, ...rest } = (r as { $: FuzzyFields }).$;
    return rest;
  });
  const groups = packGroups(collectGroups(sources.map((src) => ({ slug: src.slug, group: src.group }))));
  return {
    article: sources.flatMap((src, p) =>
      !src.source || src.source.title === ARTICLE_SOURCE.title ? [p] : [],
    ),
    core: {
      v: 2,
      pages,
      codes,
      titles,
      groups,
      general: sources.flatMap((src, p) => (src.qboGeneral ? [p] : [])),
    },
    fuzzy: {
      v: 4,
      keys: fuseIndex.keys,
      pages: sources.map((_, p) => [messages[p]!, seq[p]!, fields[p]!, about[p]!, phrases[p]!]),
    },
  };
}

/** The parts' file name: FNV-1a of its body, so a changed file never meets an old head in a cache. */
function partName(body: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The exact stage's index as the browser loads it (parts.ts): /match-index.json, which brings the
 * article's pages (every page, when there are PART_PAGES or fewer), and the file of its parts
 * (/match-index/<name>.json), the other pages in page order, PART_PAGES to a part.
 */
export function splitIndex(built: BuiltIndex): {
  head: MatchHead;
  parts: MatchPart[];
  stream: { name: string; body: string } | undefined;
} {
  const { core, article } = built;
  const all = core.pages.map((_, p) => p);
  const small = all.length <= PART_PAGES;
  const inHead = new Set(small ? all : article);
  const rest = all.filter((p) => !inHead.has(p));
  const row = (p: number): PageRow => [p, ...core.pages[p]!];
  const needles = core.pages.map(([, , ...templates]) => templates.map(templateNeedle));
  const grams = needleGrams(needles.flat());
  let at = 0;
  const gramsOf = needles.map((ns) => grams.slice(at, (at += ns.length)));
  const members: number[][] = [];
  for (let i = 0; i < rest.length; i += PART_PAGES) members.push(rest.slice(i, i + PART_PAGES));
  const parts = members.map((ps) => ps.map((p) => core.pages[p]!));
  const body = parts.length ? streamBody(parts) : undefined;
  const stream = body === undefined ? undefined : { name: partName(body), body };
  return {
    head: {
      v: 4,
      pages: core.pages.length,
      codes: core.codes,
      titles: core.titles,
      general: core.general,
      first: [...inHead].map(row),
      groups: core.groups,
      stream: stream?.name ?? '',
      parts: members.map((ps) => packGrams(ps.flatMap((p) => gramsOf[p]!))),
    },
    parts,
    stream,
  };
}
