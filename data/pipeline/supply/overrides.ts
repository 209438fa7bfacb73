/**
 * Curated overrides (data/curated/facility-overrides.csv, FORMAT.md) applied to a merged layer. Each applied override
 * keeps the field's source value beside the correction (`sourceValue`), so the details panel shows both. Field
 * `disputed` (value = the reason) changes nothing and flags the record as disputed with its citation. A record an
 * override moved (lat_lon) is merged again with a record already at its new site (merge.ts, mergeMovedRecords).
 */
import { FACILITY_STATUSES, MINERAL_STATUSES, PLANT_STAGES, POINT_DATASET_IDS, type DetailRecord, type PointDatasetId } from '../../../src/data/atlas-format.ts';
import { mergeMovedRecords, type MovedMerge } from './merge.ts';
import { SOURCES } from './sources.ts';
import { clean, distKm, normalize, num, readTable, splitList, urlProblem } from './util.ts';

/** One override row applied: its id, field and the records it changed (for the build report). */
export interface AppliedOverride {
  id: string;
  layer: PointDatasetId;
  field: string;
  value: string | number | null;
  recordIds: string[];
}

type SourceValue = NonNullable<DetailRecord['overrides']>[number]['sourceValue'];

function sourceValueOf(r: DetailRecord, field: string): SourceValue {
  if (field === 'lat_lon') return `${r.lat};${r.lon}`;
  if (field === 'precision') return r.precision;
  if (field === 'name') return r.name;
  if (field === 'disputed') return null;
  const v = r.attributes[field];
  return v === undefined ? null : Array.isArray(v) ? [...v] : v;
}

const REQUIRED = ['id', 'layer', 'match_name', 'match_lat', 'match_lon', 'match_radius_km', 'field', 'value', 'source_url', 'as_of'];
const LIST_FIELDS = new Set(['commodities', 'owners', 'evModels']);
const NUMBER_FIELDS = new Set(['capacityGwh', 'capexMusd', 'resourceKtLi']);

export function applyOverrides(
  records: DetailRecord[],
  layer: PointDatasetId,
  overridesCsv: Buffer,
): { records: DetailRecord[]; errors: string[]; applied: AppliedOverride[]; merged: MovedMerge[] } {
  const errors: string[] = [];
  const applied: AppliedOverride[] = [];
  const moved = new Set<string>();
  const { rows, malformed } = readTable(SOURCES.curatedOverrides.id, overridesCsv, REQUIRED);
  for (const m of malformed) errors.push(`facility-overrides.csv row ${m.row}: ${m.reason}`);
  const out = records.map((r) => ({ ...r, attributes: { ...r.attributes }, ...(r.overrides ? { overrides: [...r.overrides] } : {}) }));
  for (const { row, data } of rows) {
    const id = clean(data.id) || `row ${row}`;
    const where = `override "${id}" (facility-overrides.csv row ${row})`;
    const rowLayer = clean(data.layer);
    if (!(POINT_DATASET_IDS as readonly string[]).includes(rowLayer)) {
      errors.push(`${where}: unknown layer "${rowLayer}"`);
      continue;
    }
    if (rowLayer !== layer) continue;
    const matchName = normalize(clean(data.match_name));
    const lat = num(data.match_lat);
    const lon = num(data.match_lon);
    const radius = num(data.match_radius_km);
    const field = clean(data.field);
    const rawValue = clean(data.value);
    const sourceUrl = clean(data.source_url);
    const asOf = clean(data.as_of);
    const note = clean(data.note ?? '');
    if (!matchName || lat === null || lon === null || radius === null || radius <= 0) {
      errors.push(`${where}: match_name, match_lat, match_lon and a positive match_radius_km are required`);
      continue;
    }
    const badUrl = urlProblem(sourceUrl);
    if (badUrl || !asOf) {
      errors.push(`${where}: ${badUrl ?? 'as_of is required'}`);
      continue;
    }
    // parse and check the value for its field
    let apply: (r: DetailRecord) => void;
    let shown: string | number | null = rawValue === '' ? null : rawValue;
    if (field === 'lat_lon') {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*;\s*(-?\d+(?:\.\d+)?)\s*$/.exec(rawValue);
      const nl = m ? Number(m[1]) : NaN;
      const no = m ? Number(m[2]) : NaN;
      if (!m || Math.abs(nl) > 90 || Math.abs(no) > 180) {
        errors.push(`${where}: lat_lon value "${rawValue}" is not "lat;lon"`);
        continue;
      }
      apply = (r) => {
        r.lat = nl;
        r.lon = no;
      };
    } else if (field === 'precision') {
      if (rawValue !== 'exact' && rawValue !== 'approximate') {
        errors.push(`${where}: precision must be exact or approximate`);
        continue;
      }
      apply = (r) => {
        r.precision = rawValue;
      };
    } else if (field === 'disputed') {
      if (!rawValue) {
        errors.push(`${where}: a disputed override needs the reason as its value`);
        continue;
      }
      apply = () => {};
    } else if (field === 'name') {
      if (!rawValue) {
        errors.push(`${where}: empty name`);
        continue;
      }
      apply = (r) => {
        r.name = rawValue;
      };
    } else {
      const allowed = field === 'status' ? (layer === 'minerals' ? MINERAL_STATUSES : FACILITY_STATUSES) : field === 'stage' ? PLANT_STAGES : null;
      if (allowed && rawValue && !allowed.includes(rawValue as never)) {
        errors.push(`${where}: ${field} "${rawValue}" is not one of ${allowed.join(', ')}`);
        continue;
      }
      let v: string | number | string[] | null = rawValue === '' ? null : rawValue;
      if (v !== null && NUMBER_FIELDS.has(field)) {
        const n = num(rawValue);
        if (n === null) {
          errors.push(`${where}: ${field} "${rawValue}" is not a number`);
          continue;
        }
        v = n;
        shown = n;
      } else if (v !== null && LIST_FIELDS.has(field)) v = splitList(rawValue);
      apply = (r) => {
        r.attributes[field] = v;
      };
    }
    const matchedIds: string[] = [];
    for (const r of out) {
      if (distKm(lat, lon, r.lat, r.lon) > radius) continue;
      if (!normalize(r.name).includes(matchName)) continue;
      const sourceValue = sourceValueOf(r, field);
      apply(r);
      (r.overrides ??= []).push({ field, value: shown, sourceUrl, asOf, ...(note ? { note } : {}), ...(field === 'disputed' ? {} : { sourceValue }) });
      matchedIds.push(r.id);
      if (field === 'lat_lon') moved.add(r.id);
    }
    if (matchedIds.length) applied.push({ id, layer, field, value: shown, recordIds: matchedIds });
    if (matchedIds.length === 0) {
      errors.push(`${where}: matches no ${layer} record named like "${clean(data.match_name)}" within ${radius} km of ${lat},${lon}`);
    }
  }
  const m = mergeMovedRecords(layer, out, moved);
  return { records: m.records, errors, applied, merged: m.merges };
}
