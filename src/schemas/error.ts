import { z } from 'astro/zod';
import { ARTICLE_SOURCE, CATEGORY_KEYS, FIX_IN_KEYS } from '../consts';
import { compilePattern, PatternError } from '../lib/matcher/pattern';

/** A permanent page slug: short kebab-case. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a short kebab-case slug such as "deposit-total-mismatch"');

const template = z.string().superRefine((value, ctx) => {
  try {
    compilePattern(value);
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    ctx.addIssue({ code: 'custom', message: `pattern "${value}": ${err.message}` });
  }
});

/** A public document, by title and address. */
const publicDocument = z
  .object({
    /** The document's title, e.g. "Handling common errors". */
    title: z.string().min(5),
    /** Its public address. */
    url: z.url(),
  })
  .strict();

/**
 * One QuickBooks Online export error: one page at /errors/<slug>/, where the file name is the
 * permanent slug. `related` is passed in: Astro's `reference('errors')` in the content layer, a
 * plain slug in Node scripts (CLI, bench, unit tests).
 */
export function makeErrorSchema<R extends z.ZodType>(related: R) {
  return z
    .object({
      /** Plain-language title, e.g. "Transaction date is before the QuickBooks closing date". No trailing period. */
      title: z
        .string()
        .min(10)
        .max(90)
        .refine((t) => !t.endsWith('.'), 'must not end with a period'),
      /** One or two sentences for the page description, search results and link previews. */
      summary: z.string().min(30).max(220),
      /** Home-page group; see CATEGORIES in src/consts.ts. */
      category: z.enum(CATEGORY_KEYS),
      /** The message(s) exactly as the source help article writes them, generalized parts (NNN, MM/DD/YYYY) included. */
      messages: z.array(z.string().min(5)).min(1),
      /** Message templates with typed placeholders, e.g. "Txn Date={txnDate:date} is before …"; see src/lib/matcher/pattern.ts. */
      patterns: z.array(template).min(1),
      /** At least three realistic messages; each must be a `match` for this page and for no other. */
      examples: z.array(z.string().min(5)).min(3),
      /** Where the fix is made: QuickBooks Online, the platform, both, or Technical Support. */
      fixIn: z.enum(FIX_IN_KEYS),
      /** Whether a plain retry of the export is worth trying before anything else. */
      retry: z.boolean().default(false),
      /** Public QuickBooks Online API error codes for this error (e.g. 6240), if any. */
      qboCodes: z.array(z.number().int().min(100).max(99999)).default([]),
      /** QuickBooks' short fault titles for this error (the Fault "Message"), e.g. "Duplicate Name Exists Error". */
      qboTitles: z.array(z.string().min(5)).default([]),
      /**
       * The general page of its QBO codes: it answers a fault with one of them whatever the detail,
       * when no other page has that detail (code 6000, whose detail names the business rule that
       * failed). At most one per code; the content check makes sure.
       */
      qboGeneral: z.boolean().default(false),
      /** Words people use for this error in their own words ("closing date", "books closed"); feeds fuzzy matching. Each holds a word: a number alone is read as a value and never matches. */
      keywords: z
        .array(
          z
            .string()
            .min(2)
            .refine(
              (k) => /\p{L}/u.test(k),
              'holds no word: a number alone ("429") is read as a value, like an invoice number, and never matches',
            ),
        )
        .default([]),
      /** Fix step (1-based) at which the tailored note about a value is shown, by placeholder name, e.g. { closingDate: 1 }. */
      valueSteps: z
        .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), z.number().int().min(1).max(20))
        .default({}),
      /** Related error pages, by slug. */
      related: z.array(related).default([]),
      /**
       * Near-duplicates: pages a paste may not tell apart (a bare QBO code, a cut-off message) form
       * a group, shown as one card that asks the question telling them apart. Every member page says
       * the group's id and its own answer; one of them says the question (content-check.ts checks it).
       */
      group: z
        .object({
          /** The group's id, the same on every member page, e.g. "duplicate-name". */
          id: slug,
          /** The question that tells the pages apart, in plain words: on one member page only. */
          question: z
            .string()
            .min(10)
            .max(140)
            .refine((q) => q.endsWith('?'), 'must be a question, ending with "?"')
            .optional(),
          /** This page's answer to the question (a button label), e.g. "An account". */
          answer: z
            .string()
            .min(2)
            .max(80)
            .refine((a) => a.trim() === a && !a.endsWith('.'), 'no spaces around it and no final period'),
        })
        .strict()
        .optional(),
      /** Old slugs of this page; each becomes a redirect to it. Never reuse one. */
      aliases: z.array(slug).default([]),
      /** Where the page's facts come from: the help article (the default) or a public document, by title and URL. */
      source: publicDocument.partial({ url: true }).default(ARTICLE_SOURCE),
      /** QuickBooks' own wordings of this error where they differ from `messages`, each with the public document that shows it; each must be a `match` for this page. */
      qboWordings: z
        .array(
          z
            .object({
              /** The wording as the document gives it. */
              text: z.string().min(5),
              /** The public document that shows it. */
              source: publicDocument,
            })
            .strict(),
        )
        .default([]),
      /** Date a person last checked this page against the source article and QuickBooks. */
      lastReviewed: z.coerce.date(),
    })
    .strict();
}

/** Guide pages: the article's overview sections. */
export const guideSchema = z
  .object({
    /** Page title. */
    title: z.string().min(5).max(90),
    /** One-sentence description for search results and link previews. */
    summary: z.string().min(20).max(220),
    /** Position in the guide navigation, lowest first. */
    order: z.number().int(),
    /** Date a person last checked this page against the source article. */
    lastReviewed: z.coerce.date(),
  })
  .strict();
