// Vite build for the browser app; the projection model runs in workers/projection.worker.ts.
// base './': every asset path is relative, so the same dist/ works at /, under any sub-path and behind an
// intranet proxy. vite-plugin-pwa (Workbox generateSW) precaches the whole build — shell, lazy chunks,
// workers, every region's economy data, the schema and the presets — so after one visit the app works
// with no network. The page registers the service worker itself (src/state/app-update.svelte.ts) and
// asks before switching to a new version; there is no runtime caching, so nothing from another origin.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { sharedHead } from './scripts/lib/html-head.ts';
import { precompileCatalogues } from './scripts/lib/i18n-precompile.ts';

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    // catalogues as parsed ICU ASTs, intl-messageformat without its parser (issue 17: start-up size)
    precompileCatalogues(),
    // charset, CSP, viewport and icon for index.html and presenter.html alike
    sharedHead(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      includeAssets: [],
      // The glob below already precaches the icons (the plugin adds the manifest itself).
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Pathways 2030',
        short_name: 'Pathways 2030',
        description: 'What-if scenario modeller for the ITU Strategic Plan targets for 2030. Runs entirely in your browser, also offline.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f8a',
        lang: 'en',
        // Generated from public/favicon.svg by `npm run icons` (scripts/icons.mjs), committed.
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,png}'],
        // The ECharts chunk and the largest economy-data chunks exceed Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // presenter.html?session=… must match its own precache entry, not fall back to index.html: no
        // query parameter changes what a file is in this app, so all are ignored when matching.
        ignoreURLParametersMatching: [/./],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        runtimeCaching: [],
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // presenter.html: the presentation's presenter window (notes, next slide, timer).
    rolldownOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), presenter: resolve(import.meta.dirname, 'presenter.html') },
      // a language's two catalogue parts (src/i18n/loader.ts) are told apart by name: fr-start-…, fr-rest-…
      output: {
        chunkFileNames: (chunk) => {
          const area = /\?area=(start|rest)\b/.exec(chunk.facadeModuleId ?? '')?.[1];
          return area ? `assets/[name]-${area}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
