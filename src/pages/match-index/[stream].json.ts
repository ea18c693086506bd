import type { APIRoute, GetStaticPaths } from 'astro';
import { getMatchParts } from '../../lib/collection';

/** The parts of the exact-stage index, one to a line (src/lib/matcher/parts.ts), named by their content; none at 50 pages or fewer. */
export const getStaticPaths = (async () => {
  const { stream } = await getMatchParts();
  return stream ? [{ params: { stream: stream.name }, props: { body: stream.body } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
