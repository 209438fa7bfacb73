/** Loads the supply adapters/mergers (data/pipeline/supply/index.ts, written in parallel by a colleague)
 *  through a dynamic import, so the runner compiles and runs whether or not that module exists yet. */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { DetailRecord, FlowRecord, PointLayerId, QuarantineEntry } from '../../src/data/atlas-format.ts';
import type { LayerMerger, SourceAdapter } from './adapter-types.ts';

export interface SupplyModule {
  supplyAdapters: SourceAdapter[];
  layerMergers: Partial<Record<'minerals' | 'battery-plants' | 'assembly-plants', LayerMerger>>;
  applyOverrides?: (records: DetailRecord[], layer: PointLayerId, overridesCsv: Buffer) => { records: DetailRecord[]; errors: string[] };
  buildFlows?: (flowsCsv: Buffer, jvCsv: Buffer | null, facilities: DetailRecord[]) => { flows: FlowRecord[]; quarantined: QuarantineEntry[]; source: unknown };
}

const here = dirname(fileURLToPath(import.meta.url));

export async function loadSupply(): Promise<{ module: SupplyModule; found: boolean }> {
  const p = join(here, 'supply', 'index.ts');
  if (!existsSync(p)) return { module: { supplyAdapters: [], layerMergers: {} }, found: false };
  const m = (await import(pathToFileURL(p).href)) as Partial<SupplyModule>;
  return {
    module: {
      supplyAdapters: m.supplyAdapters ?? [],
      layerMergers: m.layerMergers ?? {},
      applyOverrides: m.applyOverrides,
      buildFlows: m.buildFlows,
    },
    found: true,
  };
}
