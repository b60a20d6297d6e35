import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the page (dist/explore/web, beside this module's compiled file). */
export const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The port is taken (or not ours to use): the user picks another. */
export class PortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortError';
  }
}

/**
 * Serves the built page on 127.0.0.1 only: static files of dist/explore/web and nothing else
 * (no directory listings, no paths outside it), and `extra` JSON files by path (the scenario
 * file `lesim explore <file>` starts from). The page needs no other server: the model runs
 * in the browser's Web Workers.
 */
export function servePage(port: number, dir = PAGE_DIR, extra: Readonly<Record<string, string>> = {}): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(dir, 'index.html'))) throw new PortError(`the page is not built (no ${join(dir, 'index.html')}); run npm run build first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    const type = TYPES[extname(file)];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : extra[path]);
      return;
    }
    if (!file.startsWith(dir + sep) || type === undefined || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    // Nothing may be fetched from elsewhere: the page's own files only.
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-eval'; worker-src 'self'; connect-src 'self' data: blob:" });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortError(`port ${port} on 127.0.0.1 is in use; pick another with --port, e.g. --port ${port + 1} (or --port 0 for any free port)`));
      else if (error.code === 'EACCES') reject(new PortError(`port ${port} on 127.0.0.1 needs privileges this user lacks; pick one from 1024 up with --port`));
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}
