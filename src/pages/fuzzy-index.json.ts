import type { APIRoute } from 'astro';
import { getMatchIndex } from '../lib/collection';

/** The troubleshooter's fuzzy-stage index (a prebuilt Fuse.js index), loaded only when a paste needs it. */
export const GET: APIRoute = async () => {
  const { fuzzy } = await getMatchIndex();
  return new Response(JSON.stringify(fuzzy), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
