import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleDist } from '../../bench/dist';

describe('the bench reads dist/ only when it is the build of this checkout', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  /** A project with one source file and a build, each written at the time given (seconds). */
  const project = (source: number, build: number | undefined) => {
    root = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    mkdirSync(join(root, 'src/lib'), { recursive: true });
    writeFileSync(join(root, 'src/lib/a.ts'), 'export {};\n');
    utimesSync(join(root, 'src/lib/a.ts'), source, source);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
    utimesSync(join(root, 'astro.config.mjs'), 1_000, 1_000);
    if (build === undefined) return root;
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), '<!doctype html>');
    utimesSync(join(root, 'dist/index.html'), build, build);
    return root;
  };

  it('is current when dist/ was built after every file the build reads', () => {
    expect(staleDist(project(2_000, 3_000))).toBeUndefined();
  });
  it('names a source file changed after the build', () => {
    expect(staleDist(project(4_000, 3_000))).toBe(join('src', 'lib', 'a.ts'));
  });
  it('says nothing when there is no build', () => {
    expect(staleDist(project(4_000, undefined))).toBeUndefined();
  });
});
