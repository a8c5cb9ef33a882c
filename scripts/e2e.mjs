#!/usr/bin/env node
// End-to-end runner: builds the app, serves dist/ on a free loopback port (its own process group),
// runs tests/e2e with Vitest against it in headless Chromium, then kills the whole server group.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { build, serve } from './lib/serve.mjs';

const skipBuild = process.argv.includes('--no-build');
const extra = process.argv.slice(2).filter((a) => a !== '--no-build');

if (!skipBuild) build();
let code = 1;
let server = null;
try {
  server = await serve();
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, PATHWAYS_BASE_URL: server.url },
  });
  code = run.status ?? 1;
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
} finally {
  server?.stop();
}
process.exit(code);
