import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema, makeErrorSchema } from './schemas/error';

/**
 * Pages are plain Markdown (`<slug>.md`), rendered once at sync, or MDX (`<slug>.mdx`) when they
 * import a component: each MDX page becomes a module Vite bundles, the build's largest cost in
 * time and memory at scale (README, "Scale"). The id is the file name without its extension.
 */
const PAGES = '*.{md,mdx}';

/** Error pages: content/errors/<slug>.md(x). The schema (with a JSDoc line per field) is in src/schemas/error.ts. */
const errors = defineCollection({
  loader: glob({ pattern: PAGES, base: './content/errors' }),
  schema: makeErrorSchema(reference('errors')),
});

/** Guide pages: content/guides/<slug>.md(x). */
const guides = defineCollection({
  loader: glob({ pattern: PAGES, base: './content/guides' }),
  schema: guideSchema,
});

export const collections = { errors, guides };
