/**
 * A minimal static file server for dist/ (bench only; tests use `astro preview`). It sends text
 * gzipped, as a host would, so what a slow connection receives is counted as a host would send it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

/** What is sent gzipped: everything but images already compressed and WebAssembly. */
const TEXT = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

export async function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void respond(req, res));
  const gzipped = new Map<string, Buffer>();
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (TEXT.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        let body = gzipped.get(file);
        if (!body) gzipped.set(file, (body = gzipSync(await readFile(file))));
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip' });
        res.end(body);
        return;
      }
      res.writeHead(200, { 'Content-Type': type });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end(await readFile(join(root, '404.html')).catch(() => 'not found'));
    }
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}
