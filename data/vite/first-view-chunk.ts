/**
 * Vite plugin (production builds, issue 13): the modules the first view runs are one chunk.
 *
 * Left to itself the bundler splits the first view's code into about thirty chunks: every module that a panel
 * loaded later also imports becomes a small chunk of its own (the store, the URL codec, the analysis hooks…),
 * all fetched at start. Each compresses on its own, so the first view downloads more bytes and makes more
 * requests than the same code in one file. This plugin finds, once the module graph is built, every module
 * reachable from index.html by static imports, and puts them in one chunk (`first-view`) with rolldown's
 * `codeSplitting` groups. Panels loaded later keep their own chunks and import what they share from it.
 *
 * maplibre's worker imports code the page also runs (data/vite/maplibre-from-source.ts): every module reachable
 * from the worker's entry stays out of the group, in the chunk the page and the worker share, so the worker never
 * loads the page's code. Those modules only define maplibre's classes and functions, so running them before the
 * first-view chunk (as its imports) changes nothing.
 */
import type { Plugin } from 'vite';

const APP_ENTRY = /[\\/]index\.html$/;
const WORKER_ENTRY = /[\\/]maplibre-gl[\\/]src[\\/]source[\\/]worker\.ts$/;

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module reachable from `entry` by static imports (dynamic imports start chunks of their own). */
export function staticallyReachable(graph: ModuleGraph, entry: string): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}

/** The first view's modules: those reachable from the app's entry, less those the maplibre worker reaches. */
export function firstViewModules(graph: ModuleGraph): Set<string> {
  const ids = [...graph.getModuleIds()];
  const appEntry = ids.find((id) => APP_ENTRY.test(id));
  if (!appEntry) return new Set();
  const page = staticallyReachable(graph, appEntry);
  const workerEntry = ids.find((id) => WORKER_ENTRY.test(id));
  if (workerEntry) for (const id of staticallyReachable(graph, workerEntry)) page.delete(id);
  return page;
}

export function firstViewChunkPlugin(): Plugin {
  let firstView = new Set<string>();
  return {
    name: 'atlas-first-view-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // the group is exactly the set: a module's dependencies are in it already, or shared with the worker
              includeDependenciesRecursively: false,
              groups: [{ name: 'first-view', test: (id: string) => firstView.has(id) }],
            },
          },
        },
      },
    }),
    buildEnd() {
      firstView = firstViewModules(this);
    },
  };
}
