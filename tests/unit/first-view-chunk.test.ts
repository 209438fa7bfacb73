import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIRST_VIEW_PARTS,
  firstViewChunkPlugin,
  firstViewModules,
  firstViewPart,
  importedNames,
  isBarrel,
  packageSideEffectFree,
  readPackageJsonIn,
  staticallyReachable,
} from '../../data/vite/first-view-chunk.ts';

/** A module graph as rolldown's plugin context shows it: static imports per module (dynamic ones are not edges). */
function graphOf(imports: Record<string, string[]>) {
  return {
    getModuleIds: () => Object.keys(imports)[Symbol.iterator](),
    getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id]!, code: null } : null),
    resolve: () => Promise.resolve(null),
  };
}

/** A graph with code: each module's imports are read from its `from` clauses, resolved by `resolutions`. */
function graphWithCode(modules: Record<string, { code: string; imports: Record<string, string> }>) {
  return {
    getModuleIds: () => Object.keys(modules)[Symbol.iterator](),
    getModuleInfo: (id: string) => (id in modules ? { importedIds: Object.values(modules[id]!.imports), code: modules[id]!.code } : null),
    resolved: (importer: string, specifier: string) => modules[importer]?.imports[specifier],
  };
}

const MAPLIBRE_WORKER = '/repo/node_modules/maplibre-gl/src/source/worker.ts';
const GRAPH = graphOf({
  '/repo/index.html': ['/repo/src/main.tsx'],
  '/repo/src/main.tsx': ['/repo/src/app.tsx', '/repo/src/state/store.ts'],
  '/repo/src/app.tsx': ['/repo/src/state/store.ts', '/repo/node_modules/maplibre-gl/src/index.ts'],
  '/repo/src/state/store.ts': [],
  '/repo/node_modules/maplibre-gl/src/index.ts': ['/repo/node_modules/maplibre-gl/src/ui/map.ts', '/repo/node_modules/maplibre-gl/src/util/util.ts'],
  '/repo/node_modules/maplibre-gl/src/ui/map.ts': ['/repo/node_modules/maplibre-gl/src/util/util.ts'],
  '/repo/node_modules/maplibre-gl/src/util/util.ts': [],
  [MAPLIBRE_WORKER]: ['/repo/node_modules/maplibre-gl/src/util/util.ts'],
  // loaded with import() by app.tsx: not an edge of the graph above
  '/repo/src/components/gap-panel.tsx': ['/repo/src/state/store.ts', '/repo/src/analysis/gap.ts'],
  '/repo/src/analysis/gap.ts': [],
});

describe('the first view in one chunk (issue 13)', () => {
  it('follows static imports only, each module once (cycles included)', () => {
    const cyclic = graphOf({ a: ['b'], b: ['a', 'c'], c: [], d: ['a'] });
    expect([...staticallyReachable(cyclic, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });

  it('follows a barrel of a package free of side effects only to the modules whose names are imported', () => {
    const layers = '/repo/node_modules/@deck.gl/layers/dist';
    const modules = {
      '/repo/src/chargers.ts': {
        code: "import { ScatterplotLayer as Points } from '@deck.gl/layers';\nnew Points();",
        imports: { '@deck.gl/layers': `${layers}/index.js` },
      },
      [`${layers}/index.js`]: {
        code: [
          '// deck.gl',
          'export { default as ScatterplotLayer } from "./scatterplot-layer.js";',
          'export { default as TextLayer } from "./text-layer.js";',
          'export * from "./utils.js";',
          'export { setup } from "./setup.js";',
        ].join('\n'),
        imports: {
          './scatterplot-layer.js': `${layers}/scatterplot-layer.js`,
          './text-layer.js': `${layers}/text-layer.js`,
          './utils.js': `${layers}/utils.js`,
          './setup.js': '/repo/node_modules/setup/index.js',
        },
      },
      [`${layers}/scatterplot-layer.js`]: { code: 'export default class ScatterplotLayer {}', imports: {} },
      [`${layers}/text-layer.js`]: {
        code: 'import { atlas } from "./font-atlas.js"; export default class TextLayer {}',
        imports: { './font-atlas.js': `${layers}/font-atlas.js` },
      },
      [`${layers}/font-atlas.js`]: { code: 'export const atlas = 1;', imports: {} },
      [`${layers}/utils.js`]: { code: 'export const clamp = 1;', imports: {} },
      '/repo/node_modules/setup/index.js': { code: 'globalThis.setUp = true; export const setup = 1;', imports: {} },
    };
    const graph = graphWithCode(modules);
    const freeOfSideEffects = (id: string) => id.startsWith(layers);
    const reached = staticallyReachable(graph, '/repo/src/chargers.ts', graph.resolved, freeOfSideEffects);
    // the module with side effects runs whatever is imported; `export *` may hold the name, so it is followed
    expect([...reached].sort()).toEqual(
      ['/repo/node_modules/setup/index.js', '/repo/src/chargers.ts', `${layers}/index.js`, `${layers}/scatterplot-layer.js`, `${layers}/utils.js`].sort(),
    );
    // without the package's word on side effects, every re-exported module runs
    expect(staticallyReachable(graph, '/repo/src/chargers.ts', graph.resolved)).toContain(`${layers}/font-atlas.js`);
    // an import not resolved, or of every name, follows every re-export
    expect(staticallyReachable(graph, '/repo/src/chargers.ts', () => undefined, freeOfSideEffects)).toContain(`${layers}/text-layer.js`);
    const namespaceGraph = graphWithCode({
      ...modules,
      '/repo/src/chargers.ts': { code: "import * as deck from '@deck.gl/layers';", imports: { '@deck.gl/layers': `${layers}/index.js` } },
    });
    expect(staticallyReachable(namespaceGraph, '/repo/src/chargers.ts', namespaceGraph.resolved, freeOfSideEffects)).toContain(`${layers}/font-atlas.js`);
    expect(importedNames('* as deck')).toBeNull();
    expect(importedNames('Default, { a, b as c }')).toEqual(new Set(['default', 'a', 'b']));
    expect(importedNames('{ default as Layer }')).toEqual(new Set(['default']));
  });

  it("reads the installed packages: deck.gl's layer index is a barrel free of side effects, web-mercator's has them", () => {
    const modules = resolve(import.meta.dirname, '../../node_modules');
    expect(isBarrel(readFileSync(join(modules, '@deck.gl/layers/dist/index.js'), 'utf8'))).toBe(true);
    expect(isBarrel("import './a.js';\nexport { b } from './b.js';")).toBe(false);
    expect(isBarrel('export const a = 1;')).toBe(false);
    const free = packageSideEffectFree(readPackageJsonIn);
    expect(free(join(modules, '@deck.gl/layers/dist/text-layer/text-layer.js'))).toBe(true);
    expect(free(join(modules, '@math.gl/web-mercator/dist/normalize-viewport-props.js'))).toBe(false);
    expect(free(resolve(import.meta.dirname, '../../src/app.tsx'))).toBe(false);
    // a package.json without a name (a `type` marker in dist/) defers to the package's; a list of files is not "free"
    const fake: Record<string, string> = {
      '/r/node_modules/a': '{"name":"a","sideEffects":false}',
      '/r/node_modules/a/dist': '{"type":"module"}',
      '/r/node_modules/b': '{"name":"b","sideEffects":["./x.js"]}',
    };
    const freeFake = packageSideEffectFree((dir) => fake[dir] ?? null);
    expect(freeFake('/r/node_modules/a/dist/lib/m.js')).toBe(true);
    expect(freeFake('/r/node_modules/b/m.js')).toBe(false);
  });

  it("groups what index.html reaches, less the maplibre worker's modules and what only later panels load", () => {
    expect([...firstViewModules(GRAPH)].sort()).toEqual([
      '/repo/index.html',
      '/repo/node_modules/maplibre-gl/src/index.ts',
      '/repo/node_modules/maplibre-gl/src/ui/map.ts',
      '/repo/src/app.tsx',
      '/repo/src/main.tsx',
      '/repo/src/state/store.ts',
    ]);
    expect(firstViewModules(graphOf({ '/repo/src/main.tsx': [] }))).toEqual(new Set());
  });

  it("sorts the first view's modules into its libraries' parts and the app's", () => {
    expect(firstViewPart('/repo/node_modules/maplibre-gl/src/ui/map.ts')).toBe('first-view-maplibre');
    expect(firstViewPart('/repo/node_modules/@deck.gl/core/dist/lib/deck.js')).toBe('first-view-deck');
    expect(firstViewPart('/repo/node_modules/@luma.gl/webgl/dist/index.js')).toBe('first-view-deck');
    expect(firstViewPart('/repo/node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('first-view-react');
    expect(firstViewPart('/repo/node_modules/i18next/dist/esm/i18next.js')).toBe('first-view-react');
    // a package whose name only starts like one of the families is the app's
    expect(firstViewPart('/repo/node_modules/react-window/dist/index.js')).toBe('first-view');
    expect(firstViewPart('/repo/src/app.tsx')).toBe('first-view');
    expect(firstViewPart('/repo/node_modules/d3-array/src/index.js')).toBe('first-view');
  });

  it('gives rolldown one group per part, each holding exactly its modules found when the build ends', async () => {
    const plugin = firstViewChunkPlugin();
    expect(plugin.apply).toBe('build');
    const config = (plugin.config as () => { build: { rolldownOptions: { output: { codeSplitting: Record<string, unknown> } } } })();
    const splitting = config.build.rolldownOptions.output.codeSplitting as {
      includeDependenciesRecursively: boolean;
      groups: { name: string; test: (id: string) => boolean }[];
    };
    expect(splitting.includeDependenciesRecursively).toBe(false);
    expect(splitting.groups.map((group) => group.name)).toEqual(FIRST_VIEW_PARTS.map((part) => part.name));
    const groupsOf = (id: string) => splitting.groups.filter((group) => group.test(id)).map((group) => group.name);
    expect(groupsOf('/repo/src/app.tsx')).toEqual([]);
    await (plugin.buildEnd as unknown as (this: typeof GRAPH) => Promise<void>).call(GRAPH);
    expect(groupsOf('/repo/src/app.tsx')).toEqual(['first-view']);
    expect(groupsOf('/repo/node_modules/maplibre-gl/src/ui/map.ts')).toEqual(['first-view-maplibre']);
    expect(groupsOf('/repo/node_modules/maplibre-gl/src/util/util.ts')).toEqual([]);
    expect(groupsOf(MAPLIBRE_WORKER)).toEqual([]);
    expect(groupsOf('/repo/src/components/gap-panel.tsx')).toEqual([]);
  });
});
