/**
 * Vite plugin (production builds, issue 13): the modules the first view runs are four chunks, not about thirty.
 *
 * Left to itself the bundler splits the first view's code into about thirty chunks: every module that a panel
 * loaded later also imports becomes a small chunk of its own (the store, the URL codec, the analysis hooks…),
 * all fetched at start. Each compresses on its own, so the first view downloaded more bytes and made more requests
 * than the same code in a few files. This plugin finds, once the module graph is built, every module reachable from
 * index.html by static imports, and puts them in four chunks with rolldown's `codeSplitting` groups
 * (`FIRST_VIEW_PARTS`: maplibre, deck.gl and luma.gl, React with i18next and react-query, the app). Panels loaded
 * later keep their own chunks and import what they share from these.
 *
 * Why four and not one: one chunk was 1 KB smaller, but on the bench's weak connection (every response sharing
 * 1.6 Mbps) a single script got the smallest share beside the render-critical data downloading at the same time,
 * and the first view was 0.5 s slower than with thirty files; four were 0.25 s faster. And a release that changes
 * only the app's code leaves the libraries' files, and the browser's copies of them, as they were.
 *
 * maplibre's worker imports code the page also runs (data/vite/maplibre-from-source.ts): every module reachable
 * from the worker's entry stays out of the groups, in the chunk the page and the worker share, so the worker never
 * loads the page's code. Those modules only define maplibre's classes and functions, so running them before the
 * first view's chunks (as their imports) changes nothing. A few the worker's graph reaches but, once tree-shaken,
 * only the page uses (the style specification's diff, deref and empty style, gl-matrix's mat2) are left by rolldown in
 * the entry chunk, which the maplibre part then imports back: a cycle between chunks that is safe while those modules
 * hold only function declarations (hoisted); a module with top-level state there would fail the e2e tests at start.
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

/**
 * The first view's chunks: its libraries by family, then the app (and the small libraries it alone uses). A
 * release of the atlas that changes only its own code leaves the libraries' files, and their cache, as they were;
 * and a few files download side by side with the render-critical data, where one would get the smallest share.
 */
export const FIRST_VIEW_PARTS: readonly { name: string; packages: RegExp | null }[] = [
  { name: 'first-view-maplibre', packages: /[\\/]node_modules[\\/](maplibre-gl|@maplibre)[\\/]/ },
  { name: 'first-view-deck', packages: /[\\/]node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@probe\.gl|mjolnir\.js)[\\/]/ },
  { name: 'first-view-react', packages: /[\\/]node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|@tanstack|zustand|use-sync-external-store)[\\/]/ },
  { name: 'first-view', packages: null },
];

/** The part of the first view a module belongs to. */
export function firstViewPart(id: string): string {
  return FIRST_VIEW_PARTS.find(({ packages }) => packages === null || packages.test(id))!.name;
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
              // the groups are exactly the set: a module's dependencies are in it already, or shared with the worker
              includeDependenciesRecursively: false,
              groups: FIRST_VIEW_PARTS.map(({ name }) => ({
                name,
                test: (id: string) => firstView.has(id) && firstViewPart(id) === name,
              })),
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
