// Vite build for the browser app; the projection model runs in workers/projection.worker.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // presenter.html: the presentation's presenter window (notes, next slide, timer).
    rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), presenter: resolve(import.meta.dirname, 'presenter.html') } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
