import type { APIRoute } from 'astro';
import { getErrors } from '../lib/collection';
import { absolute, errorPath } from '../lib/links';

/** Machine-readable catalogue for support tools and our own checks, generated from the collection. */
export const GET: APIRoute = async ({ site }) => {
  const errors = await getErrors();
  // Near-duplicate groups: the question (said on one member page) and every member, for each page.
  const groups = new Map<string, { question: string | undefined; pages: string[] }>();
  for (const { id, data } of errors)
    if (data.group) {
      const g = groups.get(data.group.id) ?? { question: undefined, pages: [] };
      g.pages.push(id);
      g.question ??= data.group.question;
      groups.set(data.group.id, g);
    }
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
      // Pages a paste may not tell apart from this one, and the question that does (absent if none).
      group: data.group && {
        id: data.group.id,
        question: groups.get(data.group.id)?.question,
        answer: data.group.answer,
        pages: groups.get(data.group.id)?.pages,
      },
      lastReviewed: data.lastReviewed.toISOString().slice(0, 10),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
