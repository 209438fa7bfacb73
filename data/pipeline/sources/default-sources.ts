/**
 * Every source of the atlas, registered once. To add a source: write its adapter (data/pipeline/chargers/ or
 * data/pipeline/supply/), then register it here with its origin, role, datasets and metadata. Registration order
 * is the order the adapters run (and records reach the layer mergers): live, charger snapshots, supply snapshots,
 * curated files.
 */
import type { LayerId } from '../../../src/data/atlas-format.ts';
import type { SourceAdapter } from '../adapter-types.ts';
import { CHARGER_SOURCE_META, chargerSnapshotAdapters } from '../chargers/index.ts';
import { liveSourceEntries } from '../live/live-sources.ts';
import { FLOWS_CURATED_INPUT, JV_SNAPSHOT_INPUT, OVERRIDES_CURATED_INPUT, supplyAdapters } from '../supply/index.ts';
import { SOURCES, type SourceMeta } from '../supply/sources.ts';
import { SourceRegistry, SourceRegistryError, type SourceEntry, type SourceMetadata } from './registry.ts';

const metaOf = (m: SourceMeta): SourceMetadata => ({ title: m.title, publisher: m.publisher, url: m.url, licence: m.licence, asOf: m.asOf });

/** A records source from its adapter: origin from the adapter, metadata given. */
function records(adapter: SourceAdapter, datasets: LayerId[], meta: SourceMetadata): SourceEntry {
  return { id: adapter.sourceId, origin: adapter.origin, role: 'records', datasets, meta, adapter };
}

function chargerEntries(): SourceEntry[] {
  return chargerSnapshotAdapters.map((a) => {
    const meta = CHARGER_SOURCE_META[a.sourceId];
    if (!meta) throw new SourceRegistryError(`charger adapter "${a.sourceId}" has no metadata in CHARGER_SOURCE_META (data/pipeline/chargers/index.ts)`);
    return records(a, ['chargers'], meta);
  });
}

/** The datasets each supply adapter feeds (an adapter missing here is an error, not a default). */
const SUPPLY_DATASETS: Record<string, LayerId[]> = {
  [SOURCES.cim.id]: ['battery-plants', 'assembly-plants'],
  [SOURCES.naatbatt.id]: ['minerals', 'battery-plants'],
  [SOURCES.minmod.id]: ['minerals'],
  [SOURCES.busch.id]: ['minerals'],
  [SOURCES.usgsLithium.id]: ['minerals'],
  [SOURCES.retc.id]: ['minerals', 'battery-plants', 'assembly-plants'],
  [SOURCES.investments.id]: ['battery-plants', 'assembly-plants'],
  [SOURCES.curatedAssembly.id]: ['assembly-plants'],
  [SOURCES.curatedBattery.id]: ['battery-plants'],
};

function supplyEntries(): SourceEntry[] {
  const metaById = new Map<string, SourceMeta>(Object.values(SOURCES).map((m) => [m.id, m]));
  return supplyAdapters.map((a) => {
    const datasets = SUPPLY_DATASETS[a.sourceId];
    if (!datasets)
      throw new SourceRegistryError(`supply adapter "${a.sourceId}" declares no dataset: add it to SUPPLY_DATASETS in data/pipeline/sources/default-sources.ts`);
    const meta = metaById.get(a.sourceId);
    if (!meta) throw new SourceRegistryError(`supply adapter "${a.sourceId}" has no metadata in data/pipeline/supply/sources.ts`);
    return records(a, datasets, metaOf(meta));
  });
}

function flowAndOverrideEntries(): SourceEntry[] {
  return [
    { id: SOURCES.curatedFlows.id, origin: 'curated', role: 'flows', datasets: ['flows'], meta: metaOf(SOURCES.curatedFlows), input: FLOWS_CURATED_INPUT },
    { id: SOURCES.jv.id, origin: 'snapshot', role: 'flows', datasets: ['flows'], meta: metaOf(SOURCES.jv), input: JV_SNAPSHOT_INPUT },
    {
      id: SOURCES.curatedOverrides.id,
      origin: 'curated',
      role: 'overrides',
      datasets: ['minerals', 'battery-plants', 'assembly-plants', 'chargers'],
      meta: metaOf(SOURCES.curatedOverrides),
      input: OVERRIDES_CURATED_INPUT,
    },
  ];
}

/** The registry of every source the atlas knows, in run order. */
export function defaultRegistry(): SourceRegistry {
  return new SourceRegistry([...liveSourceEntries(), ...chargerEntries(), ...supplyEntries(), ...flowAndOverrideEntries()]);
}
