import type { APIRoute } from 'astro';
import { getErrors } from '../lib/collection';
import { absolute, errorPath } from '../lib/links';
import { collectGroups } from '../lib/matcher/groups';

/** Machine-readable catalogue for support tools and our own checks, generated from the collection. */
export const GET: APIRoute = async ({ site }) => {
  const errors = await getErrors();
  // Near-duplicate groups (the question is said on one member page), as the match index has them.
  const groups = new Map(
    collectGroups(errors.map(({ id, data }) => ({ slug: id, group: data.group }))).map((g) => [g.id, g]),
  );
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
        pages: groups.get(data.group.id)?.members.map((m) => m.slug),
      },
      lastReviewed: data.lastReviewed.toISOString().slice(0, 10),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
