/**
 * The corpora's standing labelling rules, applied by script: a description in a person's own words
 * that quotes QuickBooks is a pasted message, and is relabelled in place.
 *
 * - `code-title` (sessions 25–27): it carries its page's QBO code as a number; or one of its QBO
 *   titles or message identifiers written as one word ("BusinessUnitsNotSupported error on journal
 *   entry"); or one of its QBO titles of two words or more word for word ("invalid reference id
 *   error on invoice export"), or of one, as more than half its words.
 * - `prose` (session 29): the exact stage finds one of its own page's patterns in it (a ticket that
 *   quotes "System Failure Error"): QuickBooks' message quoted in a sentence, which no threshold on
 *   the model can keep from a `match`.
 * - `cut-off` (session 35): five words or more of its page's message in a row, word for word
 *   (apostrophes aside), make up two thirds of it or more ("deposit total doesn't match sum of
 *   payments"): the message copied without its values, a piece of a pasted message, not a
 *   description.
 *
 * `npm run relabel` counts per folder and half (A: even index, B: odd) and never prints a case;
 * `-- --write` rewrites the folders. A unit test checks that every folder follows the rules, so a
 * new corpus is relabelled before its first figures are taken.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildIndex, indexSource } from '../src/lib/matcher/build-index';
import { matcherOfIndex } from '../src/lib/matcher/full';
import { IDENTIFIER } from '../src/lib/matcher/words';
import { loadErrors } from '../src/lib/node/load-content';
import { corpusFile, CORPUS_DIR, type Case } from './corpora';

/** A text's words: letters and digits, humps split (`AuthorizationFailed`: "authorization failed"), lower case. */
const wordsOf = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The fewest words of a page's message, in a row, that make a text a quote of it (quotesMessage). */
const QUOTE_RUN = 5;

/** Which own-words cases of a folder the rules relabel, and to what; the folders' files. */
export function relabelling(): {
  folders: string[];
  file: (folder: string) => string;
  relabel: (c: Case) => 'code-title' | 'prose' | 'cut-off' | undefined;
} {
  const entries = loadErrors();
  const pages = new Map(entries.map((e) => [e.id, e.data]));
  const built = buildIndex(entries.map(indexSource));
  const slugs = built.core.pages.map(([slug]) => slug);
  let hits: string[] = [];
  const matcher = matcherOfIndex(built, {
    exact: (found) => {
      for (const h of found) hits.push(slugs[h.page]!);
    },
  });
  const saysName = (slug: string, text: string): boolean => {
    const d = pages.get(slug);
    if (!d) return false;
    if ((d.qboCodes ?? []).some((c) => new RegExp(`(?<![\\d.])${c}(?![\\d.])`).test(text))) return true;
    const typed = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
    const titles = d.qboTitles ?? [];
    const identifiers = [...titles, ...d.messages.flatMap((m) => m.match(IDENTIFIER) ?? [])];
    if (identifiers.some((t) => typed.has(t.toLowerCase().replace(/[^a-z0-9]/g, '')))) return true;
    const words = wordsOf(text);
    const said = ` ${words.join(' ')} `;
    return titles.some((t) => {
      const title = wordsOf(t);
      return said.includes(` ${title.join(' ')} `) && (title.length >= 2 || 2 * title.length > words.length);
    });
  };
  // Apostrophes aside: "didnt" is "didn't" left unpunctuated, the same word.
  const plainWords = (s: string) => wordsOf(s.replace(/['’]/g, ''));
  // Each page's messages as word sequences, for quotesMessage.
  const messageWords = new Map(entries.map((e) => [e.id, e.data.messages.map(plainWords)]));
  const quotesMessage = (slug: string, text: string): boolean => {
    const words = plainWords(text);
    let run = 0;
    for (const m of messageWords.get(slug) ?? [])
      for (let i = 0; i < words.length; i++)
        for (let j = 0; j < m.length; j++) {
          let k = 0;
          while (i + k < words.length && j + k < m.length && words[i + k] === m[j + k]) k++;
          run = Math.max(run, k);
        }
    return run >= QUOTE_RUN && run * 3 >= words.length * 2;
  };
  const quotesPattern = (slug: string, text: string): boolean => {
    hits = [];
    matcher.match(text);
    return hits.includes(slug);
  };
  return {
    folders: ['', ...readdirSync(CORPUS_DIR).filter((d) => existsSync(corpusFile(d, 'single')))],
    file: (folder) => corpusFile(folder, 'single'),
    relabel: (c) => {
      if (c.kind !== 'own-words' || typeof c.expect !== 'string') return undefined;
      if (saysName(c.expect, c.text)) return 'code-title';
      if (quotesPattern(c.expect, c.text)) return 'prose';
      if (quotesMessage(c.expect, c.text)) return 'cut-off';
      return undefined;
    },
  };
}

/** Per folder: how many cases of each half (A, B) the rules relabel. Rewrites the files with `write`. */
export function relabelCounts(write = false): { folder: string; a: number; b: number }[] {
  const { folders, file, relabel } = relabelling();
  return folders.map((folder) => {
    const raw = readFileSync(file(folder), 'utf8');
    const cases = JSON.parse(raw) as Case[];
    const n = [0, 0];
    cases.forEach((c, i) => {
      const kind = relabel(c);
      if (!kind) return;
      n[i % 2]!++;
      c.kind = kind;
    });
    if (write && n[0]! + n[1]!)
      writeFileSync(
        file(folder),
        JSON.stringify(cases, null, /^\[\n {2}\S/.test(raw) ? 2 : 1) + (raw.endsWith('\n') ? '\n' : ''),
      );
    return { folder: folder || '(dev)', a: n[0]!, b: n[1]! };
  });
}

if (process.argv[1]?.endsWith('labels.ts')) {
  const write = process.argv.includes('--write');
  for (const { folder, a, b } of relabelCounts(write))
    console.log(`${folder}: A ${a}, B ${b}${write && a + b ? ' (rewritten)' : ''}`);
}
