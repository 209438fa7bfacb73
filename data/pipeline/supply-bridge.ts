/** The supply-chain processing of the build (layer mergers, curated overrides, flows), as one replaceable unit:
 *  tests inject their own. The supply sources themselves are in the source registry (data/pipeline/sources/). */
import type { DetailRecord, FlowRecord, PointDatasetId, QuarantineEntry } from '../../src/data/atlas-format.ts';
import type { LayerMerger } from './adapter-types.ts';
import type { StateIndex } from './geo/state-index.ts';
import * as supply from './supply/index.ts';

export interface SupplyModule {
  layerMergers: Partial<Record<'minerals' | 'battery-plants' | 'assembly-plants', LayerMerger>>;
  /** (additive) `applied`: each override row and the records it changed; `merged`: records merged after an override moved one */
  applyOverrides?: (
    records: DetailRecord[],
    layer: PointDatasetId,
    overridesCsv: Buffer,
  ) => { records: DetailRecord[]; errors: string[]; applied?: { id: string; field: string; recordIds: string[] }[]; merged?: { into: string; from: string }[] };
  /** `states` gives each flow end its state when the end is not a facility (null: no basemap) */
  buildFlows?: (
    flowsCsv: Buffer,
    jvCsv: Buffer | null,
    facilities: DetailRecord[],
    states?: StateIndex | null,
  ) => {
    flows: FlowRecord[];
    quarantined: QuarantineEntry[];
    source?: unknown;
    /** (additive) ends that match no facility, naming the row: the build fails on them (with snapshots) */
    errors?: string[];
    /** (additive) for the build log: rows kept, JV links derived, flows merged */
    report?: { curated: number; jv: number; merged: { into: string; from: string }[] };
  };
}

export const defaultSupply: SupplyModule = {
  layerMergers: supply.layerMergers,
  applyOverrides: supply.applyOverrides,
  buildFlows: supply.buildFlows,
};
