/**
 * Build-time content checks that a schema cannot express: unique slugs and aliases, links that
 * point somewhere, examples that the matcher sends to their own page and no other, and the
 * near-duplicate groups (group-check.ts).
 * Pure: the build (src/lib/collection.ts) and the unit tests both call it.
 */
import { checkGroups } from './group-check';
import { buildIndex, type BuiltIndex, indexSource } from './matcher/build-index';
import type { GroupSource } from './matcher/groups';
import { matcherOfIndex } from './matcher/full';
import type { Matcher, Trace } from './matcher/match';
import type { MatchResult } from './matcher/types';
import { inputKey } from './matcher/normalize';
import { parseTemplate, PatternError } from './matcher/pattern';
import { messageVariants } from './matcher/variants';
import { rememberingFuse } from './remembering-fuse';

/** The placeholder names of a template; none for a broken one (building the index reports it). */
function placeholderNames(template: string): string[] {
  try {
    return parseTemplate(template).flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []));
  } catch (err) {
    if (err instanceof PatternError) return [];
    throw err;
  }
}

export interface ContentEntryInput {
  /** Slug (the file name without extension). */
  id: string;
  /** Path of the file, as shown in error messages. */
  file: string;
  data: {
    title: string;
    patterns: string[];
    examples: string[];
    messages: string[];
    related: string[];
    aliases: string[];
    qboCodes?: number[];
    qboTitles?: string[];
    /** The general page of its QBO codes (at most one per code). */
    qboGeneral?: boolean;
    keywords?: string[];
    valueSteps?: Record<string, number>;
    qboWordings?: { text: string }[];
    group?: GroupSource['group'];
    /** Where its facts come from; none is the help article (the index's head brings the article's pages). */
    source?: { title: string; url?: string | undefined };
  };
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblems(problems: Problem[]): string {
  return `Content check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
    .map((p) => `  ${p.file} → ${p.field}: ${p.message}`)
    .join('\n')}`;
}

const short = (s: string) => JSON.stringify(s.length > 90 ? `${s.slice(0, 89)}…` : s);

export interface CheckOptions {
  /** Also check generated variants of every example (case, spacing, quotes, cut-off, log prefix, envelope). */
  variants?: boolean;
}

export function checkContent(
  entries: ContentEntryInput[],
  options: CheckOptions = { variants: true },
): Problem[] {
  return checkAndIndex(entries, options).problems;
}

/** What a check found wrong with one text of a page's (an example, a variant, a message): empty when it passes. */
type Verdicts = (
  { kind: 'also'; slug: string } | { kind: 'not-match'; got: string } | { kind: 'not-first'; first?: string }
)[];

function judge(
  results: MatchResult[],
  id: string,
  mustMatch: boolean,
  family: (slug: string) => boolean = () => false,
  mayFindNothing: () => boolean = () => false,
): Verdicts {
  const own = results.find((r) => r.slug === id);
  const found: Verdicts = results
    .filter((r) => r.slug !== id && r.verdict === 'match')
    .map((r) => ({ kind: 'also', slug: r.slug }));
  if (mustMatch && own?.verdict !== 'match')
    found.push({ kind: 'not-match', got: own ? own.verdict : 'nothing' });
  else if (
    !mustMatch &&
    results[0]?.slug !== id &&
    !(own && results.every((r) => r.verdict === 'possible')) &&
    !(results[0]?.verdict === 'possible' && family(results[0].slug)) &&
    !(!results[0] && mayFindNothing())
  )
    // A cut-off message must still put its page first, or, when the cut removed what tells two
    // pages apart, offer it among honest `possible` results, or offer as a `possible` the page of
    // its family (a page with the same QBO code: the 6000 page for a cut-off 6000 detail). A cut
    // that kept no three words in a row of this page's wordings (only a wrapper or a log prefix)
    // may find nothing: there is nothing of the page to find (asked only when it found nothing).
    found.push({ kind: 'not-first', ...(results[0] ? { first: results[0].slug } : {}) });
  return found;
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];

/** Three words in a row of the page's messages or patterns (placeholders aside), as `a b c`. */
function runsOf(e: ContentEntryInput): Set<string> {
  const runs = new Set<string>();
  const texts = [
    ...e.data.messages,
    // The index was built, so every pattern parses.
    ...e.data.patterns.flatMap((p) =>
      parseTemplate(p).flatMap((part) => (part.kind === 'literal' ? [part.text] : [])),
    ),
  ];
  for (const t of texts) {
    const w = wordsOf(t);
    for (let i = 0; i + 3 <= w.length; i++) runs.add(w.slice(i, i + 3).join(' '));
  }
  return runs;
}

/** Whether a text holds three words in a row of a page's wordings (runsOf). */
function holdsRun(text: string, runs: ReadonlySet<string>): boolean {
  const w = wordsOf(text);
  for (let i = 0; i + 3 <= w.length; i++) if (runs.has(w.slice(i, i + 3).join(' '))) return true;
  return false;
}

/**
 * The matcher's results for a text, each input worked out once: the matcher reads a text only as
 * normalizeInput gives it (match.ts), so two texts alike once normalized (an example and its
 * `spacing` or `smart-quotes` variant, an example already in lower case and its `lower` one, two
 * examples whose cut-off variants stop before their values) have the same results. Each text is
 * still judged, and reported, on its own. One per page: texts alike are the same page's.
 */
function sameInput(matcher: Matcher): (text: string) => MatchResult[] {
  const seen = new Map<string, MatchResult[]>();
  return (text) => {
    const key = inputKey(text);
    let results = seen.get(key);
    if (!results) seen.set(key, (results = matcher.match(text).results));
    return results;
  };
}

/**
 * `qboGeneral`: a general page names the codes it is general for (`qboCodes`), and a code has at
 * most one general page: a fault with another detail could not say which of two it is.
 */
export function checkGeneral(entries: readonly ContentEntryInput[]): Problem[] {
  const problems: Problem[] = [];
  const generalOf = new Map<number, ContentEntryInput>();
  for (const e of entries) {
    if (!e.data.qboGeneral) continue;
    const codes = e.data.qboCodes ?? [];
    if (!codes.length)
      problems.push({
        file: e.file,
        field: 'qboGeneral',
        message: 'a general page needs the QBO codes it is general for: add them to qboCodes',
      });
    for (const code of codes) {
      const other = generalOf.get(code);
      if (other)
        problems.push({
          file: e.file,
          field: 'qboGeneral',
          message: `code ${code} already has a general page, ${other.file}: a code has one`,
        });
      else generalOf.set(code, e);
    }
  }
  return problems;
}

/**
 * The content check, and the index it checked (built once, in the entries' order: the build
 * serves this very index). Without an index (a pattern that does not compile) the problems say why.
 */
export function checkAndIndex(
  entries: ContentEntryInput[],
  options: CheckOptions = { variants: true },
): { problems: Problem[]; index?: BuiltIndex } {
  const problems: Problem[] = [...checkGroups(entries), ...checkGeneral(entries)];
  const owner = new Map<string, { file: string; field: string }>();
  const slugs = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    // Two files, one slug: the same page as both <slug>.md and <slug>.mdx.
    const prev = owner.get(e.id);
    if (prev)
      problems.push({
        file: e.file,
        field: 'slug',
        message: `"${e.id}" is already the slug of ${prev.file}: keep one file (.md, or .mdx if it imports a component)`,
      });
    else owner.set(e.id, { file: e.file, field: 'slug' });
  }
  for (const e of entries) {
    e.data.aliases.forEach((alias, i) => {
      const prev = owner.get(alias);
      if (prev) {
        problems.push({
          file: e.file,
          field: `aliases[${i}]`,
          message: `"${alias}" is already the ${prev.field} of ${prev.file}`,
        });
      } else owner.set(alias, { file: e.file, field: `aliases[${i}]` });
    });
    e.data.related.forEach((rel, i) => {
      if (!slugs.has(rel))
        problems.push({
          file: e.file,
          field: `related[${i}]`,
          message: `"${rel}" is not the slug of any error page`,
        });
      if (rel === e.id)
        problems.push({
          file: e.file,
          field: `related[${i}]`,
          message: 'a page cannot be related to itself',
        });
    });
  }

  for (const e of entries) {
    const names = new Set(e.data.patterns.flatMap(placeholderNames));
    for (const name of Object.keys(e.data.valueSteps ?? {})) {
      if (!names.has(name))
        problems.push({
          file: e.file,
          field: `valueSteps.${name}`,
          message: `"${name}" is not a placeholder in this page's patterns (${[...names].join(', ') || 'none'})`,
        });
    }
  }

  const sources = (list: ContentEntryInput[]) => list.map(indexSource);
  let index: BuiltIndex;
  try {
    index = buildIndex(sources(entries));
  } catch (err) {
    problems.push({
      file: 'content/errors',
      field: 'patterns',
      message: `index could not be built: ${(err as Error).message}`,
    });
    return { problems };
  }
  // One Fuse for all the check's matchers: its searches are remembered (remembering-fuse.ts).
  const fuse = rememberingFuse();
  const matcherOf = (built: BuiltIndex, trace?: Trace) => matcherOfIndex(built, trace, fuse);
  const matcher = matcherOf(index);
  const fileOf = new Map(entries.map((e) => [e.id, e.file]));
  const codesOf = new Map(entries.map((e) => [e.id, e.data.qboCodes ?? []]));
  const familyOf = (id: string) => (slug: string) =>
    (codesOf.get(slug) ?? []).some((c) => codesOf.get(id)?.includes(c));

  /**
   * When a text of page `id` fails, the page that takes it from its own: among the pages the
   * matcher looked at for it (its results, its exact hits, the candidates it scored), the first
   * without which the text passes. Most often a page just added. Only failures pay for this: each
   * page tried means an index without it (remembered, as one new page often breaks many texts).
   */
  let traced: { matcher: Matcher; seen: Set<number> } | undefined;
  const without = new Map<string, Matcher>();
  const MAX_TRIED = 4;
  const rivalOf = (
    text: string,
    id: string,
    mustMatch: boolean,
    results: MatchResult[],
  ): string | undefined => {
    if (!traced) {
      const seen = new Set<number>();
      traced = {
        seen,
        matcher: matcherOf(index, {
          exact: (hits) => hits.forEach((h) => seen.add(h.page)),
          segment: (candidates) => candidates.forEach((c) => seen.add(c.page)),
        }),
      };
    }
    traced.seen.clear();
    traced.matcher.match(text);
    const slugs = index.core.pages.map(([slug]) => slug);
    const looked = [...new Set([...results.map((r) => r.slug), ...[...traced.seen].map((p) => slugs[p]!)])];
    for (const slug of looked.filter((s) => s !== id).slice(0, MAX_TRIED)) {
      let m = without.get(slug);
      if (!m) {
        m = matcherOf(buildIndex(sources(entries.filter((e) => e.id !== slug))));
        without.set(slug, m);
      }
      if (!judge(m.match(text).results, id, mustMatch, familyOf(id)).length) return slug;
    }
    return undefined;
  };

  for (const e of entries) {
    const family = familyOf(e.id);
    const resultsOf = sameInput(matcher);
    const shown = mustBeShown(e);
    const check = (t: CheckedText) => {
      const { field, text, mustMatch } = t;
      const results = resultsOf(text);
      const verdicts = judge(results, e.id, mustMatch, family, () => !shown(t));
      if (!verdicts.length) return;
      const alsoFor = new Set(verdicts.flatMap((v) => (v.kind === 'also' ? [v.slug] : [])));
      for (const v of verdicts) {
        let message: string;
        if (v.kind === 'also') {
          message = `${short(text)} also comes out as "match" for ${fileOf.get(v.slug)}; make the patterns of the two pages tell them apart`;
        } else {
          // Name the page that takes the text, unless a problem about this text already does.
          const rival = rivalOf(text, e.id, mustMatch, results);
          const named =
            rival !== undefined &&
            !alsoFor.has(rival) &&
            rival !== (v.kind === 'not-first' ? v.first : undefined);
          const taker = named ? `; ${fileOf.get(rival)} competes for it (without that page it passes)` : '';
          message =
            v.kind === 'not-match'
              ? `${short(text)} is not a "match" for this page (got ${v.got})${taker || "; it must fit one of this page's patterns"}`
              : `${short(text)} puts ${v.first ? fileOf.get(v.first) : 'nothing'} first, not this page${taker}`;
        }
        problems.push({ file: e.file, field, message });
      }
    };
    for (const t of checkedTexts(e.data, options.variants === true)) check(t);
  }
  return { problems, index };
}

/** A text the content check asks the matcher about, for the page whose field holds it. */
export interface CheckedText {
  /** The field, as a problem names it: `examples[0]`, `examples[0] (cut-off variant)`, `messages[1]`… */
  field: string;
  /** The text, as the matcher is given it. */
  text: string;
  /** It must be a `match` for its page and for no other (else it must put its page first). */
  mustMatch: boolean;
  /** A cut-off variant: it may find nothing when it stops before any run of the page's words. */
  cutOff: boolean;
}

/**
 * Whether the check requires a text of the page to put its page first (so to be shown at all): a
 * text that need not be a `match`, but for a cut-off variant that kept no three words in a row of
 * the page's wordings (it may find nothing). The check reads it, and `npm run calibrate` keeps the
 * `possible` threshold under these texts' probability. The page's runs are worked out when a
 * cut-off variant first asks.
 */
export function mustBeShown(e: ContentEntryInput): (t: CheckedText) => boolean {
  let runs: Set<string> | undefined;
  return (t) => !t.mustMatch && (!t.cutOff || holdsRun(t.text, (runs ??= runsOf(e))));
}

/**
 * Every text the content check judges for a page, in the order it reports them: each example (with
 * its variants when `variants`), each message and each QBO wording. `npm run calibrate` reads the
 * ones that must be a `match`, so its thresholds cannot fail the build.
 */
export function checkedTexts(data: ContentEntryInput['data'], variants: boolean): CheckedText[] {
  const texts: CheckedText[] = [];
  const add = (field: string, text: string, mustMatch = true, cutOff = false) =>
    texts.push({ field, text, mustMatch, cutOff });
  data.examples.forEach((ex, i) => {
    add(`examples[${i}]`, ex);
    if (variants)
      for (const v of messageVariants(ex))
        add(`examples[${i}] (${v.kind} variant)`, v.text, v.exact, v.kind === 'cut-off');
  });
  data.messages.forEach((m, i) => add(`messages[${i}]`, m));
  (data.qboWordings ?? []).forEach((w, i) => add(`qboWordings[${i}].text`, w.text));
  return texts;
}
