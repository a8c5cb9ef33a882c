/**
 * `npm run serve`: serves the built app (dist/) over HTTP with no dependencies, for a workshop laptop or
 * a quick check that the build works under a sub-path. Options:
 *   --port 8080        (0 = any free port; default 8080)
 *   --host 127.0.0.1   (0.0.0.0 lets phones and laptops on the same network open it)
 *   --base /pathways/  (serve under a sub-path, as a static host or an intranet proxy would)
 *   --root dist        (the folder to serve)
 * Paths outside the root are refused; unknown paths get 404 (the service worker, once installed, answers
 * navigations offline). The browser tests use serveDist() for the sub-path and update checks.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface ServeOptions {
  root?: string;
  base?: string;
  port?: number;
  host?: string;
}

export interface Served {
  /** The app's address, ending in the base path (e.g. http://127.0.0.1:8080/pathways/). */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `root` under `base`; resolves once listening. */
export function serveDist({ root = 'dist', base = '/', port = 8080, host = '127.0.0.1' }: ServeOptions = {}): Promise<Served> {
  const rootDir = path.resolve(root);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      if (pathname === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix + url.search }).end();
        return;
      }
      if (!pathname.startsWith(prefix)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      pathname = pathname.slice(prefix.length);
      if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
      const file = path.resolve(rootDir, pathname);
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        const name = path.basename(file);
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          // Hashed assets never change; the service worker, the pages and the manifest must be re-checked.
          'Cache-Control': pathname.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ...(name === 'sw.js' ? { 'Service-Worker-Allowed': prefix } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        url: `http://${shown}:${actual}${prefix}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = arg('root') ?? 'dist';
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html not found: run npm run build first.`);
    process.exit(1);
  }
  const opts: ServeOptions = { root, base: arg('base') ?? '/', port: Number(arg('port') ?? 8080), host: arg('host') ?? '127.0.0.1' };
  const { url } = await serveDist(opts);
  console.log(`Serving ${root}/ at ${url}  (Ctrl+C stops)`);
  if (opts.host === '0.0.0.0') console.log('Others on this network open it at this computer\'s network address, same port and path.');
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(path.resolve(invoked)).href) void main();
