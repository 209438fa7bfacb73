/** US inputs: Census 2020 county centres of population (CenPop2020_Mean_CO) and AFDC/Experian BEV registrations by state. */
import type { TextEncodingName } from '../io/read-input.ts';
import { parseCoord, parseCount, parseCsvLines, quarantine, readTextLines } from './csv-lines.ts';
import { US_FIPS_OUTSIDE_ATLAS, US_FIPS_TO_ISO, usIsoFromUsps } from './codes.ts';
import type { QuarantinedRow } from './types.ts';

export const US_COUNTY_FILE = 'us-county-population-centroids-2020.csv';
export const US_BEV_FILE = 'us-bev-registrations-by-state-2023.csv';

const COUNTY_COLUMNS = ['STATEFP', 'COUNTYFP', 'COUNAME', 'STNAME', 'POPULATION', 'LATITUDE', 'LONGITUDE'] as const;

export interface UsCounty {
  row: number;
  /** 5-digit state+county FIPS */
  fips: string;
  state: string;
  name: string;
  stateName: string;
  population: number;
  lat: number;
  lon: number;
}

export interface ParsedUsCounties {
  encoding: TextEncodingName;
  linesRead: number;
  rowsRead: number;
  counties: UsCounty[];
  outsideAtlas: { row: number; fips: string; territory: string; population: number }[];
  quarantined: QuarantinedRow[];
}

/** Rough envelope of the 50 states + DC (Aleutians to Maine, Hawaii to Alaska's north coast). */
function plausibleUs(lat: number, lon: number): boolean {
  return lat >= 18 && lat <= 72 && ((lon >= -180 && lon <= -66) || (lon >= 172 && lon <= 180));
}

function headerIndex(fields: string[], columns: readonly string[], file: string): Map<string, number> {
  const idx = new Map<string, number>();
  const norm = fields.map((f) => f.trim().toUpperCase());
  for (const c of columns) {
    const i = norm.indexOf(c.toUpperCase());
    if (i < 0) throw new Error(`${file}: column ${c} is missing (header: ${fields.join(',')}); format changed?`);
    idx.set(c, i);
  }
  return idx;
}

export function parseUsCounties(bytes: Uint8Array, file = US_COUNTY_FILE): ParsedUsCounties {
  const { lines: text, encoding } = readTextLines(bytes, file);
  const lines = parseCsvLines(text);
  const head = lines[0];
  if (!head || head.error) throw new Error(`${file}: empty file or unreadable header`);
  const col = headerIndex(head.fields, COUNTY_COLUMNS, file);
  const out: ParsedUsCounties = { encoding, linesRead: lines.length, rowsRead: 0, counties: [], outsideAtlas: [], quarantined: [] };
  const seen = new Map<string, number>();
  for (const line of lines.slice(1)) {
    if (line.raw.trim() === '') continue;
    out.rowsRead++;
    if (line.error) {
      out.quarantined.push(quarantine(file, line, `malformed CSV line (${line.error})`));
      continue;
    }
    if (line.fields.length !== head.fields.length) {
      out.quarantined.push(quarantine(file, line, `expected ${head.fields.length} fields, found ${line.fields.length}`));
      continue;
    }
    const get = (c: (typeof COUNTY_COLUMNS)[number]) => (line.fields[col.get(c)!] ?? '').trim();
    const stfp = get('STATEFP');
    const cofp = get('COUNTYFP');
    if (!/^\d{2}$/.test(stfp) || !/^\d{3}$/.test(cofp)) {
      out.quarantined.push(quarantine(file, line, `bad FIPS code "${stfp}" / "${cofp}"`));
      continue;
    }
    const pop = parseCount(get('POPULATION'));
    if (pop === null) {
      out.quarantined.push(quarantine(file, line, `population "${get('POPULATION')}" is not a whole number`));
      continue;
    }
    const fips = stfp + cofp;
    const territory = US_FIPS_OUTSIDE_ATLAS[stfp];
    if (territory) {
      out.outsideAtlas.push({ row: line.row, fips, territory, population: pop });
      continue;
    }
    const state = US_FIPS_TO_ISO[stfp];
    if (!state) {
      out.quarantined.push(quarantine(file, line, `unknown state FIPS code ${stfp}`));
      continue;
    }
    const lat = parseCoord(get('LATITUDE'));
    const lon = parseCoord(get('LONGITUDE'));
    if (lat === null || lon === null || !plausibleUs(lat, lon)) {
      out.quarantined.push(quarantine(file, line, `impossible coordinates for a US county: lat "${get('LATITUDE')}", lon "${get('LONGITUDE')}"`));
      continue;
    }
    const prev = seen.get(fips);
    if (prev !== undefined) {
      out.quarantined.push(quarantine(file, line, `duplicate county FIPS ${fips} (first on line ${prev})`));
      continue;
    }
    seen.set(fips, line.row);
    out.counties.push({ row: line.row, fips, state, name: get('COUNAME'), stateName: get('STNAME'), population: pop, lat, lon });
  }
  return out;
}

export interface ParsedUsBev {
  encoding: TextEncodingName;
  linesRead: number;
  rowsRead: number;
  byState: Map<string, number>;
  quarantined: QuarantinedRow[];
}

export function parseUsBev(bytes: Uint8Array, file = US_BEV_FILE): ParsedUsBev {
  const { lines: text, encoding } = readTextLines(bytes, file);
  const lines = parseCsvLines(text);
  const head = lines[0];
  if (!head || head.error) throw new Error(`${file}: empty file or unreadable header`);
  const col = headerIndex(head.fields, ['usps', 'bev_registrations_2023'], file);
  const out: ParsedUsBev = { encoding, linesRead: lines.length, rowsRead: 0, byState: new Map(), quarantined: [] };
  for (const line of lines.slice(1)) {
    if (line.raw.trim() === '') continue;
    out.rowsRead++;
    if (line.error || line.fields.length !== head.fields.length) {
      out.quarantined.push(
        quarantine(file, line, line.error ? `malformed CSV line (${line.error})` : `expected ${head.fields.length} fields, found ${line.fields.length}`),
      );
      continue;
    }
    const usps = line.fields[col.get('usps')!] ?? '';
    const state = usIsoFromUsps(usps);
    const n = parseCount(line.fields[col.get('bev_registrations_2023')!]);
    if (!state) out.quarantined.push(quarantine(file, line, `unknown state "${usps}"`));
    else if (n === null) out.quarantined.push(quarantine(file, line, `registrations "${line.fields[col.get('bev_registrations_2023')!]}" is not a whole number`));
    else if (out.byState.has(state)) out.quarantined.push(quarantine(file, line, `duplicate state ${state}`));
    else out.byState.set(state, n);
  }
  return out;
}
