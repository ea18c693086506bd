/**
 * CLI: the same matcher as the site, from the terminal.
 *   npm run match -- "BadRequest. Details: The account period has closed. Txn Date=03/14/2026 is before book closing date=03/31/2026"
 *   cat export-report.txt | npm run match
 *   npm run match -- --explain "QBO error 6140"
 * Prints JSON: { results: [{ slug, url, title, verdict, confidence, via, values, count }], groups, … }.
 * `groups` lists the near-duplicate groups the results form (src/lib/matcher/groups.ts): results
 * the model could not tell apart, with the question that does and each page's answer; the results
 * themselves are the same with or without them.
 * With --explain, each result also carries the model's features and what each added to the
 * log-odds of `right` (the confidence) and `quoted` (the match decision: its trees' base, then what
 * each feature's splits moved), or of the exact-hit model. `notShown` lists, per scored line, the
 * candidates under the fitted `possible` threshold with the same tables: why a paste found nothing.
 * The site URL for `url` comes from SITE_URL and BASE_PATH, as in the build.
 */
import { MODEL } from '../src/lib/matcher/fitted';
import {
  contributions,
  EXACT_FEATURES,
  RIGHT_FEATURES,
  QUOTED_FEATURES,
  type Features,
} from '../src/lib/matcher/model';
import { QUOTED } from '../src/lib/matcher/quoted';
import { treeContributions } from '../src/lib/matcher/trees';
import { groupResults } from '../src/lib/matcher/groups';
import type { Scored } from '../src/lib/matcher/match';
import { matcherFromContent } from '../src/lib/node/matcher-from-content';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const args = process.argv.slice(2);
const explain = args.includes('--explain');
const arg = args.filter((a) => a !== '--explain').join(' ');
const text = arg || (await readStdin());
if (!text.trim()) {
  console.error('Usage: npm run match -- [--explain] "<error message>"   (or pipe text on stdin)');
  process.exit(2);
}
const site = (process.env['SITE_URL'] ?? 'http://localhost:4321').replace(/\/$/, '');
const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/|\/$/g, '')}/`.replace('//', '/');
/** Every candidate the model scored, by the first (0-based) line that reads so: `--explain` shows those left unshown. */
const scoredLines: { line: number; candidates: readonly Scored[] }[] = [];
const { matcher, groups, slugs } = matcherFromContent(
  explain ? { segment: (candidates, lines) => scoredLines.push({ line: lines[0]!, candidates }) } : undefined,
);
const outcome = matcher.match(text);
const round = (x: number) => Math.round(x * 1000) / 1000;
const table = (pairs: [string, number][]) => Object.fromEntries(pairs.map(([k, v]) => [k, round(v)]));
/** `quoted`'s trees: the base (bias and every tree's root value), then what each feature moved. */
const quotedTable = (f: Features) => {
  const { base, contributions: by } = treeContributions(QUOTED_FEATURES, f, QUOTED);
  return { base: round(base), ...table(by) };
};
/** A candidate's features, and what each added to `right` and to `quoted`. */
const explained = (f: Features) => ({
  features: table(Object.entries(f)),
  right: { bias: MODEL.right.bias, ...table(contributions(RIGHT_FEATURES, f, MODEL.right)) },
  quoted: quotedTable(f),
});
const out = {
  results: outcome.results.map((r) => ({
    slug: r.slug,
    url: `${site}${base}errors/${r.slug}/`,
    title: r.title,
    verdict: r.verdict,
    confidence: r.confidence,
    via: r.via,
    values: r.values,
    count: r.count,
    ...(explain && r.features ? explained(r.features) : {}),
    ...(explain && r.exactFeatures
      ? {
          exactFeatures: table(Object.entries(r.exactFeatures)),
          exact: {
            bias: MODEL.exact.bias,
            ...table(contributions(EXACT_FEATURES, r.exactFeatures, MODEL.exact)),
          },
        }
      : {}),
  })),
  ...(explain
    ? {
        notShown: scoredLines.flatMap(({ line, candidates }) =>
          candidates
            .filter((c) => c.p < MODEL.possible)
            .slice(0, 5)
            .map((c) => ({
              line: line + 1,
              slug: slugs[c.page],
              p: round(c.p),
              q: round(c.quoted),
              ...explained(c.features),
            })),
        ),
        possibleAt: MODEL.possible,
      }
    : {}),
  groups: groupResults(outcome.results, groups),
  ...(outcome.fault ? { fault: outcome.fault } : {}),
  truncated: outcome.truncated,
  unmatchedLines: outcome.unmatched.length,
  ...(outcome.routine ? { routineLines: outcome.routine } : {}),
};
console.log(JSON.stringify(out, null, 2));
