import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { maplibreFromSourcePlugin, MAPLIBRE_WORKER_URL_MODULE, MLT_LEFT_OUT_MESSAGE } from '../../data/vite/maplibre-from-source.ts';

type Hook = (...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'config' | 'resolveId' | 'load' | 'transform') => plugin[name] as unknown as Hook;

function pluginFor(command: 'build' | 'serve', appliesTo?: (importer: string) => boolean) {
  const plugin = maplibreFromSourcePlugin(appliesTo ? { appliesTo } : {});
  hook(plugin, 'config')({}, { command, mode: 'production' });
  return plugin;
}

describe('maplibre built from its sources (issue 13)', () => {
  it('a build resolves maplibre-gl to its TypeScript sources, except for excluded importers', () => {
    const plugin = pluginFor('build', (importer) => !importer.includes('/bench/maplibre/'));
    expect(hook(plugin, 'resolveId')('maplibre-gl', '/repo/src/map/create-map.ts')).toMatch(/maplibre-gl[\\/]src[\\/]index\.ts$/);
    expect(hook(plugin, 'resolveId')('maplibre-gl', '/repo/bench/maplibre/main.ts')).toBeNull();
    expect(hook(plugin, 'resolveId')('maplibre-gl/dist/maplibre-gl.css', '/repo/src/map/create-map.ts')).toBeNull();
  });

  it('a build emits the worker as a chunk of the same build and exports its URL', () => {
    const plugin = pluginFor('build');
    const resolved = hook(plugin, 'resolveId')(MAPLIBRE_WORKER_URL_MODULE, '/repo/src/map/create-map.ts') as string;
    const emitted: { type: string; id: string }[] = [];
    const code = hook(plugin, 'load').call({ emitFile: (file: { type: string; id: string }) => (emitted.push(file), 'ref1') }, resolved);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.type).toBe('chunk');
    expect(emitted[0]!.id).toMatch(/maplibre-gl[\\/]src[\\/]source[\\/]worker\.ts$/);
    expect(code).toBe('export default import.meta.ROLLUP_FILE_URL_ref1;');
  });

  it('the dev server and tests keep the prebuilt bundle and its worker', () => {
    const plugin = pluginFor('serve');
    expect(hook(plugin, 'resolveId')('maplibre-gl', '/repo/src/map/create-map.ts')).toBeNull();
    const resolved = hook(plugin, 'resolveId')(MAPLIBRE_WORKER_URL_MODULE, '/repo/src/map/create-map.ts') as string;
    expect(hook(plugin, 'load').call({}, resolved)).toContain('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url');
  });

  it("compiles maplibre's declared fields without resetting what the base constructor set", async () => {
    const plugin = pluginFor('build');
    const id = createRequire(import.meta.url)
      .resolve('maplibre-gl/package.json')
      .replace(/package\.json$/, 'src/data/example.ts');
    const source = `class Base { constructor() { this.refresh(); } refresh() {} }
      export class Arrays extends Base { int16: Int16Array; refresh() { this.int16 = new Int16Array(4); } }`;
    const result = (await hook(plugin, 'transform')(source, id)) as { code: string };
    const module = (await import(`data:text/javascript,${encodeURIComponent(result.code)}`)) as { Arrays: new () => { int16?: Int16Array } };
    expect(new module.Arrays().int16).toBeInstanceOf(Int16Array);
    // our own TypeScript is left to Vite
    expect(await hook(plugin, 'transform')(source, '/repo/src/map/example.ts')).toBeNull();
  });

  it('leaves the MapLibre Tiles decoder out of the build, keeping the enum maplibre reads', async () => {
    const plugin = pluginFor('build');
    const maplibreSource = createRequire(import.meta.url)
      .resolve('maplibre-gl/package.json')
      .replace(/package\.json$/, 'src/');
    expect(hook(plugin, 'resolveId')('@maplibre/mlt', '/repo/src/map/create-map.ts')).toBeNull();
    expect(hook(pluginFor('serve'), 'resolveId')('@maplibre/mlt', `${maplibreSource}source/vector_tile_mlt.ts`)).toBeNull();
    const stubId = hook(plugin, 'resolveId')('@maplibre/mlt', `${maplibreSource}source/vector_tile_mlt.ts`) as string;
    expect(stubId).toBeTruthy();

    // maplibre's only import of the package: the stub must provide every value it names
    const adapter = readFileSync(`${maplibreSource}source/vector_tile_mlt.ts`, 'utf8');
    const imported = /import \{([^}]*)\} from '@maplibre\/mlt'/
      .exec(adapter)![1]!
      .split(',')
      .map((name) => name.trim());
    expect(imported.filter((name) => !name.startsWith('type '))).toEqual(['decodeTile', 'GEOMETRY_TYPE']);

    const file = join(mkdtempSync(join(tmpdir(), 'mlt-stub-')), 'stub.mjs');
    writeFileSync(file, hook(plugin, 'load').call({}, stubId) as string);
    const stub = (await import(/* @vite-ignore */ file)) as { decodeTile: () => unknown; GEOMETRY_TYPE: Record<string, number> };
    const real = (await import('@maplibre/mlt')) as unknown as { GEOMETRY_TYPE: Record<string, number> };
    expect(stub.GEOMETRY_TYPE).toEqual(real.GEOMETRY_TYPE);
    expect(() => stub.decodeTile()).toThrow(MLT_LEFT_OUT_MESSAGE);
  });
});
