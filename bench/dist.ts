/**
 * Whether dist/ is the build of this checkout: the bench's payload, Chromium and OCR figures read
 * dist/, and a dist/ built before a change (or by a trial build with another configuration) would
 * give the old figures under the new code's name.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the build reads: a file here newer than dist/index.html means dist/ is out of date. */
const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

/** Every file under `path` (itself, if it is a file). */
function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }))
    yield* entry.isDirectory() ? files(join(path, entry.name)) : [join(path, entry.name)];
}

/**
 * A file the build reads that changed after dist/ was built (relative to `root`), or undefined when
 * dist/ is newer than all of them or was not built at all.
 */
export function staleDist(root: string): string | undefined {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return undefined;
  const at = statSync(built).mtimeMs;
  for (const input of BUILD_INPUTS)
    for (const file of files(join(root, input))) if (statSync(file).mtimeMs > at) return relative(root, file);
  return undefined;
}
