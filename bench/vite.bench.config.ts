/**
 * Builds the two baseline pages (bench/leaflet, bench/maplibre) and the basemap reference page
 * (bench/basemap-floor) into bench/dist/baselines/.
 * The runner (run-bench.mjs) then copies the offline basemap (public/basemap, public/fonts) and the
 * pipeline's GeoJSON export (bench/dist/baselines/data/chargers.geojson) next to them.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { maplibreFromSourcePlugin } from '../data/vite/maplibre-from-source.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./'),
  base: './',
  publicDir: false,
  // the reference page builds maplibre as the atlas does; the maplibre baseline keeps the prebuilt bundle
  plugins: [maplibreFromSourcePlugin({ appliesTo: (importer) => !importer.startsWith(here('./maplibre/')) })],
  logLevel: 'warn',
  build: {
    outDir: here('./dist/baselines'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        leaflet: here('./leaflet/index.html'),
        maplibre: here('./maplibre/index.html'),
        'basemap-floor': here('./basemap-floor/index.html'),
      },
    },
  },
});
