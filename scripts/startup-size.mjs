#!/usr/bin/env node
// npm run size:startup [-- DIST] — the main-thread JavaScript a first visit loads before the app can
// show anything, from a build (default dist/): index.html's entry module and every chunk it imports
// statically (recursively), gzipped (-9), plus one language's first-screen catalogue part (issue 17:
// catalogues load one language at a time by import(), and of it only the first screen's words,
// src/i18n/areas.ts, before the app mounts; the rest part loads later and is reported beside it). Lazy chunks (tabs, dialogs, charts) and
// workers are not counted: they load after the first result. Prints JSON; `--base DIST2` also measures
// a second build and prints the growth. Deterministic (no browser), unlike bench:ui's network count.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w${},*\s]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g;
const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export function measure(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html: no module script`);
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(dist, 'assets', name), 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) visit(m[1]);
  };
  visit(entry);
  const chunks = [...seen].map((name) => ({ name, gzip: gz(readFileSync(join(dist, 'assets', name))) }));
  const startup = chunks.reduce((n, c) => n + c.gzip, 0);
  const assets = readdirSync(join(dist, 'assets'));
  const catalogues = {};
  const rest = {};
  const sizeOf = (re) => {
    const file = assets.find((f) => re.test(f));
    return file ? gz(readFileSync(join(dist, 'assets', file))) : undefined;
  };
  for (const l of LOCALES) {
    // a build from before the split has one chunk per language (`fr-<hash>.js`): all of it loads at start-up
    const start = sizeOf(new RegExp(`^${l}-start-[\\w-]+\\.js$`)) ?? sizeOf(new RegExp(`^${l}-(?!rest-)[\\w-]+\\.js$`));
    if (start !== undefined) catalogues[l] = start;
    const later = sizeOf(new RegExp(`^${l}-rest-[\\w-]+\\.js$`));
    if (later !== undefined) rest[l] = later;
  }
  const largest = Math.max(0, ...Object.values(catalogues));
  return { entry, chunks: chunks.length, startupGzip: startup, catalogues, catalogueRestLoadedLater: rest, withLargestCatalogue: startup + largest };
}

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args.splice(baseAt, 2)[1] : undefined;
const dist = resolve(args[0] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}: no build (run npm run build first)`);
  process.exit(2);
}
const now = measure(dist);
const out = { build: now };
if (base) {
  const before = measure(resolve(base));
  out.base = before;
  out.growthGzip = now.withLargestCatalogue - before.withLargestCatalogue;
  out.growthKB = Number((out.growthGzip / 1024).toFixed(1));
}
console.log(JSON.stringify(out, null, 2));
