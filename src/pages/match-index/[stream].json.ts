import type { APIRoute, GetStaticPaths } from 'astro';
import { getMatchParts } from '../../lib/collection';

/** The parts of the exact-stage index (src/lib/matcher/parts.ts), named by their content. */
export const getStaticPaths = (async () => {
  const { parts } = await getMatchParts();
  return parts.map(({ name, body }) => ({ params: { part: name }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
