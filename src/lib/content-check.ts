/**
 * Build-time content checks that a schema cannot express: unique slugs and aliases, links that
 * point somewhere, and examples that the matcher sends to their own page and no other.
 * Pure: the build (src/lib/collection.ts) and the unit tests both call it.
 */
import { fullMatcher } from './matcher/full';
import { parseTemplate, PatternError } from './matcher/pattern';
import { messageVariants } from './matcher/variants';

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
    keywords?: string[];
    valueSteps?: Record<string, number>;
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
  const problems: Problem[] = [];
  const owner = new Map<string, { file: string; field: string }>();
  for (const e of entries) owner.set(e.id, { file: e.file, field: 'slug' });
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
      if (!entries.some((o) => o.id === rel))
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

  let matcher;
  try {
    matcher = fullMatcher(entries.map((e) => ({ slug: e.id, ...e.data })));
  } catch (err) {
    problems.push({
      file: 'content/errors',
      field: 'patterns',
      message: `index could not be built: ${(err as Error).message}`,
    });
    return problems;
  }
  const fileOf = new Map(entries.map((e) => [e.id, e.file]));

  for (const e of entries) {
    const check = (field: string, text: string, mustMatch: boolean) => {
      const { results } = matcher.match(text);
      const own = results.find((r) => r.slug === e.id);
      const others = results.filter((r) => r.slug !== e.id && r.verdict === 'match');
      for (const o of others) {
        problems.push({
          file: e.file,
          field,
          message: `${short(text)} also comes out as "match" for ${fileOf.get(o.slug)}; make the patterns of the two pages tell them apart`,
        });
      }
      if (mustMatch && own?.verdict !== 'match') {
        problems.push({
          file: e.file,
          field,
          message: `${short(text)} is not a "match" for this page (got ${own ? own.verdict : 'nothing'}); it must fit one of this page's patterns`,
        });
      } else if (
        !mustMatch &&
        results[0]?.slug !== e.id &&
        !(own && results.every((r) => r.verdict === 'possible'))
      ) {
        // A cut-off message must still put its page first, or, when the cut removed what tells two
        // pages apart, offer it among honest `possible` results.
        problems.push({
          file: e.file,
          field,
          message: `${short(text)} puts ${results[0] ? fileOf.get(results[0].slug) : 'nothing'} first, not this page`,
        });
      }
    };
    e.data.examples.forEach((ex, i) => {
      check(`examples[${i}]`, ex, true);
      if (options.variants)
        for (const v of messageVariants(ex)) check(`examples[${i}] (${v.kind} variant)`, v.text, v.exact);
    });
    e.data.messages.forEach((m, i) => check(`messages[${i}]`, m, true));
  }
  return problems;
}
