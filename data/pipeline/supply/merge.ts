/**
 * Layer mergers for minerals, battery-plants and assembly-plants: one record per real site, keeping every
 * source id. Greedy clustering in source-priority order with a Flatbush index (fast on ~16k minerals):
 * each record joins the nearest compatible cluster (by the rules below) that has no record from the same
 * source (or, for MinMod, the same USGS dataset), else starts its own cluster.
 */
import Flatbush from 'flatbush';
import type { DetailRecord, PointDatasetId, SourceRef } from '../../../src/data/atlas-format.ts';
import type { LayerMerger, LocatedRecord } from '../adapter-types.ts';
import { mergePhases, unionList } from './phases.ts';
import { SOURCES } from './sources.ts';
import { DATASET, REF_URL, distKm, kmToDeg, sharesToken, similarNames, tokens } from './util.ts';

type Layer = 'minerals' | 'battery-plants' | 'assembly-plants';

interface Item {
  rec: LocatedRecord;
  /** distinctive words of the name (minerals) or of name + owners/oem/operator (plants) */
  toks: Set<string>;
  prio: number;
  /** same-group records never merge with each other (same source, or same MinMod dataset) */
  group: string;
  order: number;
}

export interface MergeStats {
  input: number;
  phaseMerged: number;
  crossMerged: number;
  output: number;
  /** clusters with records from more than one source, by source-pair key */
  pairs: Record<string, number>;
}
/** Statistics of the last run of each merger (for reports and tests). */
export const lastMergeStats: Partial<Record<Layer, MergeStats>> = {};

const PRIORITY: Record<Layer, string[]> = {
  minerals: [SOURCES.curatedBattery.id, SOURCES.busch.id, SOURCES.usgsLithium.id, SOURCES.naatbatt.id, SOURCES.minmod.id, SOURCES.retc.id],
  'battery-plants': [SOURCES.curatedBattery.id, SOURCES.cim.id, SOURCES.naatbatt.id, SOURCES.retc.id, SOURCES.investments.id],
  'assembly-plants': [SOURCES.curatedAssembly.id, SOURCES.cim.id, SOURCES.retc.id, SOURCES.investments.id],
};

const PHASE_SOURCES = new Set([SOURCES.cim.id, SOURCES.naatbatt.id, SOURCES.investments.id, SOURCES.retc.id]);

/** Max distance any rule allows (bounding-box query radius). */
const MAX_KM: Record<Layer, number> = { minerals: 5, 'battery-plants': 25, 'assembly-plants': 25 };

const CURATED = new Set([SOURCES.curatedAssembly.id, SOURCES.curatedBattery.id]);
const NON_MINMOD_MINERALS = new Set([SOURCES.busch.id, SOURCES.usgsLithium.id, SOURCES.naatbatt.id, SOURCES.retc.id]);

function companyText(r: LocatedRecord): string {
  const a = r.attributes;
  const parts = [r.name];
  for (const k of ['owners', 'oem', 'operator']) {
    const v = a[k];
    if (Array.isArray(v)) parts.push(...v);
    else if (typeof v === 'string') parts.push(v);
  }
  return parts.join(' ');
}

function stagesCompatible(a: unknown, b: unknown): boolean {
  const loose = (s: unknown) => s === null || s === undefined || s === 'other' || s === 'materials_other';
  if (loose(a) || loose(b) || a === b) return true;
  const pair = new Set([a, b]);
  if (pair.has('cell') && pair.has('module_pack')) return true;
  if (pair.has('processing') && (pair.has('cathode') || pair.has('anode'))) return true;
  // recyclers are often listed by what they make (cathode material, refined metals)
  if (pair.has('recycling') && (pair.has('cathode') || pair.has('processing'))) return true;
  return false;
}

/** May `b` join a cluster because of its member `a` at distance d km? */
function compatible(layer: Layer, a: Item, b: Item, d: number): boolean {
  if (layer === 'minerals') {
    const similar = similarNames(a.toks, b.toks);
    if (similar && d <= 1) return true;
    if (d <= 0.1) return true; // same point in two datasets, whatever the names
    const other = NON_MINMOD_MINERALS.has(a.rec.sourceId) || NON_MINMOD_MINERALS.has(b.rec.sourceId);
    return other && similar && d <= 5;
  }
  if (!sharesToken(a.toks, b.toks)) return false;
  if (layer === 'battery-plants' && !stagesCompatible(a.rec.attributes.stage, b.rec.attributes.stage)) return false;
  const sa = a.rec.sourceId;
  const sb = b.rec.sourceId;
  if (sa === SOURCES.investments.id || sb === SOURCES.investments.id) return d <= 25; // city-level points
  if (CURATED.has(sa) || CURATED.has(sb)) return d <= 15;
  return d <= 5; // two exact-site sources (CIM, NAATBatt, RETC)
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

const UNION_KEYS = new Set(['commodities', 'owners']);

function buildRecord(layer: Layer, members: Item[], usedIds: Set<string>): DetailRecord {
  const primary = members[0]!;
  const p = primary.rec;
  // location: the primary's, unless it is approximate and a member has an exact one
  const loc = p.precision === 'exact' ? p : (members.find((m) => m.rec.precision === 'exact')?.rec ?? p);
  const attributes: DetailRecord['attributes'] = {};
  const sources: SourceRef[] = [];
  for (const m of members) {
    const a = m.rec.attributes;
    for (const [k, v] of Object.entries(a)) {
      if (k === REF_URL || k === DATASET) continue;
      if (UNION_KEYS.has(k)) attributes[k] = unionList(attributes[k], v);
      else if (isNull(attributes[k]) && !isNull(v)) attributes[k] = v;
      else if (!(k in attributes)) attributes[k] = v;
    }
    const url = a[REF_URL];
    sources.push({ sourceId: m.rec.sourceId, recordId: m.rec.sourceRecordId, ...(typeof url === 'string' && url ? { url } : {}) });
    for (const extra of m.rec.extraSources ?? []) sources.push(extra);
  }
  if (layer === 'minerals' && attributes.commodities === null) attributes.commodities = [];
  let id = `${layer}:${slug(p.sourceId)}:${slug(p.sourceRecordId)}`;
  if (usedIds.has(id)) {
    let n = 2;
    while (usedIds.has(`${id}~${n}`)) n++;
    id = `${id}~${n}`;
  }
  usedIds.add(id);
  return {
    id,
    name: p.name,
    country: loc.country,
    state: loc.state,
    lon: loc.lon,
    lat: loc.lat,
    precision: loc.precision,
    sources,
    attributes,
  };
}

export function mergeLayer(layer: Layer, input: LocatedRecord[]): DetailRecord[] {
  const stats: MergeStats = { input: input.length, phaseMerged: 0, crossMerged: 0, output: 0, pairs: {} };
  // 1. phases / product lines of one plant within one source
  let recs: LocatedRecord[] = [];
  if (layer === 'minerals') recs = input.filter((r) => r.layer === layer);
  else {
    const bySource = new Map<string, LocatedRecord[]>();
    for (const r of input) {
      if (r.layer !== layer) continue;
      const l = bySource.get(r.sourceId) ?? [];
      l.push(r);
      bySource.set(r.sourceId, l);
    }
    for (const [sid, list] of bySource) {
      if (!PHASE_SOURCES.has(sid)) {
        recs.push(...list);
        continue;
      }
      const res = mergePhases(sid, list, companyText, (r) => {
        const u = r.attributes[REF_URL];
        return typeof u === 'string' && u ? u : undefined;
      });
      stats.phaseMerged += res.merged;
      recs.push(...res.records);
    }
  }
  // 2. cross-source clustering
  const prioList = PRIORITY[layer];
  const items: Item[] = recs.map((rec, order) => {
    const pi = prioList.indexOf(rec.sourceId);
    const ds = rec.attributes[DATASET];
    return {
      rec,
      toks: tokens(layer === 'minerals' ? rec.name : companyText(rec)),
      prio: pi < 0 ? prioList.length : pi,
      group: typeof ds === 'string' ? `${rec.sourceId}/${ds}` : rec.sourceId,
      order,
    };
  });
  items.sort((a, b) => a.prio - b.prio || a.order - b.order);
  const out: DetailRecord[] = [];
  if (items.length === 0) {
    lastMergeStats[layer] = stats;
    return out;
  }
  const index = new Flatbush(items.length);
  for (const it of items) index.add(it.rec.lon, it.rec.lat, it.rec.lon, it.rec.lat);
  index.finish();
  const clusterOf = new Int32Array(items.length).fill(-1);
  const clusters: { members: Item[]; groups: Set<string> }[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const { dLat, dLon } = kmToDeg(MAX_KM[layer], it.rec.lat);
    const near = index.search(it.rec.lon - dLon, it.rec.lat - dLat, it.rec.lon + dLon, it.rec.lat + dLat);
    let best = -1;
    let bestD = Infinity;
    for (const j of near) {
      const c = clusterOf[j]!;
      if (c < 0 || j === i) continue;
      const cl = clusters[c]!;
      if (cl.groups.has(it.group)) continue;
      const other = items[j]!;
      const d = distKm(it.rec.lat, it.rec.lon, other.rec.lat, other.rec.lon);
      if (d < bestD && compatible(layer, other, it, d)) {
        best = c;
        bestD = d;
      }
    }
    if (best >= 0) {
      const cl = clusters[best]!;
      cl.members.push(it);
      cl.groups.add(it.group);
      clusterOf[i] = best;
      stats.crossMerged++;
      const key = [cl.members[0]!.rec.sourceId, it.rec.sourceId].join('+');
      stats.pairs[key] = (stats.pairs[key] ?? 0) + 1;
    } else {
      clusterOf[i] = clusters.length;
      clusters.push({ members: [it], groups: new Set([it.group]) });
    }
  }
  const used = new Set<string>();
  for (const cl of clusters) out.push(buildRecord(layer, cl.members, used));
  stats.output = out.length;
  lastMergeStats[layer] = stats;
  return out;
}

export const layerMergers: Partial<Record<'minerals' | 'battery-plants' | 'assembly-plants', LayerMerger>> = {
  minerals: (r) => mergeLayer('minerals', r),
  'battery-plants': (r) => mergeLayer('battery-plants', r),
  'assembly-plants': (r) => mergeLayer('assembly-plants', r),
};

export type { PointDatasetId };

/** Merge group of one source ref (the merger's rule: MinMod records of different USGS datasets may merge). */
function refGroup(s: SourceRef): string {
  if (s.sourceId === SOURCES.minmod.id) {
    const i = s.recordId.indexOf(':');
    return i > 0 ? `${s.sourceId}/${s.recordId.slice(0, i)}` : s.sourceId;
  }
  return s.sourceId;
}

function asItem(layer: Layer, r: DetailRecord, order: number, prioList: string[]): Item {
  const rec = {
    layer,
    sourceId: r.sources[0]?.sourceId ?? '',
    sourceRecordId: r.sources[0]?.recordId ?? r.id,
    name: r.name,
    lon: r.lon,
    lat: r.lat,
    country: r.country,
    state: r.state,
    statedCountry: null,
    statedState: null,
    precision: r.precision,
    attributes: r.attributes,
  } as LocatedRecord;
  const pi = prioList.indexOf(rec.sourceId);
  return { rec, toks: tokens(layer === 'minerals' ? rec.name : companyText(rec)), prio: pi < 0 ? prioList.length : pi, group: rec.sourceId, order };
}

export interface MovedMerge {
  /** the record kept (the higher-priority source's) */
  into: string;
  /** the record merged into it */
  from: string;
  /** the record an override moved */
  moved: string;
}

/**
 * Merge after overrides: a record a curated override moved (lat_lon) may now stand on a site another record already
 * has (El Boleo: RETC's La Paz office point moved to the mine at Santa Rosalía, where NAATBatt/MinMod have it). Each
 * moved record joins the nearest compatible record of its layer by the merger's own rules (distance, names, stages,
 * never two records of one source group). The kept record is the higher-priority source's (its atlas id stays); it
 * takes the moved record's curated location, the union of sources (every source id kept), the attributes it lacked
 * and every override with its citation.
 */
export function mergeMovedRecords(layer: PointDatasetId, records: DetailRecord[], movedIds: ReadonlySet<string>): { records: DetailRecord[]; merges: MovedMerge[] } {
  if (layer === 'chargers' || movedIds.size === 0) return { records, merges: [] };
  const l = layer as Layer;
  const prioList = PRIORITY[l];
  const merges: MovedMerge[] = [];
  let out = records;
  for (const movedId of movedIds) {
    const mi = out.findIndex((r) => r.id === movedId);
    if (mi < 0) continue;
    const moved = out[mi]!;
    const mItem = asItem(l, moved, 0, prioList);
    const mGroups = new Set(moved.sources.map(refGroup));
    let best = -1;
    let bestD = Infinity;
    out.forEach((other, j) => {
      if (j === mi) return;
      const d = distKm(moved.lat, moved.lon, other.lat, other.lon);
      if (d > MAX_KM[l] || d >= bestD) return;
      if (other.sources.some((s) => mGroups.has(refGroup(s)))) return;
      if (!compatible(l, asItem(l, other, 1, prioList), mItem, d)) return;
      best = j;
      bestD = d;
    });
    if (best < 0) continue;
    const other = out[best]!;
    const oItem = asItem(l, other, 1, prioList);
    const [keep, absorb] = oItem.prio <= mItem.prio ? [other, moved] : [moved, other];
    const attributes: DetailRecord['attributes'] = { ...keep.attributes };
    for (const [k, v] of Object.entries(absorb.attributes)) {
      if (UNION_KEYS.has(k)) attributes[k] = unionList(attributes[k], v);
      else if (isNull(attributes[k]) && !isNull(v)) attributes[k] = v;
    }
    const overrides = [...(keep.overrides ?? []), ...(absorb.overrides ?? [])];
    const merged: DetailRecord = {
      ...keep,
      // the curated location wins
      lat: moved.lat,
      lon: moved.lon,
      country: moved.country,
      state: moved.state,
      precision: moved.precision,
      sources: [...keep.sources, ...absorb.sources],
      attributes,
      ...(overrides.length ? { overrides } : {}),
    };
    out = out.filter((r) => r !== absorb).map((r) => (r === keep ? merged : r));
    merges.push({ into: keep.id, from: absorb.id, moved: moved.id });
  }
  return { records: out, merges };
}
