/**
 * CLI: the same matcher as the site, from the terminal.
 *   npm run match -- "BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026"
 *   cat export-report.txt | npm run match
 * Prints JSON: { results: [{ slug, url, verdict, confidence, values, count }], … }.
 * The site URL for `url` comes from SITE_URL and BASE_PATH, as in the build.
 */
import { matcherFromContent } from '../src/lib/node/matcher-from-content';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const arg = process.argv.slice(2).join(' ');
const text = arg || (await readStdin());
if (!text.trim()) {
  console.error('Usage: npm run match -- "<error message>"   (or pipe text on stdin)');
  process.exit(2);
}
const site = (process.env['SITE_URL'] ?? 'http://localhost:4321').replace(/\/$/, '');
const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/|\/$/g, '')}/`.replace('//', '/');
const { matcher } = matcherFromContent();
const outcome = matcher.match(text);
const out = {
  results: outcome.results.map((r) => ({
    slug: r.slug,
    url: `${site}${base}errors/${r.slug}/`,
    title: r.title,
    verdict: r.verdict,
    confidence: r.confidence,
    values: r.values,
    count: r.count,
  })),
  truncated: outcome.truncated,
  unmatchedLines: outcome.unmatched.length,
};
console.log(JSON.stringify(out, null, 2));
