/** Charger merge: AFDC base (2022 national snapshot, or the live API), AFDC full-column records by
 *  station id, Tesla Supercharger sites and OCM POIs by distance. Every merged record keeps all its
 *  source refs; unknown attributes stay null. */
import type { DetailRecord } from '../../../src/data/atlas-format.ts';
import type { LayerMerger, LocatedRecord } from '../adapter-types.ts';
import { haversineM } from '../geo/state-index.ts';
import { AFDC_2022_ID, AFDC_LIVE_ID, AFDC_NY_ID } from './afdc.ts';
import { TESLA_ID } from './tesla.ts';
import { TESLA_US_2026_ID } from './tesla-us-2026.ts';
import { TESLA_MX_2023_ID } from './tesla-mx-2023.ts';
import { toDetailRecord } from '../detail-record.ts';

type Role = 'afdc-base' | 'afdc-enrich' | 'tesla' | 'ocm';
export function chargerRole(sourceId: string): Role {
  if (sourceId === AFDC_2022_ID || sourceId === AFDC_LIVE_ID) return 'afdc-base';
  if (sourceId === AFDC_NY_ID || sourceId.startsWith('afdc')) return 'afdc-enrich';
  if (sourceId === TESLA_ID || sourceId.startsWith('supercharge')) return 'tesla';
  return 'ocm';
}

export const MATCH_TESLA_M = 200;
export const MATCH_ANY_M = 75;

const isTeslaish = (name: string, network: unknown) => /tesla|supercharger/i.test(name) || /tesla/i.test(String(network ?? ''));
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
function maxKnown(a: unknown, b: unknown): number | null {
  const x = numOrNull(a),
    y = numOrNull(b);
  if (x === null) return y;
  if (y === null) return x;
  return Math.max(x, y);
}

/** AFDC full-column data replaces the 2022 row's attributes where it knows them. */
function enrich(target: DetailRecord, r: LocatedRecord): void {
  for (const [k, v] of Object.entries(r.attributes)) if (v !== null) target.attributes[k] = v;
  target.name = r.name || target.name;
  target.lon = r.lon;
  target.lat = r.lat;
  target.country = r.country;
  target.state = r.state;
  target.sources.push({ sourceId: r.sourceId, recordId: r.sourceRecordId });
}

/** A site from Tesla or OCM matched an existing station. */
function mergeSite(target: DetailRecord, r: LocatedRecord, role: Role): void {
  const t = target.attributes,
    a = r.attributes;
  const levels = new Set<string>([...((t.level as string[] | null) ?? []), ...((a.level as string[] | null) ?? [])]);
  if (role === 'tesla') levels.add('DC');
  t.level = levels.size ? (['L1', 'L2', 'DC'] as const).filter((l) => levels.has(l)) : null;
  t.ports = maxKnown(t.ports, a.ports);
  t.portsDC = maxKnown(t.portsDC, a.portsDC);
  t.portsL1 = maxKnown(t.portsL1, a.portsL1);
  t.portsL2 = maxKnown(t.portsL2, a.portsL2);
  t.maxPowerKw = role === 'tesla' ? (numOrNull(a.maxPowerKw) ?? numOrNull(t.maxPowerKw)) : maxKnown(t.maxPowerKw, a.maxPowerKw);
  for (const [k, v] of Object.entries(a)) if ((t[k] === null || t[k] === undefined) && v !== null) t[k] = v;
  // the 2026 snapshot lists sites open in July 2026: newer than a 2021 'planned' or 'closed'
  if (r.sourceId === TESLA_US_2026_ID) t.status = 'open';
  // the June 2023 Mexican export lists sites with their opening date: open then (newer than a 2021 'planned')
  if (r.sourceId === TESLA_MX_2023_ID && a.status === 'open') t.status = 'open';
  target.sources.push({ sourceId: r.sourceId, recordId: r.sourceRecordId });
}

/** Small dynamic grid for "within N metres" lookups (cells of 0.01 degree). */
class Grid {
  private cells = new Map<string, DetailRecord[]>();
  private key(lon: number, lat: number) {
    return `${Math.floor(lon * 100)}:${Math.floor(lat * 100)}`;
  }
  add(r: DetailRecord) {
    const k = this.key(r.lon, r.lat);
    const c = this.cells.get(k);
    if (c) c.push(r);
    else this.cells.set(k, [r]);
  }
  near(lon: number, lat: number, maxM: number): { r: DetailRecord; d: number }[] {
    const out: { r: DetailRecord; d: number }[] = [];
    const cx = Math.floor(lon * 100),
      cy = Math.floor(lat * 100);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const r of this.cells.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const d = haversineM(lon, lat, r.lon, r.lat);
          if (d <= maxM) out.push({ r, d });
        }
    return out.sort((p, q) => p.d - q.d || (p.r.id < q.r.id ? -1 : 1));
  }
}

export const mergeChargers: LayerMerger = (records) => {
  const byRole: Record<Role, LocatedRecord[]> = { 'afdc-base': [], 'afdc-enrich': [], tesla: [], ocm: [] };
  for (const r of records) byRole[chargerRole(r.sourceId)].push(r);
  const byKey = (a: LocatedRecord, b: LocatedRecord) => (a.sourceId + a.sourceRecordId < b.sourceId + b.sourceRecordId ? -1 : 1);
  for (const list of Object.values(byRole)) list.sort(byKey);

  const out = new Map<string, DetailRecord>();
  for (const r of byRole['afdc-base']) out.set(`chargers:afdc:${r.sourceRecordId}`, toDetailRecord(r, `chargers:afdc:${r.sourceRecordId}`));
  for (const r of byRole['afdc-enrich']) {
    const id = `chargers:afdc:${r.sourceRecordId}`;
    const existing = out.get(id);
    if (existing) enrich(existing, r);
    else out.set(id, toDetailRecord(r, id));
  }
  const grid = new Grid();
  for (const r of out.values()) grid.add(r);
  const matched = new Set<string>();

  const attach = (r: LocatedRecord, role: Role, prefix: string, requireTeslaTarget: boolean) => {
    const incomingTesla = role === 'tesla' || isTeslaish(r.name, r.attributes.network);
    // one record per site and source snapshot: two Tesla snapshots (2021, 2026) may both match the same site
    const matchKey = role === 'tesla' ? r.sourceId : role;
    const cands = grid.near(r.lon, r.lat, MATCH_TESLA_M).filter(({ r: t }) => !matched.has(`${matchKey}|${t.id}`));
    const hit = cands.find(({ r: t, d }) => {
      if (requireTeslaTarget && !t.sources.some((s) => chargerRole(s.sourceId) === 'tesla')) return false;
      if (d <= MATCH_ANY_M) return true;
      return incomingTesla && isTeslaish(t.name, t.attributes.network);
    });
    if (hit) {
      mergeSite(hit.r, r, role);
      matched.add(`${matchKey}|${hit.r.id}`);
      return;
    }
    const id = `chargers:${prefix}:${r.sourceRecordId}`;
    const d = toDetailRecord(r, id);
    out.set(id, d);
    grid.add(d);
  };
  for (const r of byRole.tesla) attach(r, 'tesla', r.sourceId === TESLA_US_2026_ID ? 'tesla-2026' : r.sourceId === TESLA_MX_2023_ID ? 'tesla-mx-2023' : 'tesla', false);
  // OCM Mexico merges with Tesla sites only; OCM elsewhere (live US) with any station
  for (const r of byRole.ocm) attach(r, 'ocm', r.sourceId.startsWith('ocm') ? 'ocm' : r.sourceId, r.country === 'MX');
  return [...out.values()];
};
