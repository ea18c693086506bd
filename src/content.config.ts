import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema, makeErrorSchema } from './schemas/error';

/** Error pages: content/errors/<slug>.mdx. The schema (with a JSDoc line per field) is in src/schemas/error.ts. */
const errors = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/errors' }),
  schema: makeErrorSchema(reference('errors')),
});

/** Guide pages: content/guides/<slug>.mdx. */
const guides = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/guides' }),
  schema: guideSchema,
});

export const collections = { errors, guides };
