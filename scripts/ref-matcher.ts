/**
 * The matcher as it is at a git ref, beside this checkout's: its src/ copied out of git into a
 * temporary directory (its model files with it), next to a link to this checkout's node_modules.
 * `npm run same-outcomes` and `npm run bench:paired` run the two side by side.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as build from '../src/lib/matcher/build-index';
import * as fuzzyStage from '../src/lib/matcher/fuzzy';
import * as matchStage from '../src/lib/matcher/match';
import { ROOT } from '../src/lib/node/load-content';

/** What both sides must offer: main's API of build-index.ts, match.ts and fuzzy.ts. */
export interface Api {
  buildIndex: typeof build.buildIndex;
  createMatcher: typeof matchStage.createMatcher;
  createFuzzy: typeof fuzzyStage.createFuzzy;
}

/** This checkout's matcher. */
export const here: Api = {
  buildIndex: build.buildIndex,
  createMatcher: matchStage.createMatcher,
  createFuzzy: fuzzyStage.createFuzzy,
};

/** The matcher of `ref`, and the directory to remove when done. */
export async function refApi(ref: string): Promise<{ api: Api; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-outcomes-'));
  const tar = execFileSync('git', ['archive', ref, 'src'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const load = (file: string): Promise<unknown> =>
    import(pathToFileURL(join(dir, 'src/lib/matcher', file)).href);
  const [b, m, f] = (await Promise.all([load('build-index.ts'), load('match.ts'), load('fuzzy.ts')])) as [
    typeof build,
    typeof matchStage,
    typeof fuzzyStage,
  ];
  return {
    api: { buildIndex: b.buildIndex, createMatcher: m.createMatcher, createFuzzy: f.createFuzzy },
    dir,
  };
}
