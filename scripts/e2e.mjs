#!/usr/bin/env node
// End-to-end runner: builds the app, serves dist/ on a free loopback port, runs tests/e2e with Vitest
// against it in headless Chromium, then kills the whole server process group.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import process from 'node:process';

const skipBuild = process.argv.includes('--no-build');
const extra = process.argv.slice(2).filter((a) => a !== '--no-build');

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

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Preview server did not answer at ${url} within ${ms} ms`);
}

if (!skipBuild) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], {
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true, // own process group, so the whole tree can be killed
});
const killServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', killServer);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

let code = 1;
try {
  await waitFor(base, 30000);
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, PATHWAYS_BASE_URL: base },
  });
  code = run.status ?? 1;
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
} finally {
  killServer();
}
process.exit(code);
