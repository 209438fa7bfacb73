/**
 * The service worker and web app manifest (issue 12), generated at build time by vite-plugin-pwa
 * (Workbox generateSW). Precached: the app shell (JS, CSS, HTML), basemap tiles and names, fonts, icons and the
 * render-critical data (manifest.json, every *.columns.bin, flows.json, states.json). Details chunks
 * and other data files are cached as they are used (cache-first: their URLs carry a content hash), or
 * all at once by the app's "make available offline" action. A new version waits until the user
 * accepts it (registerType 'prompt'); the app registers the worker from its bundle (no inline
 * script: the strict Content-Security-Policy stays).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { isRenderCritical, versionedDataFile } from '../../src/data/data-version.ts';
import { WEB_APP_MANIFEST_FILE } from '../../src/offline/web-app-manifest.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Runtime cache of data files not precached (details chunks, population details, quarantine). */
export const DATA_RUNTIME_CACHE = 'atlas-data';

/** Data files are precached under the versioned URL the app requests (`data/<file>?v=<hash>`). */
function dataManifest(): Parameters<typeof versionedDataFile>[0] | null {
  for (const dir of ['dist/data', 'public/data']) {
    const path = resolve(repoRoot, dir, 'manifest.json');
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Parameters<typeof versionedDataFile>[0];
  }
  return null;
}

export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  injectRegister: false,
  strategies: 'generateSW',
  filename: 'sw.js',
  manifestFilename: WEB_APP_MANIFEST_FILE,
  includeManifestIcons: false,
  manifest: {
    name: 'US–Mexico Transport Electrification Atlas',
    short_name: 'EV Atlas US–MX',
    description:
      'Bilingual atlas of EV charging and the battery supply chain across the United States and Mexico. Atlas binacional de la electrificación del transporte.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // basemap: the vector tiles the map draws (issue 13: about 620 small files, 1 MB) and the label and place GeoJSON
    // search reads; not the GeoJSON the tiles are cut from (countries, states, lines: 2.2 MB no page fetches)
    globPatterns: [
      '**/*.{js,css,html,woff2,svg,png}',
      'basemap/tiles/*/*/*.pbf',
      'basemap/labels.geojson',
      'basemap/places.geojson',
      'basemap/ATTRIBUTION.md',
      'fonts/*',
      'data/manifest.json',
      'data/*.columns.bin',
      'data/flows.json',
      'data/states.json',
    ],
    globIgnores: ['data/*.details*.json', 'data/quarantine.json'],
    // the main chunk is about 2.2 MB, chargers.columns.bin about 1.3 MB
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    manifestTransforms: [
      async (entries) => {
        const manifest = dataManifest();
        const manifestEntries = entries.map((entry) => {
          const file = entry.url.startsWith('data/') ? entry.url.slice('data/'.length) : null;
          if (!manifest || !file || !isRenderCritical(file)) return entry;
          // the URL carries the content hash: no revision needed
          return { ...entry, url: `data/${versionedDataFile(manifest, file)}`, revision: null };
        });
        return { manifest: manifestEntries, warnings: manifest ? [] : ['no data/manifest.json: data files precached without versions'] };
      },
    ],
    navigateFallback: null,
    cleanupOutdatedCaches: true,
    // the first install takes the open page at once (nothing to replace); later versions wait for the user (prompt)
    clientsClaim: true,
    skipWaiting: false,
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[^/]+\.(json|bin)$/.test(url.pathname),
        handler: 'CacheFirst',
        options: {
          cacheName: DATA_RUNTIME_CACHE,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 150 },
        },
      },
    ],
  },
};
