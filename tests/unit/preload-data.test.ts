import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor, IndexHtmlTransformHook } from 'vite';
import { ATLAS_FORMAT_VERSION, type AtlasManifest } from '../../src/data/atlas-format.ts';
import { versionedDataFile } from '../../src/data/data-version.ts';
import { preloadDataPlugin, renderCriticalFiles } from '../../data/vite/preload-data.ts';

const manifest = {
  formatVersion: ATLAS_FORMAT_VERSION,
  generatedAt: '2026-12-01T10:00:00.000Z',
  mode: 'snapshot',
  layers: {
    chargers: {
      files: { columns: 'chargers.columns.bin', detailChunks: [{ file: 'chargers.details-000.json' }], bytes: {}, sha256: { 'chargers.columns.bin': 'ab'.repeat(32) } },
    },
    minerals: { files: { columns: 'minerals.columns.bin', bytes: {} } },
    flows: { files: { flows: 'flows.json', bytes: {} } },
  },
  auxiliary: { states: { files: { data: 'states.json', bytes: {} } } },
} as unknown as AtlasManifest;

function tagsFor(publicDir: string): HtmlTagDescriptor[] {
  const hook = preloadDataPlugin(publicDir).transformIndexHtml as IndexHtmlTransformHook;
  return hook.call({} as never, '', {} as never) as HtmlTagDescriptor[];
}

describe('preload of the first view data', () => {
  it('lists every point dataset columns file and the flows, not details or auxiliary tables', () => {
    expect(renderCriticalFiles(manifest)).toEqual(['chargers.columns.bin', 'minerals.columns.bin', 'flows.json']);
  });

  it('links each file under the versioned URL the app requests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preload-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'manifest.json'), JSON.stringify(manifest));
    const hrefs = tagsFor(dir).map((tag) => tag.attrs?.href);
    expect(hrefs).toEqual(renderCriticalFiles(manifest).map((file) => `./data/${versionedDataFile(manifest, file)}`));
    expect(hrefs[0]).toBe(`./data/chargers.columns.bin?v=${'ab'.repeat(8)}`);
    expect(tagsFor(dir).every((tag) => tag.attrs?.rel === 'preload' && tag.attrs.as === 'fetch' && tag.attrs.crossorigin === 'anonymous')).toBe(true);
  });

  it('adds nothing when the data has not been built', () => {
    expect(tagsFor(mkdtempSync(join(tmpdir(), 'preload-empty-')))).toEqual([]);
  });
});
