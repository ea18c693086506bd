/**
 * Astro integration: self-hosts the OCR engine. At build it copies the files listed in
 * src/lib/ocr/assets.ts from node_modules into `dist/ocr/`; under `astro dev` it serves the same
 * paths straight from node_modules. The worker script loses its `sourceMappingURL` comment (the map
 * is not shipped, so DevTools would ask for a missing file).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OCR_DIR, OCR_FILES } from '../lib/ocr/assets';

const require = createRequire(import.meta.url);

/** A package file's bytes as the site serves them. */
async function contents(from: string): Promise<Buffer> {
  const bytes = await readFile(require.resolve(from));
  return from.endsWith('.js')
    ? Buffer.from(bytes.toString('utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'))
    : bytes;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript',
  wasm: 'application/wasm',
  gz: 'application/gzip',
};

export function ocrAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'ocr-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          const file = OCR_FILES.find((f) => path === `${base}${OCR_DIR}${f.to}`);
          if (!file) {
            next();
            return;
          }
          contents(file.from).then(
            (body) => {
              res.setHeader(
                'Content-Type',
                TYPES[file.to.split('.').pop() ?? ''] ?? 'application/octet-stream',
              );
              res.end(body);
            },
            (err: unknown) => next(err),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), OCR_DIR);
        let bytes = 0;
        for (const file of OCR_FILES) {
          const body = await contents(file.from);
          const target = join(out, file.to);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, body);
          bytes += body.length;
        }
        logger.info(`${OCR_FILES.length} OCR files copied to ${OCR_DIR} (${(bytes / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
