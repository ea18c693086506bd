import type { APIRoute } from 'astro';
import { getMatchParts } from '../lib/collection';

/** The head of the troubleshooter's exact-stage index (codes, titles, groups, its parts' needle hashes), generated from the collection. */
export const GET: APIRoute = async () => {
  const { head } = await getMatchParts();
  return new Response(JSON.stringify(head), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
