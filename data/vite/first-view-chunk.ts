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
 * Reachable means what the bundler keeps, not every edge: importing `ScatterplotLayer` from deck.gl's layer index
 * (a barrel re-exporting every layer) does not make deck.gl's TextLayer, which only the gap panel uses, first-view
 * code. Through a barrel of a package declared free of side effects only the re-exports whose names are imported
 * are followed (counting every edge put 8 KB of the gap panel's TextLayer into the first view).
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
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';

const APP_ENTRY = /[\\/]index\.html$/;
const WORKER_ENTRY = /[\\/]maplibre-gl[\\/]src[\\/]source[\\/]worker\.ts$/;

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[]; code?: string | null } | null;
}

/** Every name of a module (a namespace import, `export *` outside a barrel, or a clause not understood). */
const EVERY_NAME = null;
type Names = Set<string> | typeof EVERY_NAME;

/** The module a specifier of `importer` resolved to, when known. */
export type ResolvedSpecifiers = (importer: string, specifier: string) => string | undefined;

const IMPORT_OR_EXPORT_FROM = /\b(import|export)\s*([\w$*{},\s]*?)\s*from\s*["']([^"']+)["']/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;

/** `import`/`export … from` clauses of a module's code: [keyword, clause, specifier]. */
export function fromClauses(code: string): [string, string, string][] {
  return [...code.replace(COMMENTS, '').matchAll(IMPORT_OR_EXPORT_FROM)].map((match) => [match[1]!, match[2]!, match[3]!]);
}

/**
 * A barrel: a module that only re-exports (`export { a as b } from './a.js'`, `export * from`), like a package's
 * index. Importing one name from it must not count every module it re-exports as used.
 */
export function isBarrel(code: string | null | undefined): boolean {
  if (!code) return false;
  const rest = code.replace(COMMENTS, '').replace(/\bexport\s*(\*(\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["'][^"']+["']\s*;?/g, '');
  return rest.trim() === '' && code.includes('export');
}

/** The `{ a, b as c }` part of a clause as [name in the module imported from, name here] pairs. */
function namedBindings(clause: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
    const [source, local = source] = part.trim().split(/\s+as\s+/);
    if (source) pairs.push([source, local!]);
  }
  return pairs;
}

/** The names an import clause takes, by their name in the module imported from (`X` is `default`). */
export function importedNames(clause: string): Names {
  const text = clause.trim();
  if (text === '' || text.includes('*')) return EVERY_NAME;
  const names = new Set(namedBindings(text).map(([source]) => source));
  if (/^[\w$]+/.test(text) && !text.startsWith('{')) names.add('default');
  return names;
}

/** One re-export of a barrel: its exported name (null for `export *`), the target's name (null: every name), the specifier. */
function reExports(clauses: readonly [string, string, string][]): { exported: string | null; source: string | null; specifier: string }[] {
  const entries: { exported: string | null; source: string | null; specifier: string }[] = [];
  for (const [keyword, clause, specifier] of clauses) {
    if (keyword !== 'export') continue;
    const namespace = /^\*\s*as\s+([\w$]+)$/.exec(clause.trim());
    if (namespace) entries.push({ exported: namespace[1]!, source: null, specifier });
    else if (clause.trim() === '*') entries.push({ exported: null, source: null, specifier });
    else for (const [source, exported] of namedBindings(clause)) entries.push({ exported, source, specifier });
  }
  return entries;
}

/** What the plugin reads of each module's code (its `from` clauses, whether it is a barrel): read once per build. */
export interface ModuleCode {
  clauses(id: string): [string, string, string][];
  isBarrel(id: string): boolean;
}

export function readModuleCode(graph: ModuleGraph): ModuleCode {
  const clauses = new Map<string, [string, string, string][]>();
  const barrels = new Map<string, boolean>();
  return {
    clauses(id) {
      if (!clauses.has(id)) clauses.set(id, fromClauses(graph.getModuleInfo(id)?.code ?? ''));
      return clauses.get(id)!;
    },
    isBarrel(id) {
      if (!barrels.has(id)) barrels.set(id, isBarrel(graph.getModuleInfo(id)?.code));
      return barrels.get(id)!;
    },
  };
}

function union(a: Names, b: Names): Names {
  return a === EVERY_NAME || b === EVERY_NAME ? EVERY_NAME : new Set([...a, ...b]);
}

/**
 * Every module reachable from `entry` by static imports (dynamic imports start chunks of their own). Through a
 * barrel only the modules re-exporting the names its importers take are followed, when every specifier involved
 * was resolved and the module left out is free of side effects (its package says `"sideEffects": false`: the
 * bundler drops it too); otherwise all its re-exports are (over-counting only puts a module in the first view's
 * chunks, under-counting a module the first view runs in a small chunk of its own).
 */
export function staticallyReachable(
  graph: ModuleGraph,
  entry: string,
  resolved: ResolvedSpecifiers = () => undefined,
  sideEffectFree: (id: string) => boolean = () => false,
  code: ModuleCode = readModuleCode(graph),
): Set<string> {
  const reached = new Set<string>();
  const barrelNames = new Map<string, Names>();
  /** What `importer` takes from the barrel `target`, by the clauses whose specifier resolved to it. */
  const takenFrom = (importer: string, target: string): Names => {
    if (!graph.getModuleInfo(importer)?.code) return EVERY_NAME;
    let names: Names = new Set();
    let found = false;
    for (const [, clause, specifier] of code.clauses(importer)) {
      const id = resolved(importer, specifier);
      if (id === undefined) return EVERY_NAME;
      if (id !== target) continue;
      found = true;
      names = union(names, importedNames(clause));
    }
    return found ? names : EVERY_NAME;
  };
  const pending: [string, Names][] = [[entry, EVERY_NAME]];
  while (pending.length > 0) {
    const [id, names] = pending.pop()!;
    if (code.isBarrel(id)) {
      const before = barrelNames.get(id);
      const wanted: Names = before === undefined ? names : union(before, names);
      if (before !== undefined && (before === EVERY_NAME || (wanted !== EVERY_NAME && wanted.size === before.size))) continue;
      barrelNames.set(id, wanted);
      reached.add(id);
      for (const { exported, source, specifier } of reExports(code.clauses(id))) {
        const target = resolved(id, specifier);
        if (target === undefined) {
          for (const importedId of graph.getModuleInfo(id)!.importedIds) pending.push([importedId, EVERY_NAME]);
          break;
        }
        if (exported === null) pending.push([target, sideEffectFree(target) ? wanted : EVERY_NAME]);
        else if (wanted === EVERY_NAME || wanted.has(exported)) pending.push([target, source === null ? EVERY_NAME : new Set([source])]);
        // a module that may have side effects runs when the barrel is imported, whatever the importer takes
        else if (!sideEffectFree(target)) pending.push([target, EVERY_NAME]);
      }
      continue;
    }
    if (reached.has(id)) continue;
    reached.add(id);
    for (const importedId of graph.getModuleInfo(id)?.importedIds ?? []) pending.push([importedId, code.isBarrel(importedId) ? takenFrom(id, importedId) : EVERY_NAME]);
  }
  return reached;
}

/**
 * The first view's modules: those reachable from the app's entry, less those the maplibre worker reaches (counted
 * without following barrels by name: a module the worker might use must stay out of the page's chunks).
 */
export function firstViewModules(
  graph: ModuleGraph,
  resolved?: ResolvedSpecifiers,
  sideEffectFree?: (id: string) => boolean,
  code: ModuleCode = readModuleCode(graph),
): Set<string> {
  const ids = [...graph.getModuleIds()];
  const appEntry = ids.find((id) => APP_ENTRY.test(id));
  if (!appEntry) return new Set();
  const page = staticallyReachable(graph, appEntry, resolved, sideEffectFree, code);
  const workerEntry = ids.find((id) => WORKER_ENTRY.test(id));
  if (workerEntry) for (const id of staticallyReachable(graph, workerEntry, undefined, undefined, code)) page.delete(id);
  return page;
}

/** Resolves every specifier of the modules that import a barrel, and of the barrels (what the name-following needs). */
export async function resolveBarrelSpecifiers(
  graph: ModuleGraph,
  resolve: (specifier: string, importer: string) => Promise<{ id: string } | null>,
  code: ModuleCode = readModuleCode(graph),
): Promise<ResolvedSpecifiers> {
  const table = new Map<string, Map<string, string>>();
  const ids = [...graph.getModuleIds()];
  const involved = ids.filter((id) => code.isBarrel(id) || (graph.getModuleInfo(id)?.importedIds ?? []).some((imported) => code.isBarrel(imported)));
  for (const importer of involved) {
    const specifiers = new Map<string, string>();
    for (const [, , specifier] of code.clauses(importer)) {
      if (specifiers.has(specifier)) continue;
      const target = await resolve(specifier, importer);
      if (target) specifiers.set(specifier, target.id);
    }
    table.set(importer, specifiers);
  }
  return (importer, specifier) => table.get(importer)?.get(specifier);
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

/** Whether a module's package declares it free of side effects (`"sideEffects": false`; a list of files counts as not). */
export function packageSideEffectFree(readPackageJson: (dir: string) => string | null): (id: string) => boolean {
  const byDir = new Map<string, boolean>();
  const freeFrom = (dir: string): boolean => {
    const known = byDir.get(dir);
    if (known !== undefined) return known;
    const text = readPackageJson(dir);
    const parent = dirname(dir);
    let free = false;
    if (text !== null) {
      const manifest = JSON.parse(text) as { name?: string; sideEffects?: unknown };
      // a package.json without a name (e.g. `{"type": "module"}` in dist/) defers to the package's own
      free = manifest.name === undefined && parent !== dir ? freeFrom(parent) : manifest.sideEffects === false;
    } else if (parent !== dir && !dir.endsWith(`${sep}node_modules`)) free = freeFrom(parent);
    byDir.set(dir, free);
    return free;
  };
  return (id) => id.includes(`${sep}node_modules${sep}`) && freeFrom(dirname(id));
}

/** The text of `dir`'s package.json, or null when it has none. */
export function readPackageJsonIn(dir: string): string | null {
  try {
    return readFileSync(join(dir, 'package.json'), 'utf8');
  } catch {
    return null;
  }
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
    async buildEnd() {
      const code = readModuleCode(this);
      const resolved = await resolveBarrelSpecifiers(this, (specifier, importer) => this.resolve(specifier, importer), code);
      firstView = firstViewModules(this, resolved, packageSideEffectFree(readPackageJsonIn), code);
    },
  };
}
