/**
 * The charging gap under the current filters, for the gap layer, the gap panel and the choropleth's
 * "share of people beyond R km": population points (auxiliary dataset `population`), one kdbush index
 * over every charger (built once per charger data), and the gap recomputed from the chargers' mask when a
 * filter or R changes (no layer data rebuilt). The gap code (kdbush, geokdbush) loads with the first use.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { POPULATION_DATASET_ID, type AtlasManifest } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { fetchDataFile } from '../data/atlas-data.ts';
import { decodeColumnTable } from '../data/column-codec.ts';
import { useManifest } from '../data/queries.ts';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { useAtlasStore } from '../state/store.ts';
import type { AtlasState } from '../state/atlas-state.ts';
import type { ChargerIndex, GapResult, PopulationPoints } from './gap.ts';

type GapModule = typeof import('./gap.ts');

/** A data file through the app's checked loader (versioned URL, length and sha256 from the manifest), as a whole ArrayBuffer. */
async function fetchBytes(manifest: AtlasManifest, file: string): Promise<ArrayBuffer> {
  const bytes = await fetchDataFile(manifest, file);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

async function fetchPopulation(manifest: AtlasManifest): Promise<PopulationPoints> {
  const entry = manifest.auxiliary?.[POPULATION_DATASET_ID];
  if (!entry?.files.columns || !entry.columns) throw new Error('population: not in manifest');
  const [{ populationPointsOf }, buffer] = await Promise.all([import('./gap.ts'), fetchBytes(manifest, entry.files.columns)]);
  const points = populationPointsOf(decodeColumnTable(buffer, entry.columns));
  if (!points) throw new Error('population.columns.bin: missing columns');
  return points;
}

/** Whether the store asks for the gap (layer on, gap tab open, or the choropleth measure). */
export function gapWanted(s: Pick<AtlasState, 'gap' | 'panelTab' | 'choropleth' | 'measure'>): boolean {
  return s.gap || s.panelTab === 'gap' || (s.choropleth === 'chargers' && s.measure === 'shareBeyondR');
}

const STATIC = { staleTime: Infinity, gcTime: Infinity, retry: false } as const;

export function usePopulationPoints(enabled: boolean) {
  const manifest = useManifest().data;
  const available = !!manifest?.auxiliary?.[POPULATION_DATASET_ID]?.files.columns;
  const query = useQuery({
    queryKey: ['auxiliary', POPULATION_DATASET_ID, 'columns'],
    queryFn: () => fetchPopulation(manifest!),
    enabled: enabled && available,
    ...STATIC,
  });
  return { points: query.data, missing: !!manifest && !available, error: query.isError };
}

/** Names of the population points (county / municipio), in row order; loaded with the candidate list. */
export function usePopulationNames(enabled: boolean): string[] | undefined {
  const manifest = useManifest().data;
  const file = manifest?.auxiliary?.[POPULATION_DATASET_ID]?.files.data;
  return useQuery({
    queryKey: ['auxiliary', POPULATION_DATASET_ID, 'names'],
    queryFn: async () => {
      const records = JSON.parse(new TextDecoder().decode(await fetchBytes(manifest!, file!))) as { name?: string }[];
      return records.map((r) => r.name ?? '');
    },
    enabled: enabled && !!file,
    ...STATIC,
  }).data;
}

const indexCache = new WeakMap<LayerColumns, ChargerIndex>();
function chargerIndexOf(gap: GapModule, chargers: LayerColumns): ChargerIndex {
  let index = indexCache.get(chargers);
  if (!index) indexCache.set(chargers, (index = gap.buildChargerIndex(chargers.position)));
  return index;
}

export interface GapAnalysis {
  points: PopulationPoints;
  radiusKm: number;
  /** the chargers passing the filters */
  result: GapResult;
  /** the same with the level filter set to DC fast only (a lower bound on DC fast coverage) */
  dcFast: GapResult;
  /** ms spent recomputing both */
  ms: number;
}

/** The last computation, shared by every component asking with the same inputs (map, panel, choropleth). */
let last: { key: unknown[]; value: GapAnalysis } | null = null;
const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
export interface GapInputs {
  gap: GapModule;
  points: PopulationPoints;
  chargers: LayerColumns;
  mask: Uint8Array;
  radiusKm: number;
  countries: readonly string[];
  stateFilter: readonly string[] | null;
}

/** Both gaps (filters; filters + DC fast only) for these inputs, reused while they are the same objects. */
export function analyse(inputs: GapInputs): GapAnalysis {
  const key = Object.values(inputs);
  if (last && sameKey(last.key, key)) return last.value;
  const { gap, points, chargers, mask, radiusKm, countries, stateFilter } = inputs;
  const start = performance.now();
  const index = chargerIndexOf(gap, chargers);
  const popMask = gap.populationMask(points, countries, stateFilter);
  const result = gap.computeGap(index, mask, points, popMask, radiusKm);
  const level = chargers.columns.level;
  const dcMask = level ? gap.levelMask(level.values, level.spec.categories ?? [], 'DC') : new Uint8Array(chargers.rowCount);
  for (let i = 0; i < dcMask.length; i++) dcMask[i] = dcMask[i]! & mask[i]!;
  const dcFast = gap.computeGap(index, dcMask, points, popMask, radiusKm, { candidates: 0 });
  last = { key, value: { points, radiusKm, result, dcFast, ms: performance.now() - start } };
  return last.value;
}

/** The gap under the current filters and R, or null while loading / when not wanted. */
export function useGapAnalysis(): { analysis: GapAnalysis | null; loading: boolean; missing: boolean } {
  const wanted = useAtlasStore(gapWanted);
  const radiusKm = useAtlasStore((s) => s.gapRadiusKm);
  const countries = useAtlasStore((s) => s.countries);
  const stateFilter = useAtlasStore((s) => s.filters.state ?? null);
  const { columns, masks } = useLayerMasks();
  const chargers = columns.chargers;
  const mask = masks.chargers;
  const { points, missing } = usePopulationPoints(wanted);
  const gap = useQuery({ queryKey: ['gap-module'], queryFn: () => import('./gap.ts'), enabled: wanted, staleTime: Infinity, gcTime: Infinity }).data;
  const analysis = useMemo(() => {
    if (!wanted || !gap || !points || !chargers || !mask) return null;
    return analyse({ gap, points, chargers, mask, radiusKm, countries, stateFilter });
  }, [wanted, gap, points, chargers, mask, radiusKm, countries, stateFilter]);
  return { analysis, loading: wanted && !analysis && !missing, missing };
}

/** Share of people beyond R per state code (for the choropleth measure), or undefined while not computed. */
export function useGapShares(enabled: boolean): ReadonlyMap<string, number | null> | undefined {
  const { analysis } = useGapAnalysis();
  return useMemo(() => {
    if (!enabled || !analysis) return undefined;
    const shares = new Map<string, number | null>();
    for (const [code, figure] of analysis.result.figures.byState) shares.set(code, figure.share);
    return shares;
  }, [enabled, analysis]);
}
