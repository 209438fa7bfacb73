/**
 * Supply-chain links: curated flows.csv (FORMAT.md) plus ownership/JV links (jv-ownership-links.csv).
 * An endpoint is linked to the nearest facility of its layer within 30 km whose name shares a distinctive word;
 * otherwise it stays a named point with its cited coordinates (facilityId null).
 * Each end carries its state (the facility's, else the state polygon containing it; null outside US/MX) so the
 * app's state filter reaches flows.
 * crossBorder = one endpoint in the US and the other in Mexico (the atlas's binational links; a Chile -> US
 * link is international but not "cross-border" in this sense).
 * Checks (issue 14): an end of a point layer that matches no facility is an error naming the row (`errors`; the build
 * fails on them), an end outside the layers must say so (`external`, with its name and country); every source_url
 * parses as an http(s) URL with a host; flows with the same ends after resolution, material and relation are merged
 * into one flow keeping every source (`merged` in the report).
 */
import {
  FLOW_MATERIALS,
  FLOW_RELATIONS,
  POINT_DATASET_IDS,
  type DetailRecord,
  type FlowEndpoint,
  type FlowRecord,
  type QuarantineEntry,
} from '../../../src/data/atlas-format.ts';
import { BORDER_TOLERANCE_KM } from '../geo/locate.ts';
import type { StateIndex } from '../geo/state-index.ts';
import { SOURCES } from './sources.ts';
import { clean, distKm, num, q, readTable, sharesToken, tokens, urlProblem } from './util.ts';

const FLOW_REQUIRED = [
  'id',
  'from_name',
  'from_layer',
  'from_lat',
  'from_lon',
  'from_country',
  'to_name',
  'to_layer',
  'to_lat',
  'to_lon',
  'to_country',
  'material',
  'relation',
  'year',
  'volume',
  'volume_unit',
  'description',
  'source_url',
  'as_of',
];
const JV_REQUIRED = ['facility_source', 'facility_key', 'facility_company', 'facility_type', 'latitude', 'longitude', 'partner', 'link_type', 'evidence'];
export const RESOLVE_KM = 30;

interface Fac {
  rec: DetailRecord;
  layer: string;
  toks: Set<string>;
}

function layerOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

function facTokens(r: DetailRecord): Set<string> {
  const parts = [r.name];
  for (const k of ['owners', 'oem', 'operator']) {
    const v = r.attributes[k];
    if (Array.isArray(v)) parts.push(...v);
    else if (typeof v === 'string') parts.push(v);
  }
  return tokens(parts.join(' '));
}

/** Nearest facility of `layers` within km of (lat,lon) whose name shares a distinctive word with `name`. */
export function resolveFacility(facs: Fac[], layers: string[] | null, name: string, lat: number, lon: number, km = RESOLVE_KM, exclude?: string): Fac | null {
  const t = tokens(name);
  if (t.size === 0) return null;
  let best: Fac | null = null;
  let bestD = Infinity;
  for (const f of facs) {
    if (layers && !layers.includes(f.layer)) continue;
    if (exclude && f.rec.id === exclude) continue;
    const d = distKm(lat, lon, f.rec.lat, f.rec.lon);
    if (d > km || d >= bestD) continue;
    if (!sharesToken(t, f.toks)) continue;
    best = f;
    bestD = d;
  }
  return best;
}

/**
 * The state (ISO 3166-2) of a flow end that is not a facility, by the rule point records follow
 * (data/pipeline/geo/locate.ts): the state polygon containing the point (or within 10 km of it) when it is in the
 * end's stated country; on the generalised basemap's borders (Detroit, El Paso) the nearest state of the stated
 * country within BORDER_TOLERANCE_KM. Null outside the US and Mexico, or when no such state is found.
 */
export function endpointState(states: StateIndex | null, lon: number, lat: number, country: string): string | null {
  if (!states || (country !== 'US' && country !== 'MX')) return null;
  const hit = states.locate(lon, lat);
  if (hit && hit.country === country) return hit.code;
  return states.nearestInCountry(lon, lat, country, BORDER_TOLERANCE_KM)?.code ?? null;
}

function endpoint(f: Fac | null, name: string, lat: number, lon: number, country: string, states: StateIndex | null): FlowEndpoint {
  if (f) return { name, lon: f.rec.lon, lat: f.rec.lat, country: f.rec.country, facilityId: f.rec.id, state: f.rec.state ?? null };
  return { name, lon, lat, country, facilityId: null, state: endpointState(states, lon, lat, country) };
}

function isCrossBorder(a: string, b: string): boolean {
  return (a === 'US' && b === 'MX') || (a === 'MX' && b === 'US');
}

/** JV facility type ("Batteries: Cells, Modules", "Critical Minerals: Graphite") -> flow material. */
export function jvMaterial(type: string): (typeof FLOW_MATERIALS)[number] {
  const t = type.toLowerCase();
  if (/cells/.test(t)) return 'cells';
  if (/modules|packs/.test(t)) return 'modules_packs';
  if (/eam|cathode/.test(t)) return 'cathode';
  if (/aam|anode/.test(t)) return 'anode';
  if (/recycl/.test(t)) return 'recycled_material';
  if (/vehicle|zev|bev|assembly/.test(t)) return 'vehicles';
  for (const m of ['lithium', 'nickel', 'cobalt', 'graphite', 'manganese', 'copper'] as const) if (t.includes(m)) return m;
  if (/rare/.test(t)) return 'rare_earths';
  return 'other';
}

/** What the flow build did, for the build report. */
export interface FlowReport {
  /** curated rows kept as flows */
  curated: number;
  /** JV links derived from jv-ownership-links.csv */
  jv: number;
  /** flows merged into another flow (same ends, material and relation): kept id, merged id */
  merged: { into: string; from: string }[];
}

/** Node key of an end, as the app's supply-chain walk keys it (src/map/supply-chain.ts endpointKey). */
function endKey(e: FlowEndpoint): string {
  return e.facilityId ?? `@${e.lon.toFixed(3)},${e.lat.toFixed(3)}`;
}

/**
 * Merges flows with the same ends (after resolution), material and relation into the first of them (curated rows come
 * before JV links): one flow keeping every source; the first's id, description, year and volume, the others' when the
 * first has none; other descriptions appended when they differ.
 */
export function dedupeFlows(flows: FlowRecord[]): { flows: FlowRecord[]; merged: FlowReport['merged'] } {
  const byKey = new Map<string, FlowRecord>();
  const out: FlowRecord[] = [];
  const merged: FlowReport['merged'] = [];
  for (const f of flows) {
    const key = `${endKey(f.from)}|${endKey(f.to)}|${f.material}|${f.relation}`;
    const first = byKey.get(key);
    if (!first) {
      const copy = { ...f, sources: [...f.sources] };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    for (const s of f.sources) if (!first.sources.some((x) => x.sourceId === s.sourceId && x.recordId === s.recordId)) first.sources.push(s);
    if (first.year === null) first.year = f.year;
    if (first.volume === null && f.volume !== null) {
      first.volume = f.volume;
      first.volumeUnit = f.volumeUnit;
    }
    if (f.description && !first.description.includes(f.description)) first.description = first.description ? `${first.description} | ${f.description}` : f.description;
    merged.push({ into: first.id, from: f.id });
  }
  return { flows: out, merged };
}

/** The owner end of a JV link: the partner's nearby site, named so that the partner reads first. */
function ownerName(partner: string, site: string): string {
  return sharesToken(tokens(partner), tokens(site)) ? site : `${partner}: ${site}`;
}

/** The JV facility end: its name and, to tell two plants of one JV apart, its state. */
function jvFacilityName(rec: DetailRecord, states: StateIndex | null): string {
  const state = states?.locate(rec.lon, rec.lat)?.name ?? rec.state ?? null;
  return state && !rec.name.includes(state) ? `${rec.name} (${state})` : rec.name;
}

export function buildFlows(
  flowsCsv: Buffer,
  jvCsv: Buffer | null,
  facilities: DetailRecord[],
  /** state polygons for ends that are not facilities; null: those ends get state null */
  states: StateIndex | null = null,
): { flows: FlowRecord[]; quarantined: QuarantineEntry[]; rowsRead: number; errors: string[]; report: FlowReport } {
  const errors: string[] = [];
  const report: FlowReport = { curated: 0, jv: 0, merged: [] };
  const facs: Fac[] = facilities.map((rec) => ({ rec, layer: layerOf(rec.id), toks: facTokens(rec) }));
  const flows: FlowRecord[] = [];
  const quarantined: QuarantineEntry[] = [];
  const sid = SOURCES.curatedFlows.id;
  const { rows, malformed } = readTable(sid, flowsCsv, FLOW_REQUIRED);
  quarantined.push(...malformed);
  let rowsRead = rows.length + malformed.length;
  const ids = new Set<string>();
  for (const { row, data, raw } of rows) {
    const id = clean(data.id);
    const errs: string[] = [];
    if (!id) errs.push('missing id');
    else if (ids.has(id)) errs.push(`duplicate id "${id}"`);
    ids.add(id);
    const material = clean(data.material);
    const relation = clean(data.relation);
    if (!(FLOW_MATERIALS as readonly string[]).includes(material)) errs.push(`material "${material}" is not one of ${FLOW_MATERIALS.join(', ')}`);
    if (!(FLOW_RELATIONS as readonly string[]).includes(relation)) errs.push(`relation "${relation}" is not one of ${FLOW_RELATIONS.join(', ')}`);
    const ends = (['from', 'to'] as const).map((side) => {
      const name = clean(data[`${side}_name`]);
      const layer = clean(data[`${side}_layer`]);
      const lat = num(data[`${side}_lat`]);
      const lon = num(data[`${side}_lon`]);
      const country = clean(data[`${side}_country`]).toUpperCase();
      if (!name) errs.push(`missing ${side}_name`);
      if (layer !== 'external' && !(POINT_DATASET_IDS as readonly string[]).includes(layer)) errs.push(`${side}_layer "${layer}" is not a point layer or external`);
      if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) errs.push(`${side} coordinates missing or impossible`);
      if (!/^[A-Z]{2}$/.test(country)) errs.push(`${side}_country "${country}" is not an ISO 3166-1 alpha-2 code`);
      return { name, layer, lat: lat ?? 0, lon: lon ?? 0, country };
    });
    const url = clean(data.source_url);
    const badUrl = urlProblem(url);
    if (badUrl) {
      errs.push(badUrl);
      // a curated fact without a usable citation fails the build, naming the row (it is also quarantined)
      errors.push(`flows.csv row ${row} ("${id}"): ${badUrl}`);
    }
    const yearRaw = clean(data.year);
    const year = num(yearRaw);
    if (yearRaw && (year === null || !Number.isInteger(year))) errs.push(`year "${yearRaw}" is not a year`);
    const volume = num(data.volume);
    if (clean(data.volume) && volume === null) errs.push(`volume "${clean(data.volume)}" is not a number`);
    if (errs.length) {
      quarantined.push(q(sid, row, id || null, errs.join('; '), raw));
      continue;
    }
    const [f, t] = ends.map((e, i) => {
      const fac = e.layer === 'external' ? null : resolveFacility(facs, [e.layer], e.name, e.lat, e.lon);
      if (e.layer !== 'external' && !fac) {
        errors.push(
          `flows.csv row ${row} ("${id}"): ${i === 0 ? 'from' : 'to'} end "${e.name}" matches no ${e.layer} record within ${RESOLVE_KM} km of ${e.lat},${e.lon} sharing a name word (fix the name or coordinates, or mark the end external)`,
        );
      }
      return endpoint(fac, e.name, e.lat, e.lon, e.country, states);
    }) as [FlowEndpoint, FlowEndpoint];
    flows.push({
      id: `flows:${id}`,
      from: f,
      to: t,
      material: material as FlowRecord['material'],
      relation: relation as FlowRecord['relation'],
      year: yearRaw ? year : null,
      volume,
      volumeUnit: volume !== null ? clean(data.volume_unit) || null : null,
      crossBorder: isCrossBorder(f.country, t.country),
      description: clean(data.description),
      sources: [{ sourceId: sid, recordId: id, url, ...(clean(data.as_of) ? { asOf: clean(data.as_of) } : {}) }],
    });
    report.curated++;
  }
  if (jvCsv) {
    const jsid = SOURCES.jv.id;
    const jv = readTable(jsid, jvCsv, JV_REQUIRED);
    quarantined.push(...jv.malformed);
    rowsRead += jv.rows.length + jv.malformed.length;
    // facility end: by source record id (CIM unique_id, investments "company|city"), else by name + distance
    const byRecordId = new Map<string, Fac>();
    for (const fc of facs) for (const s of fc.rec.sources) byRecordId.set(s.recordId.replace(/#\d+$/, ''), fc);
    const jvIds = new Set<string>();
    for (const { row, data, raw } of jv.rows) {
      const key = clean(data.facility_key);
      const partner = clean(data.partner);
      const company = clean(data.facility_company);
      const lat = num(data.latitude);
      const lon = num(data.longitude);
      const recId = `${key}|${partner}`;
      if (!key || !partner || lat === null || lon === null) {
        quarantined.push(q(jsid, row, recId, 'missing facility_key, partner or coordinates', raw));
        continue;
      }
      const fac = byRecordId.get(key) ?? resolveFacility(facs, ['battery-plants', 'assembly-plants', 'minerals'], company, lat, lon);
      if (!fac) {
        quarantined.push(q(jsid, row, recId, `endpoint not found: JV facility "${company}" (${key}) is not in the atlas layers`, raw));
        continue;
      }
      const owner = resolveFacility(facs, ['assembly-plants', 'battery-plants'], partner, fac.rec.lat, fac.rec.lon, RESOLVE_KM, fac.rec.id);
      if (!owner) {
        quarantined.push(
          q(
            jsid,
            row,
            recId,
            `endpoint not found: no facility of partner "${partner}" within ${RESOLVE_KM} km of ${company} (ownership link without a nearby partner site)`,
            raw,
          ),
        );
        continue;
      }
      // several CIM phases of one merged facility give the same link: keep one
      const flowId = `flows:jv:${fac.rec.id.replace(/[^A-Za-z0-9._:-]+/g, '-')}:${partner.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
      if (jvIds.has(flowId)) {
        quarantined.push(q(jsid, row, recId, 'duplicate link: same merged facility and partner as an earlier row', raw));
        continue;
      }
      jvIds.add(flowId);
      const from = endpoint(owner, ownerName(partner, owner.rec.name), owner.rec.lat, owner.rec.lon, owner.rec.country, states);
      const to = endpoint(fac, jvFacilityName(fac.rec, states), fac.rec.lat, fac.rec.lon, fac.rec.country, states);
      // the link is read from a company name in a source record: cite that record (its URL when it has one), else the
      // source's page (CIM's, or the investments file's for its rows)
      const fromInvestments = /investments/i.test(clean(data.facility_source));
      const recSource = fromInvestments ? SOURCES.investments : SOURCES.cim;
      const recRef = fac.rec.sources.find((s) => s.sourceId === recSource.id && s.recordId.replace(/#\d+$/, '') === key);
      const url = recRef?.url ?? recSource.url;
      flows.push({
        id: flowId,
        from,
        to,
        material: jvMaterial(clean(data.facility_type)),
        relation: 'ownership_jv',
        year: null,
        volume: null,
        volumeUnit: null,
        crossBorder: isCrossBorder(from.country, to.country),
        description: `${partner} is an owner / joint-venture partner of ${company} (${clean(data.evidence)})`,
        sources: [{ sourceId: jsid, recordId: recId, url }],
      });
      report.jv++;
    }
  }
  const d = dedupeFlows(flows);
  report.merged = d.merged;
  return { flows: d.flows, quarantined, rowsRead, errors, report };
}
