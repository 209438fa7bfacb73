/** Curated assembly plants and battery facilities (data/curated, FORMAT.md). Each record cites its row's source_url. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { EV_PRODUCTION, FACILITY_STATUSES, PLANT_STAGES, VEHICLE_CLASSES } from '../../../src/data/atlas-format.ts';
import { SOURCES } from './sources.ts';
import { REF_URL, clean, num, orNull, q, readInputTable, splitList, type ParsedRow } from './util.ts';

export const CURATED_ASSEMBLY = 'assembly-plants.csv';
export const CURATED_BATTERY = 'battery-facilities.csv';

const COMMON = ['id', 'name', 'city', 'state_code', 'country', 'lat', 'lon', 'location_precision', 'status', 'capex_musd', 'products', 'source_url', 'as_of'];
const ASSEMBLY_REQUIRED = [...COMMON, 'oem', 'vehicle_class', 'ev', 'ev_models'];
const BATTERY_REQUIRED = [...COMMON, 'owners', 'stage', 'capacity_gwh'];

function enumOrNull(v: string | undefined, allowed: readonly string[], field: string, errs: string[]): string | null {
  const c = clean(v);
  if (!c) return null;
  if (!allowed.includes(c)) {
    errs.push(`${field} "${c}" is not one of ${allowed.join(', ')}`);
    return null;
  }
  return c;
}

function base(sid: string, r: ParsedRow, errs: string[]) {
  const d = r.data;
  const id = clean(d.id);
  const lat = num(d.lat);
  const lon = num(d.lon);
  const url = clean(d.source_url);
  const asOf = clean(d.as_of);
  if (!id) errs.push('missing id');
  if (!clean(d.name)) errs.push('missing name');
  if (lat === null || lon === null) errs.push('missing or non-numeric lat/lon');
  if (!/^https?:\/\//.test(url)) errs.push('missing source_url (every curated row needs a public source)');
  // FORMAT.md asks for YYYY-MM(-DD); a bare year is accepted (less precise, still a date)
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(asOf)) errs.push(`as_of "${asOf}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  const prec = clean(d.location_precision);
  if (prec && prec !== 'exact' && prec !== 'approximate') errs.push(`location_precision "${prec}" is not exact|approximate`);
  const country = clean(d.country).toUpperCase();
  if (country !== 'US' && country !== 'MX') errs.push(`country "${clean(d.country)}" is not US or MX`);
  return {
    id,
    rec: {
      sourceRecordId: id,
      name: clean(d.name),
      lon: lon ?? NaN,
      lat: lat ?? NaN,
      statedCountry: country || null,
      statedState: orNull(d.state_code),
      precision: (prec === 'approximate' ? 'approximate' : 'exact') as 'exact' | 'approximate',
    },
    url,
    asOf,
  };
}

function curatedAdapter(kind: 'assembly' | 'battery'): SourceAdapter {
  const meta = kind === 'assembly' ? SOURCES.curatedAssembly : SOURCES.curatedBattery;
  const file = kind === 'assembly' ? CURATED_ASSEMBLY : CURATED_BATTERY;
  const required = kind === 'assembly' ? ASSEMBLY_REQUIRED : BATTERY_REQUIRED;
  return {
    sourceId: meta.id,
    origin: 'curated',
    inputs: [file],
    parse(files): AdapterResult {
      const sid = meta.id;
      const { rows, quarantined, rowsRead } = readInputTable(sid, files, file, required);
      const records: CandidateRecord[] = [];
      const ids = new Set<string>();
      for (const r of rows) {
        const errs: string[] = [];
        const b = base(sid, r, errs);
        if (b.id && ids.has(b.id)) errs.push(`duplicate id "${b.id}"`);
        ids.add(b.id);
        const d = r.data;
        const status = enumOrNull(d.status, FACILITY_STATUSES, 'status', errs);
        const capex = num(d.capex_musd);
        if (clean(d.capex_musd) && capex === null) errs.push(`capex_musd "${clean(d.capex_musd)}" is not a number`);
        let rec: CandidateRecord;
        if (kind === 'assembly') {
          rec = {
            ...b.rec,
            layer: 'assembly-plants',
            attributes: {
              oem: orNull(d.oem),
              vehicleClass: enumOrNull(d.vehicle_class, VEHICLE_CLASSES, 'vehicle_class', errs),
              ev: enumOrNull(d.ev, EV_PRODUCTION, 'ev', errs),
              evModels: splitList(d.ev_models ?? '').length ? splitList(d.ev_models ?? '') : null,
              status,
              capexMusd: capex,
              products: orNull(d.products),
              city: orNull(d.city),
              asOf: b.asOf || null,
              [REF_URL]: b.url || null,
            },
          };
        } else {
          const cap = num(d.capacity_gwh);
          if (clean(d.capacity_gwh) && cap === null) errs.push(`capacity_gwh "${clean(d.capacity_gwh)}" is not a number`);
          rec = {
            ...b.rec,
            layer: 'battery-plants',
            attributes: {
              stage: enumOrNull(d.stage, PLANT_STAGES, 'stage', errs),
              status,
              capacityGwh: cap,
              capexMusd: capex,
              owners: splitList(d.owners ?? '').length ? splitList(d.owners ?? '') : null,
              products: orNull(d.products),
              announced: null,
              city: orNull(d.city),
              asOf: b.asOf || null,
              [REF_URL]: b.url || null,
            },
          };
          if (rec.attributes.stage === null && !errs.length) errs.push('missing stage');
        }
        if (errs.length) {
          quarantined.push(q(sid, r.row, b.id || null, errs.join('; '), r.raw));
          continue;
        }
        records.push(rec);
      }
      return { source: meta, rowsRead, records, quarantined };
    },
  };
}

export const curatedAssemblyAdapter = curatedAdapter('assembly');
export const curatedBatteryAdapter = curatedAdapter('battery');
