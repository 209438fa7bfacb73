/** The build: run every adapter, validate and locate records, merge per layer, apply curated overrides,
 *  build flows, and write the layer files, quarantine report and manifest. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { FeatureCollection } from 'geojson';
import {
  ATLAS_FORMAT_VERSION, LAYER_IDS, POINT_LAYER_IDS,
  type AtlasManifest, type DetailRecord, type FlowRecord, type LayerId, type LayerManifest, type PointLayerId, type QuarantineEntry, type SourceInfo,
} from '../../src/data/atlas-format.ts';
import { SchemaDriftError, type LayerMerger, type LocatedRecord, type SourceAdapter } from './adapter-types.ts';
import { checkShrink, readBaseline } from './baseline.ts';
import { chargerSnapshotAdapters, CHARGER_SOURCE_META, mergeChargers } from './chargers/index.ts';
import { coverageFor, readChargerReferences } from './coverage.ts';
import { locateRecords } from './geo/locate.ts';
import { StateIndex } from './geo/state-index.ts';
import { readInputBytes, sha256 } from './io/read-input.ts';
import { liveAdapters, type PlannedAdapter } from './live/live-sources.ts';
import { countByCountry, countByState } from './output/counts.ts';
import { encodeColumns } from './output/columns.ts';
import { toDetailRecord } from './detail-record.ts';
import { defaultSupply, type SupplyModule } from './supply-bridge.ts';

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
  /** injected in tests; default: data/pipeline/supply/index.ts when present */
  supply?: SupplyModule;
  /** injected in tests; default: the charger snapshot adapters */
  chargerAdapters?: SourceAdapter[];
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
}

export interface BuildResult {
  manifest: AtlasManifest;
  stats: SourceStats[];
  outDir: string;
  quarantinePath: string;
  shrunk: { sourceId: string; rowsRead: number; baseline: number }[];
}

export class BuildFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildFailure';
  }
}

const FLOWS_SOURCE_ID = 'curated-flows';

function defaultMerger(layer: PointLayerId): LayerMerger {
  return (records) => records.map((r) => toDetailRecord(r, `${layer}:${r.sourceId}:${r.sourceRecordId}`));
}

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

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function buildAtlas(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? (() => {});
  const warnings: AtlasManifest['warnings'] = [];
  const warn = (code: string, message: string, sourceId?: string) => warnings.push(sourceId ? { code, message, sourceId } : { code, message });

  // --- basemap
  let states: StateIndex | null = null;
  if (existsSync(opts.basemapPath)) {
    states = new StateIndex(JSON.parse(readFileSync(opts.basemapPath, 'utf8')) as FeatureCollection);
  } else {
    warn('basemap-missing', `State polygons not found (${opts.basemapPath}): states are not assigned and countries are checked only against coarse boxes.`);
  }

  // --- plan adapters
  const supply = opts.supply ?? defaultSupply;
  const snapshotDirExists = existsSync(opts.snapshotDir);
  const live = opts.liveDir && existsSync(opts.liveDir) ? liveAdapters(opts.liveDir, join(opts.snapshotDir, 'chargers/ocm/reference-2021-08.json.gz')) : { planned: [], replaces: [] };
  const planned: PlannedAdapter[] = [
    ...live.planned,
    ...(opts.chargerAdapters ?? chargerSnapshotAdapters)
      .filter((a) => !live.replaces.includes(a.sourceId))
      .map((a) => ({ adapter: a, origin: a.origin, baseDir: a.origin === 'curated' ? opts.curatedDir : opts.snapshotDir })),
    ...supply.supplyAdapters.map((a) => ({ adapter: a, origin: a.origin, baseDir: a.origin === 'curated' ? opts.curatedDir : opts.snapshotDir })),
  ];
  for (const id of live.replaces) log(`  live data replaces snapshot source ${id}`);
  if (!snapshotDirExists) {
    warn('snapshots-missing', `Snapshot folder ${opts.snapshotDir} not found: built in curated-only mode${live.planned.length ? ' plus live data' : ''}; snapshot sources are missing (see sources).`);
  }

  const sources: Record<string, SourceInfo> = {};
  const stats: SourceStats[] = [];
  const quarantine: QuarantineEntry[] = [];
  const located: Record<PointLayerId, LocatedRecord[]> = { chargers: [], minerals: [], 'battery-plants': [], 'assembly-plants': [] };
  const drift: string[] = [];
  const adapterMerged = new Map<string, number>();
  const locatedBySource = new Map<string, LocatedRecord[]>();

  for (const p of planned) {
    const a = p.adapter;
    const paths = a.inputs.map((i) => (isAbsolute(i) ? i : join(p.baseDir, i)));
    const optional = new Set((a.optionalInputs ?? []).map((i) => (isAbsolute(i) ? i : join(p.baseDir, i))));
    const absent = paths.filter((x) => !existsSync(x) && !optional.has(x));
    const meta = CHARGER_SOURCE_META[a.sourceId];
    if (absent.length) {
      const reason = p.origin !== 'curated' && !snapshotDirExists ? `snapshot folder ${opts.snapshotDir} not found` : `input not found: ${absent.map((x) => relative(process.cwd(), x)).join(', ')}`;
      sources[a.sourceId] = {
        id: a.sourceId, title: meta?.title ?? a.sourceId, publisher: meta?.publisher ?? '', url: meta?.url ?? '', licence: meta?.licence ?? '', asOf: meta?.asOf ?? '',
        origin: p.origin, rowsRead: 0, recordsKept: 0, rowsQuarantined: 0, checksum: null, missing: true, missingReason: reason,
      };
      stats.push({ sourceId: a.sourceId, origin: p.origin, layer: '?', rowsRead: 0, kept: 0, merged: 0, outOfScope: 0, outOfScopeReason: null, quarantined: 0, snapped: 0, missing: true });
      if (snapshotDirExists || p.origin === 'curated') warn('source-missing', `Source ${a.sourceId} is missing: ${reason}`, a.sourceId);
      continue;
    }
    const files: Record<string, Buffer> = {};
    const hashes: string[] = [];
    a.inputs.forEach((input, i) => {
      if (!existsSync(paths[i]!)) return; // optional and absent
      const raw = readFileSync(paths[i]!);
      hashes.push(sha256(raw));
      files[input] = readInputBytes(paths[i]!);
    });
    let res;
    try {
      res = a.parse(files);
    } catch (e) {
      if (e instanceof SchemaDriftError) {
        drift.push(e.message);
        continue;
      }
      throw new BuildFailure(`Source "${a.sourceId}" failed to parse: ${(e as Error).stack ?? e}`);
    }
    for (const w of res.warnings ?? []) warn('input-warning', w, a.sourceId);
    const loc = locateRecords(a.sourceId, res.records, (i) => res.rowRefs?.[i] ?? i + 1, { states });
    const oos = res.outOfScope?.count ?? 0;
    const adapterQ = res.quarantined.length;
    const inAdapterMerged = res.rowsRead - res.records.length - adapterQ - oos;
    if (inAdapterMerged < 0) warn('accounting', `Source ${a.sourceId}: adapter reports ${res.rowsRead} rows but returns more records+quarantined+out-of-scope (${res.records.length}+${adapterQ}+${oos})`, a.sourceId);
    adapterMerged.set(a.sourceId, Math.max(0, inAdapterMerged));
    quarantine.push(...res.quarantined, ...loc.quarantined);
    locatedBySource.set(a.sourceId, loc.located);
    const layers = new Set(res.records.map((r) => r.layer));
    for (const r of loc.located) located[r.layer].push(r);
    sources[a.sourceId] = {
      ...res.source, origin: p.origin, rowsRead: res.rowsRead, recordsKept: 0, rowsQuarantined: adapterQ + loc.quarantined.length,
      checksum: hashes.length === 1 ? hashes[0]! : sha256(hashes.join('\n')),
    };
    stats.push({
      sourceId: a.sourceId, origin: p.origin, layer: [...layers].join('+') || '-', rowsRead: res.rowsRead, kept: 0, merged: 0, outOfScope: oos,
      outOfScopeReason: res.outOfScope?.reason ?? null, quarantined: adapterQ + loc.quarantined.length, snapped: loc.snapped, missing: false,
    });
  }
  if (drift.length) throw new BuildFailure(`Schema drift: the build stops because a source's format changed.\n  ${drift.join('\n  ')}`);

  const shrunk = checkShrink(readBaseline(opts.baselinePath), stats.filter((s) => !s.missing), !!opts.allowShrink);
  for (const s of shrunk) warn('source-shrunk', `Source ${s.sourceId} yielded ${s.rowsRead} rows (baseline ${s.baseline}); accepted with ATLAS_ALLOW_SHRINK=1`, s.sourceId);

  // --- merge per layer
  const layerRecords = {} as Record<PointLayerId, DetailRecord[]>;
  for (const layer of POINT_LAYER_IDS) {
    const merger: LayerMerger = layer === 'chargers' ? mergeChargers : supply.layerMergers[layer] ?? defaultMerger(layer);
    layerRecords[layer] = merger(located[layer]);
  }

  // --- curated overrides
  const overridesPath = join(opts.curatedDir, 'facility-overrides.csv');
  if (existsSync(overridesPath) && supply.applyOverrides) {
    const buf = readFileSync(overridesPath);
    const errors: string[] = [];
    for (const layer of POINT_LAYER_IDS) {
      const r = supply.applyOverrides(layerRecords[layer], layer, buf);
      layerRecords[layer] = r.records;
      errors.push(...r.errors);
    }
    // an override may move a point: re-assign its state
    if (states) {
      for (const layer of POINT_LAYER_IDS)
        for (const rec of layerRecords[layer])
          if (rec.overrides?.some((o) => o.field === 'lat_lon')) {
            const hit = states.locate(rec.lon, rec.lat);
            if (hit && (hit.country === 'US' || hit.country === 'MX')) {
              rec.state = hit.code;
              rec.country = hit.country;
            }
          }
    }
    if (errors.length) {
      if (snapshotDirExists) throw new BuildFailure(`Curated overrides failed (data/curated/facility-overrides.csv):\n  ${errors.join('\n  ')}`);
      for (const e of errors) warn('override-unmatched', `${e} (expected in curated-only mode)`);
    }
  }

  // --- accounting: kept (primary source) vs merged into another record; nothing dropped silently
  const refKeys = new Set<string>();
  const primary = new Map<string, number>();
  for (const layer of POINT_LAYER_IDS) {
    const seen = new Set<string>();
    for (const r of layerRecords[layer]) {
      if (seen.has(r.id)) throw new BuildFailure(`Layer ${layer}: duplicate atlas id ${r.id} after merge`);
      seen.add(r.id);
      for (const s of r.sources) refKeys.add(`${s.sourceId}\u0000${s.recordId}`);
      const p = r.sources[0]?.sourceId;
      if (p) primary.set(p, (primary.get(p) ?? 0) + 1);
    }
    layerRecords[layer].sort(byId);
  }
  for (const s of stats) {
    if (s.missing) continue;
    const loc = locatedBySource.get(s.sourceId) ?? [];
    const lost = loc.filter((r) => !refKeys.has(`${r.sourceId}\u0000${r.sourceRecordId}`));
    for (const r of lost) {
      quarantine.push({ sourceId: s.sourceId, row: 0, recordId: r.sourceRecordId, reason: 'dropped by the layer merger without a trace (pipeline bug)', raw: JSON.stringify({ name: r.name, lat: r.lat, lon: r.lon }) });
    }
    if (lost.length) warn('merger-dropped', `Layer merger dropped ${lost.length} records of ${s.sourceId}; they are in the quarantine report`, s.sourceId);
    s.quarantined += lost.length;
    s.kept = primary.get(s.sourceId) ?? 0;
    s.merged = loc.length - lost.length - s.kept + (adapterMerged.get(s.sourceId) ?? 0);
    const src = sources[s.sourceId]!;
    src.recordsKept = s.kept;
    src.rowsQuarantined = s.quarantined;
    src.rowsMerged = s.merged;
    src.rowsOutOfScope = s.outOfScope;
  }

  // --- flows
  let flows: FlowRecord[] = [];
  const flowsPath = join(opts.curatedDir, 'flows.csv');
  if (existsSync(flowsPath) && supply.buildFlows) {
    const jvPath = join(opts.snapshotDir, 'supply/jv-ownership-links.csv');
    const all = POINT_LAYER_IDS.filter((l) => l !== 'chargers').flatMap((l) => layerRecords[l]);
    const fr = supply.buildFlows(readFileSync(flowsPath), existsSync(jvPath) ? readInputBytes(jvPath) : null, all);
    flows = [...fr.flows].sort(byId);
    quarantine.push(...fr.quarantined);
    const citedSourceIds = new Set([FLOWS_SOURCE_ID, ...flows.flatMap((f) => f.sources.map((s) => s.sourceId))]);
    for (const id of citedSourceIds) {
      const meta = supply.flowSources?.[id] ?? {};
      const own = flows.filter((f) => f.sources.some((s) => s.sourceId === id)).length;
      const quarantinedHere = fr.quarantined.filter((q) => q.sourceId === id).length;
      sources[id] = {
        id, title: meta.title ?? id, publisher: meta.publisher ?? 'EV atlas contributors', url: meta.url ?? '',
        licence: meta.licence ?? 'see each row', asOf: meta.asOf ?? '', origin: meta.origin ?? 'curated',
        // every row of a flow source becomes a flow or is quarantined
        rowsRead: own + quarantinedHere,
        recordsKept: own, rowsQuarantined: quarantinedHere,
        checksum: id === FLOWS_SOURCE_ID ? sha256(readFileSync(flowsPath)) : existsSync(jvPath) ? sha256(readFileSync(jvPath)) : null,
      };
    }
  } else {
    warn('flows-missing', existsSync(flowsPath) ? 'Flows builder not available yet (data/pipeline/supply/index.ts): no flows' : `${flowsPath} not found: no flows`);
  }

  // --- write
  mkdirSync(opts.outDir, { recursive: true });
  removePreviousOutputs(opts.outDir);
  const bytes = (name: string, data: Buffer | string) => {
    writeFileSync(join(opts.outDir, name), data);
    return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  };
  const chargerRefs = readChargerReferences(join(opts.curatedDir, 'charger-coverage-references.csv'));
  if (Object.keys(chargerRefs.refs).length === 0) warn('coverage-references-missing', chargerRefs.warnings[0] ?? 'no charger coverage references');
  const layers = {} as Record<LayerId, LayerManifest>;
  const sourcesOf = (layer: LayerId) => {
    const ids = new Set<string>();
    if (layer === 'flows') flows.forEach((f) => f.sources.forEach((s) => ids.add(s.sourceId)));
    else {
      layerRecords[layer].forEach((r) => r.sources.forEach((s) => ids.add(s.sourceId)));
      stats.filter((s) => s.missing && (layer === 'chargers') === s.sourceId in CHARGER_SOURCE_META).forEach((s) => ids.add(s.sourceId));
    }
    return [...ids].filter((id) => id in sources).sort();
  };
  for (const layer of POINT_LAYER_IDS) {
    const recs = layerRecords[layer];
    const enc = encodeColumns(layer, recs);
    for (const [col, vals] of Object.entries(enc.unmapped)) {
      warn('unmapped-category', `${layer}.${col}: values not in the format's categories were encoded as unknown: ${Object.entries(vals).map(([v, n]) => `${v} (${n})`).join(', ')}`);
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
      id: layer, count: recs.length, countByCountry: cbc, countByState: countByState(recs),
      files: { columns: colFile, detailChunks, bytes: fileBytes },
      columns: enc.columns, sourceIds: srcIds,
      coverage: coverageFor(layer, cbc, srcIds.map((id) => sources[id]!), chargerRefs.refs),
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
    id: 'flows', count: flows.length, countByCountry: flowCountry, countByState: flowState,
    files: { flows: 'flows.json', bytes: { 'flows.json': flowsBytes } }, sourceIds: sourcesOf('flows'),
    coverage: {
      US: { level: flowCountry.US ? 'partial' : 'none', mapped: flowCountry.US, messageKey: 'coverage.flows.US' },
      MX: { level: flowCountry.MX ? 'partial' : 'none', mapped: flowCountry.MX, messageKey: 'coverage.flows.MX' },
    },
  };
  quarantine.sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.row - b.row));
  const qFile = 'quarantine.json';
  bytes(qFile, JSON.stringify(quarantine, null, 1));
  const bySource: Record<string, number> = {};
  for (const q of quarantine) bySource[q.sourceId] = (bySource[q.sourceId] ?? 0) + 1;
  const anyLive = Object.values(sources).some((s) => s.origin === 'live' && !s.missing);
  const manifest: AtlasManifest = {
    formatVersion: ATLAS_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    mode: anyLive ? 'live' : snapshotDirExists ? 'snapshot' : 'curated-only',
    layers,
    sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1))),
    quarantine: { total: quarantine.length, bySource, file: qFile },
    warnings,
  };
  for (const l of LAYER_IDS) if (!manifest.layers[l]) throw new BuildFailure(`internal: layer ${l} not written`);
  writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { manifest, stats, outDir: opts.outDir, quarantinePath: join(opts.outDir, qFile), shrunk };
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
function chunkDetails(layer: PointLayerId, records: DetailRecord[]) {
  const chunks: { file: string; firstRow: number; records: DetailRecord[]; firstId: string; lastId: string }[] = [];
  for (let firstRow = 0; firstRow < records.length; firstRow += DETAIL_CHUNK_ROWS) {
    const slice = records.slice(firstRow, firstRow + DETAIL_CHUNK_ROWS);
    const file = `${layer}.details-${String(chunks.length).padStart(3, '0')}.json`;
    chunks.push({ file, firstRow, records: slice, firstId: slice[0]!.id, lastId: slice[slice.length - 1]!.id });
  }
  return chunks;
}

/** Files an earlier build wrote (possibly under other names, e.g. before details were chunked). */
const OUTPUT_FILE = /^(manifest\.json|quarantine\.json|flows\.json|[a-z-]+\.columns\.bin|[a-z-]+\.details(-\d+)?\.json)$/;

function removePreviousOutputs(outDir: string): void {
  for (const name of readdirSync(outDir)) if (OUTPUT_FILE.test(name)) rmSync(join(outDir, name));
}
