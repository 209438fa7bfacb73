/** The supply-chain part of the build (data/pipeline/supply), as one replaceable unit: tests inject their own. */
import type { DetailRecord, FlowRecord, PointLayerId, QuarantineEntry, SourceInfo } from '../../src/data/atlas-format.ts';
import type { LayerMerger, SourceAdapter } from './adapter-types.ts';
import * as supply from './supply/index.ts';

export interface SupplyModule {
  supplyAdapters: SourceAdapter[];
  layerMergers: Partial<Record<'minerals' | 'battery-plants' | 'assembly-plants', LayerMerger>>;
  applyOverrides?: (records: DetailRecord[], layer: PointLayerId, overridesCsv: Buffer) => { records: DetailRecord[]; errors: string[] };
  buildFlows?: (flowsCsv: Buffer, jvCsv: Buffer | null, facilities: DetailRecord[]) => { flows: FlowRecord[]; quarantined: QuarantineEntry[]; source?: unknown };
  /** descriptions of the sources flows cite (curated flows, JV links), keyed by source id */
  flowSources?: Record<string, Partial<SourceInfo>>;
}

export const defaultSupply: SupplyModule = {
  supplyAdapters: supply.supplyAdapters,
  layerMergers: supply.layerMergers,
  applyOverrides: supply.applyOverrides,
  buildFlows: supply.buildFlows,
  flowSources: Object.fromEntries([supply.supplySources.curatedFlows, supply.supplySources.jv].map((meta) => [meta.id, meta as Partial<SourceInfo>])),
};
