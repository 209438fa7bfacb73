/**
 * Vite plugin: `<link rel="preload" as="fetch">` in the built index.html for the data the first view draws
 * (every point dataset's columns and the flows), under the exact versioned URLs the app requests
 * (`data/<file>?v=<sha256 prefix>`, src/data/data-version.ts). The browser fetches them while it downloads
 * and runs the JavaScript, instead of after the app has started and read the manifest: on a slow link the
 * data and the code arrive side by side. Without a built `public/data/manifest.json` nothing is added.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import type { AtlasManifest } from '../../src/data/atlas-format.ts';
import { versionedDataFile } from '../../src/data/data-version.ts';

/** The files of the first view: columns of every point dataset, and the flows. */
export function renderCriticalFiles(manifest: AtlasManifest): string[] {
  return Object.values(manifest.layers).flatMap((layer) => [layer.files.columns, layer.files.flows].filter((file): file is string => typeof file === 'string'));
}

export function preloadDataPlugin(publicDir = 'public'): Plugin {
  return {
    name: 'atlas-preload-data',
    apply: 'build',
    transformIndexHtml() {
      const path = join(publicDir, 'data', 'manifest.json');
      if (!existsSync(path)) return [];
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as AtlasManifest;
      return renderCriticalFiles(manifest).map((file): HtmlTagDescriptor => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./data/${versionedDataFile(manifest, file)}` },
        injectTo: 'head',
      }));
    },
  };
}
