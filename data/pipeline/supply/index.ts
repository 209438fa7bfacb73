/** Supply-chain layers (minerals, battery-plants, assembly-plants) and flows: the interface the runner imports. */
import type { SourceAdapter } from '../adapter-types.ts';
import { buschAdapter } from './busch.ts';
import { cimAdapter } from './cim.ts';
import { curatedAssemblyAdapter, curatedBatteryAdapter } from './curated.ts';
import { investmentsAdapter } from './investments.ts';
import { minmodAdapter } from './minmod.ts';
import { naatbattAdapter } from './naatbatt.ts';
import { retcAdapter } from './retc.ts';
import { usgsLithiumAdapter } from './usgs-lithium.ts';

export { layerMergers, lastMergeStats } from './merge.ts';
export { applyOverrides } from './overrides.ts';
export { buildFlows } from './flows.ts';
export { SOURCES as supplySources } from './sources.ts';

/** Snapshot adapters (inputs relative to ../shared/data) then curated adapters (inputs relative to data/curated). */
export const supplyAdapters: SourceAdapter[] = [
  cimAdapter,
  naatbattAdapter,
  minmodAdapter,
  buschAdapter,
  usgsLithiumAdapter,
  retcAdapter,
  investmentsAdapter,
  curatedAssemblyAdapter,
  curatedBatteryAdapter,
];

/** Inputs of buildFlows: curated flows (data/curated) and the JV links snapshot (../shared/data). */
export const FLOWS_CURATED_INPUT = 'flows.csv';
export const JV_SNAPSHOT_INPUT = 'supply/jv-ownership-links.csv';
export const OVERRIDES_CURATED_INPUT = 'facility-overrides.csv';
