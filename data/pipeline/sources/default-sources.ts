/**
 * Every source of the atlas, registered once. To add a source: write its adapter (data/pipeline/chargers/ or
 * data/pipeline/supply/), then register it here with its origin, role, datasets and metadata. Registration order
 * is the order the adapters run (and records reach the layer mergers): live, charger snapshots, supply snapshots,
 * curated files.
 */
import type { DatasetId } from '../../../src/data/atlas-format.ts';
import type { SourceAdapter } from '../adapter-types.ts';
import { CHARGER_SOURCE_META, chargerSnapshotAdapters } from '../chargers/index.ts';
import { liveSourceEntries } from '../live/live-sources.ts';
import { MX_TOPOJSON_FILE, POPULATION_SOURCES } from '../population/index.ts';
import { CURATED_FILE as STATE_POPULATIONS_FILE } from '../population/curated.ts';
import { INEGI_FILE } from '../population/inegi.ts';
import { MX_STATE_FIGURES_ID, MX_STATE_FIGURES_INPUT, MX_STATE_FIGURES_META } from '../population/published-figures.ts';
import { US_BEV_FILE, US_COUNTY_FILE } from '../population/us-census.ts';
import { FACILITY_JOBS_FILE, FACILITY_JOBS_META, FACILITY_JOBS_SOURCE_ID } from '../jobs/facility-jobs.ts';
import { POLICY_FILE_KINDS, POLICY_FILES, POLICY_SOURCE_IDS, POLICY_SOURCE_META } from '../policies/read-policies.ts';
import { FLOWS_CURATED_INPUT, JV_SNAPSHOT_INPUT, OVERRIDES_CURATED_INPUT, supplyAdapters } from '../supply/index.ts';
import { SOURCES, type SourceMeta } from '../supply/sources.ts';
import { SourceRegistry, SourceRegistryError, type SourceDatasetId, type SourceEntry, type SourceMetadata, type SourceOrigin } from './registry.ts';

const metaOf = (m: SourceMeta): SourceMetadata => ({ title: m.title, publisher: m.publisher, url: m.url, licence: m.licence, asOf: m.asOf });

/** A records source from its adapter: origin from the adapter, metadata given. */
function records(adapter: SourceAdapter, datasets: DatasetId[], meta: SourceMetadata): SourceEntry {
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
const SUPPLY_DATASETS: Record<string, DatasetId[]> = {
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
    // reported jobs matched to facilities like the overrides (issue 15; read by the attachJobs step, data/pipeline/jobs)
    {
      id: FACILITY_JOBS_SOURCE_ID,
      origin: 'curated',
      role: 'overrides',
      datasets: ['battery-plants', 'assembly-plants'],
      meta: { ...FACILITY_JOBS_META },
      input: FACILITY_JOBS_FILE,
    },
  ];
}

/**
 * Inputs of the auxiliary datasets (states.json, population points, policies.json), read by the buildAuxiliary step: the
 * population module's sources (data/pipeline/population/index.ts, POPULATION_SOURCES) and the published Mexican
 * per-state charger figures. Origin, datasets and input per source id; a population source missing here is an error.
 */
const AUXILIARY_INPUTS: Record<string, { origin: SourceOrigin; datasets: SourceDatasetId[]; input?: string }> = {
  'census-2020-cenpop': { origin: 'snapshot', datasets: ['states', 'population'], input: `population/${US_COUNTY_FILE}` },
  'inegi-censo-2020': { origin: 'snapshot', datasets: ['states', 'population'], input: `population/${INEGI_FILE}` },
  'inegi-mg-2015': { origin: 'snapshot', datasets: ['population'], input: `population/${MX_TOPOJSON_FILE}` },
  'afdc-bev-2023': { origin: 'snapshot', datasets: ['states'], input: `population/${US_BEV_FILE}` },
  'curated-state-populations': { origin: 'curated', datasets: ['states'], input: STATE_POPULATIONS_FILE },
  // the committed basemap (public/basemap/states.geojson; the build's basemapPath): state polygons and areas
  'natural-earth-admin1': { origin: 'curated', datasets: ['states'] },
  // the parents of the 13 municipios created after 2015: a table in data/pipeline/population/new-municipios.ts
  'inegi-ageeml': { origin: 'curated', datasets: ['population'] },
};

function auxiliaryEntries(): SourceEntry[] {
  const population = Object.values(POPULATION_SOURCES).map((m): SourceEntry => {
    const where = AUXILIARY_INPUTS[m.id];
    if (!where) throw new SourceRegistryError(`population source "${m.id}" has no origin/datasets in AUXILIARY_INPUTS (data/pipeline/sources/default-sources.ts)`);
    return {
      id: m.id,
      role: 'auxiliary',
      ...where,
      meta: { title: m.title, publisher: m.publisher, url: m.url, licence: m.license, asOf: m.asOf },
    };
  });
  const figures: SourceEntry = {
    id: MX_STATE_FIGURES_ID,
    origin: 'snapshot',
    role: 'auxiliary',
    datasets: ['states'],
    meta: { ...MX_STATE_FIGURES_META },
    input: MX_STATE_FIGURES_INPUT,
  };
  // governance facts (issue 15; data/pipeline/policies): state facts -> states.json, national facts -> policies.json
  const policies = POLICY_FILE_KINDS.map((kind): SourceEntry => ({
    id: POLICY_SOURCE_IDS[kind],
    origin: 'curated',
    role: 'auxiliary',
    datasets: kind === 'national' ? ['policies'] : ['states'],
    meta: { ...POLICY_SOURCE_META[kind] },
    input: POLICY_FILES[kind],
  }));
  return [...population, figures, ...policies];
}

/** The registry of every source the atlas knows, in run order. */
export function defaultRegistry(): SourceRegistry {
  return new SourceRegistry([...liveSourceEntries(), ...chargerEntries(), ...supplyEntries(), ...flowAndOverrideEntries(), ...auxiliaryEntries()]);
}
