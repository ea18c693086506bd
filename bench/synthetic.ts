/**
 * Synthetic error pages for the scale benchmark: made-up messages that mix pseudo-words with the
 * real pages' words (so fuzzy search has real competition) and carry typed placeholders.
 */
import type { IndexSource } from '../src/lib/matcher/build-index';
import { fuzzyKey } from '../src/lib/matcher/words';
import { fillTemplate, templateText } from '../src/lib/matcher/pattern';
import { parseErrorFile, type NodeErrorEntry } from '../src/lib/node/load-content';

/** A page's message and pattern words (fuzzyKey), each placeholder left out. */
const pageWords = (s: IndexSource): string[] =>
  fuzzyKey([...(s.messages ?? []), ...s.patterns.map(templateText)].join(' ')).split(' ');

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Where a synthetic page says its facts come from: not the help article, whose 22 errors are all
 * real pages; a grown knowledge base grows from other sources.
 */
export const SYNTHETIC_SOURCE = { title: 'Made up for the scale benchmark' } as const;

const SYLLABLES = 'ka lo mi ne ru ta vo xe zu pri stel gor ban dex fil mur quon rast tiv yel'.split(' ');
const PLACEHOLDERS = ['{amount:number}', '"{name:text}"', '{when:date}', '{ref:int}', '{key:id}'];

/**
 * `count` synthetic pages whose words are partly the `real` pages' message words. `avoid` leaves out
 * real words that must not appear (the scale bench's pages leave out any word that is on its own a
 * real page's pattern, such as "MultiLevelAutoExport", so that every page passes the content check).
 */
export function syntheticPages(
  count: number,
  real: readonly IndexSource[],
  seed = 7,
  avoid: (word: string) => boolean = () => false,
): IndexSource[] {
  const realWords = [...new Set(real.flatMap(pageWords))].filter((w) => w && !avoid(w));
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const pseudo = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join('');
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 6) }, () =>
      rnd() < 0.35 ? pick(realWords) : pseudo(),
    );
    // A unique leading code word keeps every synthetic page distinct from every other.
    const head = `${pseudo()}${i.toString(36)}`;
    const ph = pick(PLACEHOLDERS);
    const at = 3 + Math.floor(rnd() * (words.length - 4));
    const message = [head, ...words.slice(0, at), ph, ...words.slice(at)].join(' ');
    return {
      slug: `synthetic-${i}`,
      title: `Synthetic error ${i} ${words.slice(0, 3).join(' ')}`,
      patterns: [message],
      messages: [fillTemplate(message, () => 'NNN')],
      keywords: [words.slice(0, 2).join(' ')],
      source: SYNTHETIC_SOURCE,
    };
  });
}

/** Values that fill a synthetic pattern's placeholders: one per example, by type. */
const SAMPLE_VALUES: Record<string, readonly string[]> = {
  number: ['1,250.00', '87.5', '40210.99'],
  text: ['Acme Plumbing', 'North Shop', 'Main Street Supply'],
  date: ['03/14/2026', '2026-01-15', '11/30/2025'],
  int: ['4512', '88123', '907'],
  id: ['A17', 'ST-2291', 'inv:9f31c'],
};
/** The help article's generalized token for each placeholder type (a date takes MM/DD/YYYY, not NNN). */
const GENERAL: Record<string, string> = { date: 'MM/DD/YYYY' };
const fill = (pattern: string, value: (type: string) => string) =>
  fillTemplate(pattern, (p) => value(p.type));

/**
 * A synthetic page (from `syntheticPages`) as a content/errors/<slug>.md file (plain Markdown: it
 * imports no component) that passes the schema and the content check: three examples that fill its
 * placeholders, a category and a fix place taken in turn, and a body with both sections.
 */
export function syntheticMarkdown(page: IndexSource, categories: readonly string[], index: number): string {
  const pattern = page.patterns[0]!;
  const message = fill(pattern, (type) => GENERAL[type] ?? 'NNN');
  const examples = [0, 1, 2].map((i) => fill(pattern, (type) => SAMPLE_VALUES[type]?.[i] ?? 'X1'));
  const words = message
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/);
  const q = JSON.stringify;
  const list = (xs: readonly string[]) => xs.map((x) => `\n  - ${q(x)}`).join('');
  return `---
title: ${q(page.title.length > 90 ? page.title.slice(0, 90).replace(/\s+\S*$/, '') : page.title)}
summary: ${q(`A made-up error for the scale benchmark: ${words.slice(0, 12).join(' ')}.`)}
category: ${categories[index % categories.length]!}
messages:${list([message])}
patterns:${list([pattern])}
examples:${list(examples)}
fixIn: ${(['qbo', 'platform', 'both', 'support'] as const)[index % 4]}
retry: ${index % 3 === 0}
keywords:${list(page.keywords ?? [])}
source:
  title: ${q(SYNTHETIC_SOURCE.title)}
lastReviewed: 2026-11-25
---

## What it means

QuickBooks Online refused the export because ${words.slice(1, 9).join(' ')}. This page is one of the
synthetic pages the scale benchmark writes; its words are made up.

## How to fix it

1. Open the record named in the message and check ${words.slice(2, 6).join(' ')}.
2. Correct it in QuickBooks Online or on the platform, then export again.
3. If the export fails the same way, contact Technical Support with the whole message.
`;
}

/**
 * The synthetic pages of an `n`-page knowledge base (the real pages plus `n - real.length` made-up
 * ones), as the scale bench writes them. They share the real pages' common words (those in two or
 * more real pages' messages) and never a word that points to one real page ("MultiLevelAutoExport"
 * is on its own a pattern): with those, a real page's cut-off example would no longer find its page
 * and the content check would fail the build.
 */
export function scalePages(n: number, real: readonly IndexSource[]): IndexSource[] {
  const pagesWith = new Map<string, number>();
  for (const s of real) for (const w of new Set(pageWords(s))) pagesWith.set(w, (pagesWith.get(w) ?? 0) + 1);
  return syntheticPages(n - real.length, real, 7, (w) => (pagesWith.get(w) ?? 0) < 2);
}

/** Synthetic pages as the content layer reads them back from their Markdown files (examples and all). */
export function syntheticEntries(
  pages: readonly IndexSource[],
  categories: readonly string[],
): NodeErrorEntry[] {
  return pages.map((p, i) =>
    parseErrorFile(`content/errors/${p.slug}.md`, syntheticMarkdown(p, categories, i)),
  );
}
