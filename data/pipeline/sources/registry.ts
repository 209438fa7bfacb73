/**
 * The source registry: every source the build knows (charger snapshots, supply snapshots, curated files, live
 * API caches, the inputs of flows and overrides) is registered here the same way, with its id, origin, role,
 * the datasets it feeds and its metadata. The build asks the registry which sources to run and what to say
 * about a source it could not read. An unknown source id, a source without a role or dataset, or a records
 * source without an adapter is an error (SourceRegistryError), never a silent default.
 */
import {
  POINT_DATASET_IDS,
  DATASET_IDS,
  POLICIES_DATASET_ID,
  POPULATION_DATASET_ID,
  STATES_DATASET_ID,
  type DatasetId,
  type SourceInfo,
} from '../../../src/data/atlas-format.ts';
import type { SourceAdapter } from '../adapter-types.ts';

export type SourceOrigin = SourceInfo['origin'];
/** 'records': an adapter yields point records; 'flows': rows read by the flow builder; 'overrides': curated corrections;
 *  'auxiliary': inputs of the auxiliary datasets (state table, population points, policies; see the buildAuxiliary step) */
export type SourceRole = 'records' | 'flows' | 'overrides' | 'auxiliary';
export const SOURCE_ROLES: readonly SourceRole[] = ['records', 'flows', 'overrides', 'auxiliary'];
/** Datasets listed in the manifest's `auxiliary` section (atlas-format.ts), fed by 'auxiliary' sources only. */
export const AUXILIARY_DATASET_IDS = [STATES_DATASET_ID, POPULATION_DATASET_ID, POLICIES_DATASET_ID] as const;
export type AuxiliaryDatasetId = (typeof AUXILIARY_DATASET_IDS)[number];
/** Any dataset a source can feed: a main dataset (DatasetId) or an auxiliary one. */
export type SourceDatasetId = DatasetId | AuxiliaryDatasetId;
const ORIGINS: readonly SourceOrigin[] = ['snapshot', 'live', 'curated'];

/** What the manifest says about a source besides its counts. */
export interface SourceMetadata {
  title: string;
  publisher: string;
  url: string;
  licence: string;
  asOf: string;
}

/** Folders the build resolves inputs against. */
export interface SourceContext {
  snapshotDir: string;
  curatedDir: string;
  /** data/cache/live; null when live data is disabled */
  liveDir: string | null;
}

export interface SourceEntry {
  id: string;
  origin: SourceOrigin;
  role: SourceRole;
  /** datasets (pipeline outputs) the source feeds; a records source may only yield records of these; an
   *  auxiliary source feeds auxiliary datasets (AUXILIARY_DATASET_IDS) only */
  datasets: readonly SourceDatasetId[];
  meta: SourceMetadata;
  /**
   * Records sources: the adapter, or (live sources) a function that builds it from what is cached and returns
   * null when nothing is cached (the source is then not planned at all, not "missing").
   */
  adapter?: SourceAdapter | ((ctx: SourceContext) => SourceAdapter | null);
  /** flows/overrides/auxiliary sources: their input, relative to the folder of their origin (an auxiliary source
   *  without input is read from the build options, e.g. the basemap, or is a table in the pipeline's code) */
  input?: string;
  /** live sources: snapshot source ids this one replaces when it is available */
  replaces?: readonly string[];
}

/** A source's id, metadata and origin: the fixed part of its manifest entry (SourceInfo), counts aside. */
export function sourceDescription(
  entry: Pick<SourceEntry, 'id' | 'meta' | 'origin'>,
): Pick<SourceInfo, 'id' | 'title' | 'publisher' | 'url' | 'licence' | 'asOf' | 'origin'> {
  const { title, publisher, url, licence, asOf } = entry.meta;
  return { id: entry.id, title, publisher, url, licence, asOf, origin: entry.origin };
}

export class SourceRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceRegistryError';
  }
}

export class SourceRegistry {
  private readonly entries = new Map<string, SourceEntry>();

  constructor(entries: Iterable<SourceEntry> = []) {
    for (const e of entries) this.register(e);
  }

  /** Registers a source; throws SourceRegistryError when it is incomplete or its id is taken. */
  register(entry: SourceEntry): this {
    const where = `source "${entry?.id ?? '?'}"`;
    if (!entry || typeof entry.id !== 'string' || entry.id.trim() === '') throw new SourceRegistryError('a source must have a non-empty id');
    if (this.entries.has(entry.id)) throw new SourceRegistryError(`${where} is registered twice`);
    if (!ORIGINS.includes(entry.origin))
      throw new SourceRegistryError(`${where} has no valid origin (got ${JSON.stringify(entry.origin)}; expected ${ORIGINS.join(' | ')})`);
    if (!SOURCE_ROLES.includes(entry.role))
      throw new SourceRegistryError(`${where} has no valid role (got ${JSON.stringify(entry.role)}; expected ${SOURCE_ROLES.join(' | ')})`);
    if (!Array.isArray(entry.datasets) || entry.datasets.length === 0) throw new SourceRegistryError(`${where} declares no dataset`);
    for (const d of entry.datasets) {
      if (entry.role === 'auxiliary') {
        if (!(AUXILIARY_DATASET_IDS as readonly string[]).includes(d))
          throw new SourceRegistryError(`${where}: an auxiliary source feeds auxiliary datasets (${AUXILIARY_DATASET_IDS.join(', ')}), not "${d}"`);
        continue;
      }
      if (!(DATASET_IDS as readonly string[]).includes(d)) throw new SourceRegistryError(`${where} declares unknown dataset "${d}" (expected ${DATASET_IDS.join(', ')})`);
      if (entry.role === 'records' && !(POINT_DATASET_IDS as readonly string[]).includes(d))
        throw new SourceRegistryError(`${where}: a records source feeds point datasets, not "${d}"`);
    }
    if (entry.role === 'flows' && entry.datasets.some((d) => d !== 'flows')) throw new SourceRegistryError(`${where}: a flows source feeds the flows dataset only`);
    if (entry.role === 'records') {
      if (!entry.adapter) throw new SourceRegistryError(`${where} is a records source without an adapter`);
      if (typeof entry.adapter !== 'function' && entry.adapter.sourceId !== entry.id) {
        throw new SourceRegistryError(`${where} is registered with the adapter of "${entry.adapter.sourceId}"`);
      }
    } else if (entry.adapter) throw new SourceRegistryError(`${where} has role ${entry.role} and an adapter: only records sources have adapters`);
    if (!entry.meta || typeof entry.meta.title !== 'string' || entry.meta.title === '')
      throw new SourceRegistryError(`${where} has no metadata (title, publisher, url, licence, asOf)`);
    this.entries.set(entry.id, entry);
    return this;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The entry of a registered source; throws SourceRegistryError for an unknown id. */
  get(id: string): SourceEntry {
    const e = this.entries.get(id);
    if (!e)
      throw new SourceRegistryError(`unknown source "${id}": register it in data/pipeline/sources/default-sources.ts (known: ${[...this.entries.keys()].join(', ')})`);
    return e;
  }

  /** Every entry, in registration order (the order adapters run and records reach the mergers). */
  all(): SourceEntry[] {
    return [...this.entries.values()];
  }

  byRole(role: SourceRole): SourceEntry[] {
    return this.all().filter((e) => e.role === role);
  }

  /** A registry with only these sources (each must be registered) plus every non-records source. */
  only(ids: readonly string[]): SourceRegistry {
    const keep = new Set(ids.map((id) => this.get(id).id));
    return new SourceRegistry(this.all().filter((e) => e.role !== 'records' || keep.has(e.id)));
  }

  /** A registry without the records sources of these datasets (e.g. a charger-only build drops the supply adapters). */
  withoutRecordsOf(datasets: readonly DatasetId[]): SourceRegistry {
    const drop = new Set<string>(datasets);
    return new SourceRegistry(this.all().filter((e) => e.role !== 'records' || !e.datasets.every((d) => drop.has(d))));
  }
}
