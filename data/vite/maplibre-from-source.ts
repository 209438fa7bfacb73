/**
 * Vite plugin (production builds, issue 13): maplibre-gl is bundled from the TypeScript sources its package ships
 * (`maplibre-gl/src`, the same release as its `dist/`), and its worker is an entry chunk of the same build.
 *
 * maplibre's prebuilt `dist/` holds two self-contained bundles, the map (`maplibre-gl.mjs`, 296 KB gzipped) and
 * its worker (`maplibre-gl-worker.mjs`, 147 KB), each with its own copy of the style specification, the tile
 * buckets, the vector-tile and glyph code: the first view downloaded and compiled that shared code twice. Built
 * from the sources, the code both use is one chunk that the page and the worker import (Chromium, Firefox and
 * Safari run module workers, which maplibre 6 creates for an ES module worker URL), and the first view's
 * JavaScript is about 125 KB smaller.
 *
 * The MapLibre Tiles decoder (`@maplibre/mlt`, 18 KB gzipped), which maplibre runs only for a vector source with
 * `encoding: 'mlt'`, is left out: the atlas's basemap and data are Mapbox Vector Tiles. Its geometry-type enum stays
 * (maplibre's MLT adapter reads it); decoding an MLT tile fails with an error that names this plugin.
 *
 * `vite` (the dev server) and vitest keep the prebuilt bundles: only `vite build` compiles maplibre.
 * `appliesTo` limits the swap to some importers (the benchmark's maplibre baseline keeps the prebuilt bundle).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

export const MAPLIBRE_WORKER_URL_MODULE = 'virtual:maplibre-worker-url';
const RESOLVED_WORKER_URL_MODULE = `\0${MAPLIBRE_WORKER_URL_MODULE}`;

const maplibreRoot = dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json'));
const SOURCE_DIR = join(maplibreRoot, 'src') + sep;
const SOURCE_ENTRY = join(SOURCE_DIR, 'index.ts');
const WORKER_ENTRY = join(SOURCE_DIR, 'source', 'worker.ts');
const MLT_STUB_MODULE = '\0atlas-mlt-left-out';
const MLT_GEOMETRY_TYPE = join(dirname(createRequire(join(maplibreRoot, 'package.json')).resolve('@maplibre/mlt')), 'vector', 'geometry', 'geometryType.js');
export const MLT_LEFT_OUT_MESSAGE = "MapLibre Tiles (a vector source with encoding 'mlt') are left out of this build (data/vite/maplibre-from-source.ts)";
const MLT_STUB = [
  `export { GEOMETRY_TYPE } from ${JSON.stringify(MLT_GEOMETRY_TYPE)};`,
  `export function decodeTile() { throw new Error(${JSON.stringify(MLT_LEFT_OUT_MESSAGE)}); }`,
].join('\n');
const PREBUILT_WORKER_URL = `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';`;

export interface MaplibreFromSourceOptions {
  /** whether an import of `maplibre-gl` from this module gets the sources (default: every importer) */
  appliesTo?: (importer: string) => boolean;
}

export function maplibreFromSourcePlugin({ appliesTo = () => true }: MaplibreFromSourceOptions = {}): Plugin {
  let build = false;
  return {
    name: 'atlas-maplibre-from-source',
    enforce: 'pre',
    config(_config, { command }) {
      build = command === 'build';
    },
    resolveId(id, importer) {
      if (id === MAPLIBRE_WORKER_URL_MODULE) return RESOLVED_WORKER_URL_MODULE;
      if (build && id === 'maplibre-gl' && importer !== undefined && appliesTo(importer)) return SOURCE_ENTRY;
      if (build && id === '@maplibre/mlt' && importer?.startsWith(SOURCE_DIR)) return MLT_STUB_MODULE;
      return null;
    },
    load(id) {
      if (id === MLT_STUB_MODULE) return MLT_STUB;
      if (id !== RESOLVED_WORKER_URL_MODULE) return null;
      if (!build) return PREBUILT_WORKER_URL;
      const reference = this.emitFile({ type: 'chunk', id: WORKER_ENTRY, name: 'maplibre-gl-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    // maplibre's classes declare fields that their base class's constructor sets (the struct arrays' typed-array
    // views): they are compiled as maplibre compiles them, with TypeScript's `useDefineForClassFields: false`
    async transform(code, id) {
      if (!build || !id.startsWith(SOURCE_DIR) || !id.endsWith('.ts')) return null;
      const result = await transformWithOxc(code, id, {
        lang: 'ts',
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      });
      return { code: result.code, map: result.map };
    },
  };
}
