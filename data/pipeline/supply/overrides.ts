/** Curated overrides (data/curated/facility-overrides.csv, FORMAT.md) applied to a merged layer. */
import { FACILITY_STATUSES, MINERAL_STATUSES, PLANT_STAGES, POINT_DATASET_IDS, type DetailRecord, type PointDatasetId } from '../../../src/data/atlas-format.ts';
import { SOURCES } from './sources.ts';
import { clean, distKm, normalize, num, readTable, splitList } from './util.ts';

const REQUIRED = ['id', 'layer', 'match_name', 'match_lat', 'match_lon', 'match_radius_km', 'field', 'value', 'source_url', 'as_of'];
const LIST_FIELDS = new Set(['commodities', 'owners', 'evModels']);
const NUMBER_FIELDS = new Set(['capacityGwh', 'capexMusd', 'resourceKtLi']);

export function applyOverrides(records: DetailRecord[], layer: PointDatasetId, overridesCsv: Buffer): { records: DetailRecord[]; errors: string[] } {
  const errors: string[] = [];
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
    if (!/^https?:\/\//.test(sourceUrl) || !asOf) {
      errors.push(`${where}: source_url and as_of are required`);
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
    let matched = 0;
    for (const r of out) {
      if (distKm(lat, lon, r.lat, r.lon) > radius) continue;
      if (!normalize(r.name).includes(matchName)) continue;
      apply(r);
      (r.overrides ??= []).push({ field, value: shown, sourceUrl, asOf, ...(note ? { note } : {}) });
      matched++;
    }
    if (matched === 0) {
      errors.push(`${where}: matches no ${layer} record named like "${clean(data.match_name)}" within ${radius} km of ${lat},${lon}`);
    }
  }
  return { records: out, errors };
}
