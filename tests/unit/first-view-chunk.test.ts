import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_PARTS, firstViewChunkPlugin, firstViewModules, firstViewPart, staticallyReachable } from '../../data/vite/first-view-chunk.ts';

/** A module graph as rolldown's plugin context shows it: static imports per module (dynamic ones are not edges). */
function graphOf(imports: Record<string, string[]>) {
  return {
    getModuleIds: () => Object.keys(imports)[Symbol.iterator](),
    getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id]! } : null),
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

  it('gives rolldown one group per part, each holding exactly its modules found when the build ends', () => {
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
    (plugin.buildEnd as unknown as (this: typeof GRAPH) => void).call(GRAPH);
    expect(groupsOf('/repo/src/app.tsx')).toEqual(['first-view']);
    expect(groupsOf('/repo/node_modules/maplibre-gl/src/ui/map.ts')).toEqual(['first-view-maplibre']);
    expect(groupsOf('/repo/node_modules/maplibre-gl/src/util/util.ts')).toEqual([]);
    expect(groupsOf(MAPLIBRE_WORKER)).toEqual([]);
    expect(groupsOf('/repo/src/components/gap-panel.tsx')).toEqual([]);
  });
});
