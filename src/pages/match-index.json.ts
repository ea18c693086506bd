import type { APIRoute } from 'astro';
import { getErrors } from '../lib/errors';
import { buildIndex } from '../lib/matcher/build-index';

/** The troubleshooter's exact-stage index (patterns, codes, titles), generated from the collection. */
export const GET: APIRoute = async () => {
  const errors = await getErrors();
  const { core } = buildIndex(errors.map(({ id, data }) => ({ slug: id, ...data })));
  return new Response(JSON.stringify(core), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
