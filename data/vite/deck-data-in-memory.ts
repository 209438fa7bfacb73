/**
 * Vite plugin (production builds only, issue 13): leaves out of the bundle the loaders.gl code with which deck.gl
 * fetches and parses a layer's `data`, or an icon layer's image, given as a URL (`@loaders.gl/core` and
 * `@loaders.gl/images`, about 10 KB gzipped of the first view's JavaScript). The atlas hands deck.gl its data in
 * memory (typed-array columns and objects from src/data/) and its icon atlases as `ImageData`, never a URL, so that
 * code is downloaded and parsed on every first view and never run.
 *
 * deck.gl's imports of those two packages get a module whose `load`, `parse` and `fetchFile` throw an error naming
 * this plugin, and whose `registerLoaders` (deck.gl registers its JSON and image loaders at start) does nothing.
 * If the atlas ever gives deck.gl a URL, remove this plugin. `vite` (the dev server) and vitest keep loaders.gl.
 */
import type { Plugin } from 'vite';

const LEFT_OUT = new Set(['@loaders.gl/core', '@loaders.gl/images']);
const DECK_GL = /[\\/]node_modules[\\/]@deck\.gl[\\/]/;
const STUB_MODULE = '\0atlas-deck-data-in-memory';

export const URL_LOADING_LEFT_OUT_MESSAGE =
  'deck.gl was given a URL to load: the atlas passes its data in memory, and loaders.gl is left out of this build (data/vite/deck-data-in-memory.ts)';

export const LOADERS_STUB = [
  `function leftOut() { throw new Error(${JSON.stringify(URL_LOADING_LEFT_OUT_MESSAGE)}); }`,
  'export const load = leftOut;',
  'export const parse = leftOut;',
  'export const fetchFile = leftOut;',
  'export function registerLoaders() {}',
  "export const ImageLoader = { id: 'image', name: 'Images (left out)', extensions: [], mimeTypes: [] };",
].join('\n');

export function deckDataInMemoryPlugin(): Plugin {
  return {
    name: 'atlas-deck-data-in-memory',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      return LEFT_OUT.has(id) && importer !== undefined && DECK_GL.test(importer) ? STUB_MODULE : null;
    },
    load(id) {
      return id === STUB_MODULE ? LOADERS_STUB : null;
    },
  };
}
