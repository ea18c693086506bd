import type { APIRoute } from 'astro';
import { getMatchIndex } from '../lib/collection';

/** The troubleshooter's exact-stage index (patterns, codes, titles), generated from the collection. */
export const GET: APIRoute = async () => {
  const { core } = await getMatchIndex();
  return new Response(JSON.stringify(core), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
