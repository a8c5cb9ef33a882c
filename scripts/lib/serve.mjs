// Shared by the browser scripts: build (optional), serve dist/ on a free loopback port in its own
// process group, and the Chromium flags that work on a closed network.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * CHROMIUM_PATH, else /usr/bin/chromium, else any of `more` (say, Playwright's own browser); otherwise a
 * clear failure that says how to get one.
 */
export function chromiumPath(more = []) {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', ...more].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser scripts and tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary. Looked in: ' +
        candidates.join(', '),
    );
  }
  return found;
}

export function build() {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The `--dist DIR` argument of a browser script (another build to measure, say an earlier commit's), or null for dist/. */
export function distArg(argv = process.argv) {
  const i = argv.indexOf('--dist');
  return i >= 0 && argv[i + 1] ? argv[i + 1] : null;
}

/** Serves dist/ (or `outDir`); returns { url, stop }. stop() kills the whole server process group. */
export async function serve(outDir = null) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port), ...(outDir ? ['--outDir', outDir] : [])], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  const end = Date.now() + 30000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) {
      stop();
      throw new Error(`preview server did not answer at ${url}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, stop };
}
