import { describe, expect, it } from 'vitest';
import { firstViewChunkPlugin, firstViewModules, staticallyReachable } from '../../data/vite/first-view-chunk.ts';

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

  it('gives rolldown one group holding exactly the modules found when the build ends', () => {
    const plugin = firstViewChunkPlugin();
    expect(plugin.apply).toBe('build');
    const config = (plugin.config as () => { build: { rolldownOptions: { output: { codeSplitting: Record<string, unknown> } } } })();
    const splitting = config.build.rolldownOptions.output.codeSplitting as {
      includeDependenciesRecursively: boolean;
      groups: { name: string; test: (id: string) => boolean }[];
    };
    expect(splitting.includeDependenciesRecursively).toBe(false);
    expect(splitting.groups).toHaveLength(1);
    const group = splitting.groups[0]!;
    expect(group.name).toBe('first-view');
    expect(group.test('/repo/src/app.tsx')).toBe(false);
    (plugin.buildEnd as unknown as (this: typeof GRAPH) => void).call(GRAPH);
    expect(group.test('/repo/src/app.tsx')).toBe(true);
    expect(group.test('/repo/node_modules/maplibre-gl/src/util/util.ts')).toBe(false);
    expect(group.test(MAPLIBRE_WORKER)).toBe(false);
    expect(group.test('/repo/src/components/gap-panel.tsx')).toBe(false);
  });
});
