import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './data/pwa/pwa-options.ts';
import { preloadDataPlugin } from './data/vite/preload-data.ts';
import { webglOnlyPlugin } from './data/vite/webgl-only.ts';
import { maplibreFromSourcePlugin } from './data/vite/maplibre-from-source.ts';
import { deckDataInMemoryPlugin } from './data/vite/deck-data-in-memory.ts';
import { languagePreloadPlugin } from './data/vite/language-preload.ts';
import { firstViewChunkPlugin } from './data/vite/first-view-chunk.ts';
import { manifestAfterFirstViewPlugin } from './data/vite/manifest-after-first-view.ts';
import { WEB_APP_MANIFEST_FILE } from './src/offline/web-app-manifest.ts';

export default defineConfig({
  // Relative asset paths: the built dist/ works under any path (GitHub Pages, a USB stick).
  base: './',
  // the service worker and web app manifest (issue 12): data/pwa/pwa-options.ts
  // webglOnlyPlugin: deck.gl / luma.gl code only a WebGPU device runs is left out of the build (issue 13)
  // maplibreFromSourcePlugin: maplibre and its worker built from its sources, sharing one chunk (issue 13)
  // deckDataInMemoryPlugin: deck.gl's loading of URLs (loaders.gl) is left out; the atlas passes its data in memory (issue 13)
  // firstViewChunkPlugin: the modules the first view runs are one chunk, not thirty (issue 13)
  // manifestAfterFirstViewPlugin: the web app manifest's link is added by the app after the first view, not in index.html (issue 13)
  // languagePreloadPlugin: a link in Spanish fetches the Spanish strings' chunk with the first view's JavaScript (issue 13)
  plugins: [
    react(),
    VitePWA(pwaOptions),
    manifestAfterFirstViewPlugin(WEB_APP_MANIFEST_FILE),
    preloadDataPlugin(),
    webglOnlyPlugin(),
    maplibreFromSourcePlugin(),
    deckDataInMemoryPlugin(),
    languagePreloadPlugin(),
    firstViewChunkPlugin(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
