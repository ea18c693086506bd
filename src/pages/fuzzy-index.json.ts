import type { APIRoute } from 'astro';
import { getErrors } from '../lib/errors';
import { buildIndex } from '../lib/matcher/build-index';

/** The troubleshooter's fuzzy-stage index (a prebuilt Fuse.js index), loaded only when a paste needs it. */
export const GET: APIRoute = async () => {
  const errors = await getErrors();
  const { fuzzy } = buildIndex(errors.map(({ id, data }) => ({ slug: id, ...data })));
  return new Response(JSON.stringify(fuzzy), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
