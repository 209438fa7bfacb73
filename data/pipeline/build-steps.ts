/**
 * The steps of the build, in order (data/pipeline/build.ts runs them and logs each one's duration):
 *   readBasemap -> planSources -> runAdapters -> checkBaseline -> locate -> merge -> applyOverrides ->
 *   reconcile -> attachJobs (data/pipeline/jobs/attach-jobs.ts) -> buildFlows -> writeDatasets ->
 *   buildAuxiliary (data/pipeline/build-auxiliary.ts) -> writeQuarantine -> writeManifest
 * Each step takes the build context plus a typed input and returns a typed output. Rows are accounted for in
 * the Ledger (sources, stats, quarantine), which the steps that read, reject or merge rows append to.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { FeatureCollection } from 'geojson';
import {
  ATLAS_FORMAT_VERSION,
  DATASET_IDS,
  POINT_DATASET_IDS,
  type AtlasManifest,
  type DetailRecord,
  type FlowRecord,
  type DatasetId,
  type LayerManifest,
  type PointDatasetId,
  type QuarantineEntry,
  type SourceInfo,
} from '../../src/data/atlas-format.ts';
import { SchemaDriftError, type AdapterResult, type LayerMerger, type LocatedRecord, type SourceAdapter } from './adapter-types.ts';
import { checkShrink, readBaseline } from './baseline.ts';
import { mergeChargers } from './chargers/index.ts';
import { coverageFor, readChargerReferences } from './coverage.ts';
import { toDetailRecord } from './detail-record.ts';
import { locateRecords } from './geo/locate.ts';
import { StateIndex } from './geo/state-index.ts';
import { detectEncoding, InputEncodingError, readInputBytes, sha256, type TextEncodingName } from './io/read-input.ts';
import { encodeColumns } from './output/columns.ts';
import { countByCountry, countByState } from './output/counts.ts';
import { SourceRegistryError, sourceDescription, type SourceContext, type SourceEntry, type SourceRegistry } from './sources/registry.ts';
import type { SupplyModule } from './supply-bridge.ts';

export interface BuildOptions {
  snapshotDir: string;
  curatedDir: string;
  outDir: string;
  /** data/cache/live; null disables live data */
  liveDir: string | null;
  basemapPath: string;
  baselinePath: string | null;
  allowShrink?: boolean;
  log?: (s: string) => void;
  /** the sources to run; default: every registered source (data/pipeline/sources/default-sources.ts). Tests pass a subset. */
  sources?: SourceRegistry;
  /** injected in tests; default: data/pipeline/supply (layer mergers, overrides, flows) */
  supply?: SupplyModule;
}

export interface SourceStats {
  sourceId: string;
  origin: 'snapshot' | 'live' | 'curated';
  layer: string;
  rowsRead: number;
  kept: number;
  merged: number;
  outOfScope: number;
  outOfScopeReason: string | null;
  quarantined: number;
  snapped: number;
  missing: boolean;
  /** text encoding each input was read in (inputs as named by the adapter) */
  encodings?: Record<string, TextEncodingName>;
}

export class BuildFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildFailure';
  }
}

export interface BuildContext {
  opts: BuildOptions;
  registry: SourceRegistry;
  supply: SupplyModule;
  snapshotDirExists: boolean;
  warnings: AtlasManifest['warnings'];
  warn: (code: string, message: string, sourceId?: string) => void;
  log: (s: string) => void;
}

/** Every row's fate: the manifest's sources, the per-source stats, the quarantine report. */
export interface Ledger {
  sources: Record<string, SourceInfo>;
  stats: SourceStats[];
  quarantine: QuarantineEntry[];
}

export type LayerRecords = Record<PointDatasetId, DetailRecord[]>;

const FLOWS_SOURCE_ID = 'curated-flows';
const OVERRIDES_SOURCE_ID = 'curated-overrides';
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sourceContext(opts: BuildOptions): SourceContext {
  return { snapshotDir: opts.snapshotDir, curatedDir: opts.curatedDir, liveDir: opts.liveDir };
}

/** The folder a source's relative inputs are read from. */
export function baseDirOf(origin: SourceEntry['origin'], opts: BuildOptions): string {
  if (origin === 'curated') return opts.curatedDir;
  if (origin === 'live') {
    if (!opts.liveDir) throw new BuildFailure('internal: a live source was planned with live data disabled');
    return opts.liveDir;
  }
  return opts.snapshotDir;
}

/** Encoding of one text input; an input that is not text (NUL bytes, UTF-16) stops the build naming the file. */
function encodingOf(bytes: Buffer, path: string): TextEncodingName {
  try {
    return detectEncoding(bytes, relative(process.cwd(), path) || path).encoding;
  } catch (e) {
    if (e instanceof InputEncodingError) throw new BuildFailure(`Unreadable input: ${e.message}`);
    throw e;
  }
}

function latin1Warning(input: string): string {
  return `${input}: bytes are not valid UTF-8; decoded as windows-1252 (latin1). Check accented names.`;
}

// ---------------------------------------------------------------------------------------------- readBasemap

export function readBasemap(ctx: BuildContext): { states: StateIndex | null } {
  if (existsSync(ctx.opts.basemapPath)) {
    return { states: new StateIndex(JSON.parse(readFileSync(ctx.opts.basemapPath, 'utf8')) as FeatureCollection) };
  }
  ctx.warn('basemap-missing', `State polygons not found (${ctx.opts.basemapPath}): states are not assigned and countries are checked only against coarse boxes.`);
  return { states: null };
}

// ---------------------------------------------------------------------------------------------- planSources

export interface PlannedSource {
  entry: SourceEntry;
  adapter: SourceAdapter;
  /** folder for relative inputs (absolute inputs are read as they are) */
  baseDir: string;
}

/** The records sources to run, in registry order; a live source with cached data replaces the snapshot sources it names. */
export function planSources(ctx: BuildContext): { planned: PlannedSource[] } {
  const sctx = sourceContext(ctx.opts);
  const resolved: { entry: SourceEntry; adapter: SourceAdapter }[] = [];
  for (const entry of ctx.registry.byRole('records')) {
    if (entry.origin === 'live' && !(ctx.opts.liveDir && existsSync(ctx.opts.liveDir))) continue;
    const adapter = typeof entry.adapter === 'function' ? entry.adapter(sctx) : entry.adapter;
    if (!adapter) {
      if (entry.origin === 'live') continue; // nothing cached: not planned
      throw new SourceRegistryError(`source "${entry.id}" has no adapter`);
    }
    if (adapter.sourceId !== entry.id) throw new SourceRegistryError(`source "${entry.id}" built the adapter of "${adapter.sourceId}"`);
    resolved.push({ entry, adapter });
  }
  const replaces = resolved.flatMap((r) => (r.entry.origin === 'live' ? [...(r.entry.replaces ?? [])] : []));
  for (const id of replaces) {
    ctx.registry.get(id); // a live source may only replace a registered source
    ctx.log(`  live data replaces snapshot source ${id}`);
  }
  const planned = resolved.filter((r) => !replaces.includes(r.entry.id)).map((r) => ({ ...r, baseDir: baseDirOf(r.entry.origin, ctx.opts) }));
  if (!ctx.snapshotDirExists) {
    const anyLive = planned.some((p) => p.entry.origin === 'live');
    ctx.warn(
      'snapshots-missing',
      `Snapshot folder ${ctx.opts.snapshotDir} not found: built in curated-only mode${anyLive ? ' plus live data' : ''}; snapshot sources are missing (see sources).`,
    );
  }
  return { planned };
}

// ---------------------------------------------------------------------------------------------- runAdapters

export interface ParsedSource {
  entry: SourceEntry;
  result: AdapterResult;
  stats: SourceStats;
  /** rows the adapter itself merged (rowsRead - records - quarantined - out of scope) */
  adapterMerged: number;
}

/** Reads each planned source's inputs and parses them; a source whose inputs are absent is recorded as missing. */
export function runAdapters(ctx: BuildContext, input: { planned: PlannedSource[] }, ledger: Ledger): { parsed: ParsedSource[] } {
  const { opts } = ctx;
  const parsed: ParsedSource[] = [];
  const drift: string[] = [];
  for (const p of input.planned) {
    const a = p.adapter;
    const origin = p.entry.origin;
    const paths = a.inputs.map((i) => (isAbsolute(i) ? i : join(p.baseDir, i)));
    const optional = new Set((a.optionalInputs ?? []).map((i) => (isAbsolute(i) ? i : join(p.baseDir, i))));
    const absent = paths.filter((x) => !existsSync(x) && !optional.has(x));
    if (absent.length) {
      const meta = p.entry.meta;
      const reason =
        origin !== 'curated' && !ctx.snapshotDirExists
          ? `snapshot folder ${opts.snapshotDir} not found`
          : `input not found: ${absent.map((x) => relative(process.cwd(), x)).join(', ')}`;
      ledger.sources[a.sourceId] = {
        ...sourceDescription({ id: a.sourceId, meta, origin }),
        rowsRead: 0,
        recordsKept: 0,
        rowsQuarantined: 0,
        checksum: null,
        missing: true,
        missingReason: reason,
      };
      ledger.stats.push({
        sourceId: a.sourceId,
        origin,
        layer: p.entry.datasets.join('+'),
        rowsRead: 0,
        kept: 0,
        merged: 0,
        outOfScope: 0,
        outOfScopeReason: null,
        quarantined: 0,
        snapped: 0,
        missing: true,
      });
      if (ctx.snapshotDirExists || origin === 'curated') ctx.warn('source-missing', `Source ${a.sourceId} is missing: ${reason}`, a.sourceId);
      continue;
    }
    const files: Record<string, Buffer> = {};
    const hashes: string[] = [];
    const encodings: Record<string, TextEncodingName> = {};
    a.inputs.forEach((inputName, i) => {
      if (!existsSync(paths[i]!)) return; // optional and absent
      const raw = readFileSync(paths[i]!);
      hashes.push(sha256(raw));
      files[inputName] = readInputBytes(paths[i]!);
      encodings[inputName] = encodingOf(files[inputName], paths[i]!);
    });
    let res: AdapterResult;
    try {
      res = a.parse(files);
    } catch (e) {
      if (e instanceof SchemaDriftError) {
        drift.push(e.message);
        continue;
      }
      throw new BuildFailure(`Source "${a.sourceId}" failed to parse: ${(e as Error).stack ?? e}`);
    }
    if (res.source.id !== a.sourceId) throw new BuildFailure(`Source "${a.sourceId}": the adapter reports its source as "${res.source.id}"`);
    const layers = new Set(res.records.map((r) => r.layer));
    const undeclared = [...layers].filter((l) => !p.entry.datasets.includes(l));
    if (undeclared.length) {
      throw new BuildFailure(
        `Source "${a.sourceId}" yields records of ${undeclared.join(', ')}, which it does not declare (declared: ${p.entry.datasets.join(', ')}); fix its registration in data/pipeline/sources/default-sources.ts`,
      );
    }
    for (const w of res.warnings ?? []) ctx.warn('input-warning', w, a.sourceId);
    // the reader said which encoding it used when it is not UTF-8; say it for the adapters that do not pass its warnings on
    for (const [inputName, enc] of Object.entries(encodings)) {
      if (enc !== 'utf-8' && !(res.warnings ?? []).some((w) => w.includes('windows-1252'))) ctx.warn('input-warning', latin1Warning(inputName), a.sourceId);
    }
    const oos = res.outOfScope?.count ?? 0;
    const adapterQ = res.quarantined.length;
    const inAdapterMerged = res.rowsRead - res.records.length - adapterQ - oos;
    if (inAdapterMerged < 0)
      ctx.warn(
        'accounting',
        `Source ${a.sourceId}: adapter reports ${res.rowsRead} rows but returns more records+quarantined+out-of-scope (${res.records.length}+${adapterQ}+${oos})`,
        a.sourceId,
      );
    ledger.quarantine.push(...res.quarantined);
    ledger.sources[a.sourceId] = {
      ...res.source,
      origin,
      rowsRead: res.rowsRead,
      recordsKept: 0,
      rowsQuarantined: adapterQ,
      checksum: hashes.length === 1 ? hashes[0]! : sha256(hashes.join('\n')),
    };
    const stats: SourceStats = {
      sourceId: a.sourceId,
      origin,
      layer: [...layers].join('+') || '-',
      rowsRead: res.rowsRead,
      kept: 0,
      merged: 0,
      outOfScope: oos,
      outOfScopeReason: res.outOfScope?.reason ?? null,
      quarantined: adapterQ,
      snapped: 0,
      missing: false,
      encodings,
    };
    ledger.stats.push(stats);
    parsed.push({ entry: p.entry, result: res, stats, adapterMerged: Math.max(0, inAdapterMerged) });
  }
  if (drift.length) throw new BuildFailure(`Schema drift: the build stops because a source's format changed.\n  ${drift.join('\n  ')}`);
  return { parsed };
}

// ---------------------------------------------------------------------------------------------- checkBaseline

/** A source far below its baseline row count fails the build (truncated download) unless shrinking is allowed. */
export function checkBaseline(ctx: BuildContext, ledger: Ledger): { shrunk: { sourceId: string; rowsRead: number; baseline: number }[] } {
  const shrunk = checkShrink(
    readBaseline(ctx.opts.baselinePath),
    ledger.stats.filter((s) => !s.missing),
    !!ctx.opts.allowShrink,
  );
  for (const s of shrunk)
    ctx.warn('source-shrunk', `Source ${s.sourceId} yielded ${s.rowsRead} rows (baseline ${s.baseline}); accepted with ATLAS_ALLOW_SHRINK=1`, s.sourceId);
  return { shrunk };
}

// ---------------------------------------------------------------------------------------------- locate

export interface LocateOutput {
  located: Record<PointDatasetId, LocatedRecord[]>;
  locatedBySource: Map<string, LocatedRecord[]>;
}

/** Validates coordinates and assigns country and state (point in polygon); rejected records are quarantined. */
export function locate(_ctx: BuildContext, input: { parsed: ParsedSource[]; states: StateIndex | null }, ledger: Ledger): LocateOutput {
  const located: Record<PointDatasetId, LocatedRecord[]> = { chargers: [], minerals: [], 'battery-plants': [], 'assembly-plants': [] };
  const locatedBySource = new Map<string, LocatedRecord[]>();
  for (const { result: res, stats, entry } of input.parsed) {
    const loc = locateRecords(entry.id, res.records, (i) => res.rowRefs?.[i] ?? i + 1, { states: input.states });
    ledger.quarantine.push(...loc.quarantined);
    locatedBySource.set(entry.id, loc.located);
    for (const r of loc.located) located[r.layer].push(r);
    stats.quarantined += loc.quarantined.length;
    stats.snapped = loc.snapped;
    ledger.sources[entry.id]!.rowsQuarantined = stats.quarantined;
  }
  return { located, locatedBySource };
}

// ---------------------------------------------------------------------------------------------- merge

function defaultMerger(layer: PointDatasetId): LayerMerger {
  return (records) => records.map((r) => toDetailRecord(r, `${layer}:${r.sourceId}:${r.sourceRecordId}`));
}

/** Merges each point dataset's located records (from every source) into its final records. */
export function merge(ctx: BuildContext, input: { located: Record<PointDatasetId, LocatedRecord[]> }): { layerRecords: LayerRecords } {
  const layerRecords = {} as LayerRecords;
  for (const layer of POINT_DATASET_IDS) {
    const merger: LayerMerger = layer === 'chargers' ? mergeChargers : (ctx.supply.layerMergers[layer] ?? defaultMerger(layer));
    layerRecords[layer] = merger(input.located[layer]);
  }
  return { layerRecords };
}

// ---------------------------------------------------------------------------------------------- applyOverrides

/** Curated corrections (data/curated/facility-overrides.csv); a moved point gets its state again. */
export function applyOverrides(ctx: BuildContext, input: { layerRecords: LayerRecords; states: StateIndex | null }): { layerRecords: LayerRecords } {
  const layerRecords = { ...input.layerRecords };
  // the facility overrides (other 'overrides' sources, e.g. curated-facility-jobs, are read by their own steps)
  const entry = ctx.registry.byRole('overrides').find((e) => e.id === OVERRIDES_SOURCE_ID);
  if (!entry || !ctx.supply.applyOverrides) return { layerRecords };
  const overridesPath = join(baseDirOf(entry.origin, ctx.opts), entry.input ?? '');
  if (!entry.input || !existsSync(overridesPath)) return { layerRecords };
  const buf = readFileSync(overridesPath);
  if (encodingOf(buf, overridesPath) !== 'utf-8') ctx.warn('input-warning', latin1Warning(entry.input), entry.id);
  const errors: string[] = [];
  for (const layer of POINT_DATASET_IDS) {
    const r = ctx.supply.applyOverrides(layerRecords[layer], layer, buf);
    layerRecords[layer] = r.records;
    errors.push(...r.errors);
    for (const a of r.applied ?? []) ctx.log(`  override ${a.id} (${layer}.${a.field}) applied to ${a.recordIds.join(', ')}`);
    for (const m of r.merged ?? []) ctx.log(`  merged after override: ${m.from} into ${m.into}`);
  }
  // an override may move a point: re-assign its state
  if (input.states) {
    for (const layer of POINT_DATASET_IDS)
      for (const rec of layerRecords[layer])
        if (rec.overrides?.some((o) => o.field === 'lat_lon')) {
          const hit = input.states.locate(rec.lon, rec.lat);
          if (hit && (hit.country === 'US' || hit.country === 'MX')) {
            rec.state = hit.code;
            rec.country = hit.country;
          }
        }
  }
  if (errors.length) {
    if (ctx.snapshotDirExists) throw new BuildFailure(`Curated overrides failed (data/curated/${entry.input}):\n  ${errors.join('\n  ')}`);
    for (const e of errors) ctx.warn('override-unmatched', `${e} (expected in curated-only mode)`);
  }
  return { layerRecords };
}

// ---------------------------------------------------------------------------------------------- reconcile

/** Accounting: kept (primary source) vs merged into another record; a record a merger lost is quarantined, never dropped silently. */
export function reconcile(
  ctx: BuildContext,
  input: { layerRecords: LayerRecords; parsed: ParsedSource[]; locatedBySource: Map<string, LocatedRecord[]> },
  ledger: Ledger,
): { layerRecords: LayerRecords } {
  const layerRecords = { ...input.layerRecords };
  const refKeys = new Set<string>();
  const primary = new Map<string, number>();
  for (const layer of POINT_DATASET_IDS) {
    const seen = new Set<string>();
    for (const r of layerRecords[layer]) {
      if (seen.has(r.id)) throw new BuildFailure(`Layer ${layer}: duplicate atlas id ${r.id} after merge`);
      seen.add(r.id);
      for (const s of r.sources) refKeys.add(`${s.sourceId}\u0000${s.recordId}`);
      const p = r.sources[0]?.sourceId;
      if (p) primary.set(p, (primary.get(p) ?? 0) + 1);
    }
    layerRecords[layer] = [...layerRecords[layer]].sort(byId);
  }
  const adapterMerged = new Map(input.parsed.map((p) => [p.entry.id, p.adapterMerged]));
  for (const s of ledger.stats) {
    if (s.missing) continue;
    const loc = input.locatedBySource.get(s.sourceId) ?? [];
    const lost = loc.filter((r) => !refKeys.has(`${r.sourceId}\u0000${r.sourceRecordId}`));
    for (const r of lost) {
      ledger.quarantine.push({
        sourceId: s.sourceId,
        row: 0,
        recordId: r.sourceRecordId,
        reason: 'dropped by the layer merger without a trace (pipeline bug)',
        raw: JSON.stringify({ name: r.name, lat: r.lat, lon: r.lon }),
      });
    }
    if (lost.length) ctx.warn('merger-dropped', `Layer merger dropped ${lost.length} records of ${s.sourceId}; they are in the quarantine report`, s.sourceId);
    s.quarantined += lost.length;
    s.kept = primary.get(s.sourceId) ?? 0;
    s.merged = loc.length - lost.length - s.kept + (adapterMerged.get(s.sourceId) ?? 0);
    const src = ledger.sources[s.sourceId]!;
    src.recordsKept = s.kept;
    src.rowsQuarantined = s.quarantined;
    src.rowsMerged = s.merged;
    src.rowsOutOfScope = s.outOfScope;
  }
  return { layerRecords };
}

// ---------------------------------------------------------------------------------------------- buildFlows

/** Supply-chain links (curated flows and JV links), their ends matched to facilities; every row is a flow or quarantined. */
export function buildFlows(ctx: BuildContext, input: { layerRecords: LayerRecords; states: StateIndex | null }, ledger: Ledger): { flows: FlowRecord[] } {
  const flowsEntry = ctx.registry.get(FLOWS_SOURCE_ID);
  const pathOf = (e: SourceEntry) => (e.input ? join(baseDirOf(e.origin, ctx.opts), e.input) : null);
  const flowsPath = pathOf(flowsEntry)!;
  const others = ctx.registry.byRole('flows').filter((e) => e.id !== FLOWS_SOURCE_ID);
  if (others.length !== 1)
    throw new SourceRegistryError(
      `the flow builder reads one ownership-links source besides ${FLOWS_SOURCE_ID}; registered: ${others.map((e) => e.id).join(', ') || 'none'}`,
    );
  const jvPath = pathOf(others[0]!);
  if (!existsSync(flowsPath) || !ctx.supply.buildFlows) {
    ctx.warn('flows-missing', existsSync(flowsPath) ? 'Flows builder not available yet (data/pipeline/supply/index.ts): no flows' : `${flowsPath} not found: no flows`);
    return { flows: [] };
  }
  const flowsBuf = readFileSync(flowsPath);
  const jvBuf = jvPath && existsSync(jvPath) ? readInputBytes(jvPath) : null;
  for (const [e, buf, p] of [
    [flowsEntry, flowsBuf, flowsPath],
    [others[0]!, jvBuf, jvPath],
  ] as const) {
    if (buf && p && encodingOf(buf, p) !== 'utf-8') ctx.warn('input-warning', latin1Warning(e.input!), e.id);
  }
  const all = POINT_DATASET_IDS.filter((l) => l !== 'chargers').flatMap((l) => input.layerRecords[l]);
  const fr = ctx.supply.buildFlows(flowsBuf, jvBuf, all, input.states);
  if (fr.errors?.length) {
    if (ctx.snapshotDirExists) throw new BuildFailure(`Curated flows failed (data/curated/${flowsEntry.input}):\n  ${fr.errors.join('\n  ')}`);
    for (const e of fr.errors) ctx.warn('flow-end-unmatched', `${e} (expected in curated-only mode)`);
  }
  const flows = [...fr.flows].sort(byId);
  if (fr.report) {
    const cross = flows.filter((f) => f.crossBorder).length;
    ctx.log(
      `  flows: ${flows.length} (${fr.report.curated} curated rows, ${fr.report.jv} JV links, ${fr.report.merged.length} merged into another flow), ${cross} cross-border, ${fr.quarantined.length} quarantined`,
    );
    for (const m of fr.report.merged) ctx.log(`  flow merged: ${m.from} into ${m.into}`);
  }
  ledger.quarantine.push(...fr.quarantined);
  const citedSourceIds = new Set([FLOWS_SOURCE_ID, ...flows.flatMap((f) => f.sources.map((s) => s.sourceId))]);
  for (const id of citedSourceIds) {
    const entry = ctx.registry.get(id);
    if (entry.role !== 'flows') throw new SourceRegistryError(`a flow cites source "${id}", whose role is ${entry.role}, not flows`);
    const own = flows.filter((f) => f.sources.some((s) => s.sourceId === id)).length;
    const quarantinedHere = fr.quarantined.filter((q) => q.sourceId === id).length;
    const inputPath = pathOf(entry);
    ledger.sources[id] = {
      ...sourceDescription(entry),
      // every row of a flow source becomes a flow or is quarantined
      rowsRead: own + quarantinedHere,
      recordsKept: own,
      rowsQuarantined: quarantinedHere,
      checksum: inputPath && existsSync(inputPath) ? sha256(readFileSync(inputPath)) : null,
    };
  }
  return { flows };
}

// ---------------------------------------------------------------------------------------------- writeDatasets

/** Per country, records with a non-null value of each attribute. */
function knownAttributes(recs: DetailRecord[]): NonNullable<LayerManifest['knownAttributes']> {
  const out: NonNullable<LayerManifest['knownAttributes']> = { US: {}, MX: {} };
  for (const r of recs) {
    const o = out[r.country];
    for (const [k, v] of Object.entries(r.attributes)) {
      o[k] ??= 0;
      if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) o[k]++;
    }
  }
  return out;
}

/** Writes each dataset (columns + details chunks for points, flows.json) and describes it for the manifest. */
export function writeDatasets(
  ctx: BuildContext,
  input: { layerRecords: LayerRecords; flows: FlowRecord[] },
  ledger: Ledger,
): { layers: Record<DatasetId, LayerManifest> } {
  const { opts } = ctx;
  const { layerRecords, flows } = input;
  const { sources } = ledger;
  mkdirSync(opts.outDir, { recursive: true });
  removePreviousOutputs(opts.outDir);
  const bytes = (name: string, data: Buffer | string) => writeOutput(opts.outDir, name, data);
  const chargerRefs = readChargerReferences(join(opts.curatedDir, 'charger-coverage-references.csv'));
  if (Object.keys(chargerRefs.refs).length === 0) ctx.warn('coverage-references-missing', chargerRefs.warnings[0] ?? 'no charger coverage references');
  const layers = {} as Record<DatasetId, LayerManifest>;
  const sourcesOf = (layer: DatasetId) => {
    const ids = new Set<string>();
    if (layer === 'flows') flows.forEach((f) => f.sources.forEach((s) => ids.add(s.sourceId)));
    else {
      layerRecords[layer].forEach((r) => r.sources.forEach((s) => ids.add(s.sourceId)));
      // a missing source still belongs to the datasets it declares
      ledger.stats.filter((s) => s.missing && ctx.registry.get(s.sourceId).datasets.includes(layer)).forEach((s) => ids.add(s.sourceId));
    }
    return [...ids].filter((id) => id in sources).sort();
  };
  for (const layer of POINT_DATASET_IDS) {
    const recs = layerRecords[layer];
    const enc = encodeColumns(layer, recs);
    for (const [col, vals] of Object.entries(enc.unmapped)) {
      ctx.warn(
        'unmapped-category',
        `${layer}.${col}: values not in the format's categories were encoded as unknown: ${Object.entries(vals)
          .map(([v, n]) => `${v} (${n})`)
          .join(', ')}`,
      );
    }
    const colFile = `${layer}.columns.bin`;
    const fileBytes: Record<string, number> = { [colFile]: bytes(colFile, enc.bytes) };
    const detailChunks = chunkDetails(layer, recs).map((chunk) => {
      fileBytes[chunk.file] = bytes(chunk.file, JSON.stringify(chunk.records, omitUnknownAttributes));
      return { file: chunk.file, firstRow: chunk.firstRow, rowCount: chunk.records.length, firstId: chunk.firstId, lastId: chunk.lastId };
    });
    const cbc = countByCountry(recs);
    const srcIds = sourcesOf(layer);
    layers[layer] = {
      id: layer,
      count: recs.length,
      countByCountry: cbc,
      countByState: countByState(recs),
      files: { columns: colFile, detailChunks, bytes: fileBytes },
      columns: enc.columns,
      sourceIds: srcIds,
      coverage: coverageFor(
        layer,
        cbc,
        srcIds.map((id) => sources[id]!),
        chargerRefs.refs,
      ),
      knownAttributes: knownAttributes(recs),
    };
  }
  const flowsBytes = bytes('flows.json', JSON.stringify(flows));
  const flowCountry = { US: 0, MX: 0 };
  const flowState: Record<string, number> = {};
  for (const f of flows) {
    for (const c of new Set([f.from.country, f.to.country])) if (c === 'US' || c === 'MX') flowCountry[c]++;
  }
  layers.flows = {
    id: 'flows',
    count: flows.length,
    countByCountry: flowCountry,
    countByState: flowState,
    files: { flows: 'flows.json', bytes: { 'flows.json': flowsBytes } },
    sourceIds: sourcesOf('flows'),
    coverage: {
      US: { level: flowCountry.US ? 'partial' : 'none', mapped: flowCountry.US, messageKey: 'coverage.flows.US' },
      MX: { level: flowCountry.MX ? 'partial' : 'none', mapped: flowCountry.MX, messageKey: 'coverage.flows.MX' },
    },
  };
  return { layers };
}

export function writeOutput(outDir: string, name: string, data: Buffer | string): number {
  writeFileSync(join(outDir, name), data);
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/** Details files leave out attributes whose value is unknown (null): an absent attribute means unknown. */
function omitUnknownAttributes(this: unknown, key: string, value: unknown): unknown {
  if (key === 'attributes' && value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  }
  return value;
}

/** Rows per details chunk: a click loads one chunk (about 100 KB gzipped for chargers), not the whole layer. */
export const DETAIL_CHUNK_ROWS = 2000;

/** Consecutive rows (records are already sorted by id) in chunks of DETAIL_CHUNK_ROWS; an empty layer has no chunk. */
function chunkDetails(layer: PointDatasetId, records: DetailRecord[]) {
  const chunks: { file: string; firstRow: number; records: DetailRecord[]; firstId: string; lastId: string }[] = [];
  for (let firstRow = 0; firstRow < records.length; firstRow += DETAIL_CHUNK_ROWS) {
    const slice = records.slice(firstRow, firstRow + DETAIL_CHUNK_ROWS);
    const file = `${layer}.details-${String(chunks.length).padStart(3, '0')}.json`;
    chunks.push({ file, firstRow, records: slice, firstId: slice[0]!.id, lastId: slice[slice.length - 1]!.id });
  }
  return chunks;
}

/** Files an earlier build wrote (possibly under other names, e.g. before details were chunked). */
const OUTPUT_FILE = /^(manifest\.json|quarantine\.json|flows\.json|states\.json|policies\.json|[a-z-]+\.columns\.bin|[a-z-]+\.details(-\d+)?\.json)$/;

function removePreviousOutputs(outDir: string): void {
  for (const name of readdirSync(outDir)) if (OUTPUT_FILE.test(name)) rmSync(join(outDir, name));
}

// ---------------------------------------------------------------------------------------------- writeQuarantine

export const QUARANTINE_FILE = 'quarantine.json';

/** Every rejected row, sorted by source then row, with its reason. */
export function writeQuarantine(ctx: BuildContext, ledger: Ledger): { quarantinePath: string; bySource: Record<string, number> } {
  ledger.quarantine.sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.row - b.row));
  writeOutput(ctx.opts.outDir, QUARANTINE_FILE, JSON.stringify(ledger.quarantine, null, 1));
  const bySource: Record<string, number> = {};
  for (const q of ledger.quarantine) bySource[q.sourceId] = (bySource[q.sourceId] ?? 0) + 1;
  return { quarantinePath: join(ctx.opts.outDir, QUARANTINE_FILE), bySource };
}

// ---------------------------------------------------------------------------------------------- writeManifest

/** Records the sha256 of every file a dataset lists in `files.bytes` (files.sha256): the app checks what it receives (issue 12). */
function addChecksums(outDir: string, manifest: AtlasManifest): void {
  const entries = [...Object.values(manifest.layers), ...Object.values(manifest.auxiliary ?? {})];
  for (const entry of entries) {
    entry.files.sha256 = Object.fromEntries(Object.keys(entry.files.bytes).map((name) => [name, sha256(readFileSync(join(outDir, name)))]));
  }
}

export function writeManifest(
  ctx: BuildContext,
  input: { layers: Record<DatasetId, LayerManifest>; bySource: Record<string, number>; auxiliary?: AtlasManifest['auxiliary'] },
  ledger: Ledger,
): { manifest: AtlasManifest } {
  const { sources } = ledger;
  const anyLive = Object.values(sources).some((s) => s.origin === 'live' && !s.missing);
  const manifest: AtlasManifest = {
    formatVersion: ATLAS_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    mode: anyLive ? 'live' : ctx.snapshotDirExists ? 'snapshot' : 'curated-only',
    layers: input.layers,
    ...(input.auxiliary ? { auxiliary: input.auxiliary } : {}),
    sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1))),
    quarantine: { total: ledger.quarantine.length, bySource: input.bySource, file: QUARANTINE_FILE },
    warnings: ctx.warnings,
  };
  for (const l of DATASET_IDS) if (!manifest.layers[l]) throw new BuildFailure(`internal: layer ${l} not written`);
  addChecksums(ctx.opts.outDir, manifest);
  writeFileSync(join(ctx.opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { manifest };
}
