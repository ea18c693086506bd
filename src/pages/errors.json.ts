import type { APIRoute } from 'astro';
import { getErrors } from '../lib/collection';
import { absolute, errorPath } from '../lib/links';

/** Machine-readable catalogue for support tools and our own checks, generated from the collection. */
export const GET: APIRoute = async ({ site }) => {
  const errors = await getErrors();
  const body = {
    errors: errors.map(({ id, data }) => ({
      slug: id,
      url: absolute(errorPath(id), site),
      title: data.title,
      summary: data.summary,
      category: data.category,
      messages: data.messages,
      qboWordings: data.qboWordings,
      patterns: data.patterns,
      qboCodes: data.qboCodes,
      fixIn: data.fixIn,
      retry: data.retry,
      related: data.related.map((r) => r.id),
      aliases: data.aliases,
      source: data.source,
      lastReviewed: data.lastReviewed.toISOString().slice(0, 10),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
