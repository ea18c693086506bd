/**
 * Node-only: reads the frontmatter of content/errors/*.md and *.mdx outside Astro (CLI, bench, unit
 * tests), with the same zod schema the content layer uses. Problems name the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { makeErrorSchema, slug } from '../../schemas/error';
import type { ContentEntryInput } from '../content-check';

export const ROOT = join(import.meta.dirname, '../../..');
const schema = makeErrorSchema(slug);

/** A page's file: plain Markdown, or MDX when it imports a component (src/content.config.ts). */
const PAGE_FILE = /\.mdx?$/;

export type NodeErrorEntry = ContentEntryInput & {
  data: ContentEntryInput['data'] & { category: string; summary: string };
};

/** Parses one page file's frontmatter; throws an Error naming the file and the field. */
export function parseErrorFile(file: string, source: string): NodeErrorEntry {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!m) throw new Error(`${file} → frontmatter: missing the --- block at the top of the file`);
  let raw: unknown;
  try {
    raw = parse(m[1]!);
  } catch (err) {
    throw new Error(`${file} → frontmatter: YAML does not parse: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${file} → ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  const id = file.replace(/^.*\//, '').replace(PAGE_FILE, '');
  return { id, file, data: result.data };
}

export function loadErrors(dir = join(ROOT, 'content/errors')): NodeErrorEntry[] {
  return readdirSync(dir)
    .filter((f) => PAGE_FILE.test(f))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      return parseErrorFile(relative(ROOT, path), readFileSync(path, 'utf8'));
    });
}
