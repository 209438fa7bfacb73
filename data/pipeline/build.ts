/**
 * The build, as a sequence of named steps (data/pipeline/build-steps.ts) around one source registry
 * (data/pipeline/sources/): read the basemap, plan and run every registered source's adapter, validate and
 * locate records, merge per dataset, apply curated overrides, attach reported jobs to plants (data/pipeline/jobs), build
 * flows, write the dataset files, build the auxiliary datasets (states table, population points, policies), and write the
 * quarantine report and manifest. The log prints each step's name and duration.
 */
import { existsSync } from 'node:fs';
import type { AtlasManifest } from '../../src/data/atlas-format.ts';
import {
  applyOverrides,
  buildFlows,
  checkBaseline,
  locate,
  merge,
  planSources,
  readBasemap,
  reconcile,
  runAdapters,
  writeDatasets,
  writeManifest,
  writeQuarantine,
  type BuildContext,
  type BuildOptions,
  type Ledger,
  type SourceStats,
} from './build-steps.ts';
import { buildAuxiliary } from './build-auxiliary.ts';
import { attachJobs } from './jobs/attach-jobs.ts';
import { defaultRegistry } from './sources/default-sources.ts';
import { SourceRegistryError } from './sources/registry.ts';
import { defaultSupply } from './supply-bridge.ts';

export { BuildFailure, DETAIL_CHUNK_ROWS, type BuildOptions, type SourceStats } from './build-steps.ts';
import { BuildFailure } from './build-steps.ts';

/** The build's steps, in order. */
export const BUILD_STEPS = [
  'readBasemap',
  'planSources',
  'runAdapters',
  'checkBaseline',
  'locate',
  'merge',
  'applyOverrides',
  'reconcile',
  'attachJobs',
  'buildFlows',
  'writeDatasets',
  'buildAuxiliary',
  'writeQuarantine',
  'writeManifest',
] as const;
export type BuildStepName = (typeof BUILD_STEPS)[number];

export interface BuildResult {
  manifest: AtlasManifest;
  stats: SourceStats[];
  outDir: string;
  quarantinePath: string;
  shrunk: { sourceId: string; rowsRead: number; baseline: number }[];
  /** each step's name and duration, in order */
  steps: { name: BuildStepName; ms: number }[];
}

export async function buildAtlas(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? (() => {});
  const warnings: AtlasManifest['warnings'] = [];
  const ctx: BuildContext = {
    opts,
    registry: opts.sources ?? defaultRegistry(),
    supply: opts.supply ?? defaultSupply,
    snapshotDirExists: existsSync(opts.snapshotDir),
    warnings,
    warn: (code, message, sourceId) => warnings.push(sourceId ? { code, message, sourceId } : { code, message }),
    log,
  };
  const ledger: Ledger = { sources: {}, stats: [], quarantine: [] };
  const steps: BuildResult['steps'] = [];
  const step = <T>(name: BuildStepName, run: () => T): T => {
    const t0 = performance.now();
    let out: T;
    try {
      out = run();
    } catch (e) {
      // a registry problem (unknown source, undeclared role or dataset) stops the build with its message
      if (e instanceof SourceRegistryError) throw new BuildFailure(`Source registry: ${e.message}`);
      throw e;
    }
    const ms = performance.now() - t0;
    steps.push({ name, ms });
    log(`  step ${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms`);
    return out;
  };

  const { states } = step('readBasemap', () => readBasemap(ctx));
  const { planned } = step('planSources', () => planSources(ctx));
  const { parsed } = step('runAdapters', () => runAdapters(ctx, { planned }, ledger));
  const { shrunk } = step('checkBaseline', () => checkBaseline(ctx, ledger));
  const { located, locatedBySource } = step('locate', () => locate(ctx, { parsed, states }, ledger));
  const merged = step('merge', () => merge(ctx, { located }));
  const overridden = step('applyOverrides', () => applyOverrides(ctx, { layerRecords: merged.layerRecords, states }));
  const reconciled = step('reconcile', () => reconcile(ctx, { layerRecords: overridden.layerRecords, parsed, locatedBySource }, ledger));
  const { layerRecords } = step('attachJobs', () => attachJobs(ctx, { layerRecords: reconciled.layerRecords, locatedBySource }, ledger));
  const { flows } = step('buildFlows', () => buildFlows(ctx, { layerRecords, states }, ledger));
  const { layers } = step('writeDatasets', () => writeDatasets(ctx, { layerRecords, flows }, ledger));
  const { auxiliary } = step('buildAuxiliary', () => buildAuxiliary(ctx, { layerRecords, layers }, ledger));
  const { quarantinePath, bySource } = step('writeQuarantine', () => writeQuarantine(ctx, ledger));
  const { manifest } = step('writeManifest', () => writeManifest(ctx, { layers, bySource, auxiliary }, ledger));
  return { manifest, stats: ledger.stats, outDir: opts.outDir, quarantinePath, shrunk, steps };
}
