import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FACILITY_STATUSES, MINERAL_STATUSES } from '../../src/data/atlas-format.ts';

const DIR = join(__dirname, '..', '..', 'data', 'curated');
type Row = Record<string, string>;
/** A cell of a parsed row; a missing column reads as the empty string (and fails the column checks). */
const col = (row: Row, column: string): string => row[column] ?? '';
function load(name: string): { fields: string[]; rows: Row[] } {
  const text = readFileSync(join(DIR, name), 'utf8');
  const res = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(res.errors, `${name} parse errors`).toEqual([]);
  return { fields: res.meta.fields ?? [], rows: res.data };
}
const URL_RE = /^https?:\/\/\S+$/;
const ASOF_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/; // YYYY, YYYY-MM or YYYY-MM-DD
const STRICT_ASOF_RE = /^\d{4}-\d{2}(-\d{2})?$/;
const STATE_RE = /^(US|MX)-[A-Z]{2,3}$/;
const BBOX = { US: { lat: [18.5, 72], lon: [-180, -66] }, MX: { lat: [14.3, 32.8], lon: [-118.6, -86.5] } } as const;
function inBox(country: string, lat: number, lon: number): boolean {
  const b = BBOX[country as 'US' | 'MX'];
  return lat >= b.lat[0] && lat <= b.lat[1] && lon >= b.lon[0] && lon <= b.lon[1];
}
function checkCommon(name: string, rows: Row[], opts: { strictAsOf?: boolean } = {}) {
  rows.forEach((r, i) => {
    expect(col(r, 'source_url') ?? '', `${name} row ${i + 2} source_url`).toMatch(URL_RE);
    expect(col(r, 'as_of') ?? '', `${name} row ${i + 2} as_of`).toMatch(opts.strictAsOf ? STRICT_ASOF_RE : ASOF_RE);
  });
}
function checkEnum(name: string, rows: Row[], field: string, allowed: string[], allowEmpty = true) {
  rows.forEach((r, i) => {
    const v = (r[field] ?? '').trim();
    if (v === '' && allowEmpty) return;
    expect(allowed, `${name} row ${i + 2} ${field}="${v}"`).toContain(v);
  });
}
function checkUnique(name: string, rows: Row[], field: string) {
  const ids = rows.map((r) => r[field]);
  expect(new Set(ids).size, `${name} duplicate ${field}`).toBe(ids.length);
  ids.forEach((id) => expect(id, `${name} empty ${field}`).not.toBe(''));
}
function checkPoint(name: string, r: Row, i: number, latF: string, lonF: string, country: string) {
  if (country !== 'US' && country !== 'MX') return;
  const lat = Number(r[latF]);
  const lon = Number(r[lonF]);
  expect(Number.isFinite(lat) && Number.isFinite(lon), `${name} row ${i + 2} coords`).toBe(true);
  expect(inBox(country, lat, lon), `${name} row ${i + 2} (${lat},${lon}) outside ${country}`).toBe(true);
}
const STATUS = ['operating', 'under_construction', 'announced', 'cancelled', 'retired'];
const PRECISION = ['exact', 'approximate'];

describe('assembly-plants.csv', () => {
  const { fields, rows } = load('assembly-plants.csv');
  it('has the required columns', () => {
    for (const c of 'id,name,oem,city,state_code,country,lat,lon,location_precision,vehicle_class,status,ev,ev_models,products,capex_musd,source_url,as_of,notes'.split(
      ',',
    ))
      expect(fields).toContain(c);
  });
  it('has rows with sources, unique ids, valid enums, states and coordinates', () => {
    expect(rows.length).toBeGreaterThan(60);
    checkCommon('assembly-plants', rows, { strictAsOf: true });
    checkUnique('assembly-plants', rows, 'id');
    checkEnum('assembly-plants', rows, 'vehicle_class', ['light', 'heavy', 'both'], false);
    checkEnum('assembly-plants', rows, 'status', STATUS, false);
    checkEnum('assembly-plants', rows, 'ev', ['ev_in_production', 'ev_announced', 'no_ev']);
    checkEnum('assembly-plants', rows, 'location_precision', PRECISION, false);
    checkEnum('assembly-plants', rows, 'country', ['US', 'MX'], false);
    rows.forEach((r, i) => {
      expect(col(r, 'state_code')).toMatch(STATE_RE);
      expect(col(r, 'state_code').slice(0, 2)).toBe(col(r, 'country'));
      checkPoint('assembly-plants', r, i, 'lat', 'lon', col(r, 'country'));
      if (col(r, 'ev') === 'ev_in_production') expect(col(r, 'ev_models'), `row ${i + 2} ev_models`).not.toBe('');
    });
  });
});

describe('battery-facilities.csv', () => {
  const { fields, rows } = load('battery-facilities.csv');
  it('is valid', () => {
    for (const c of 'id,name,owners,city,state_code,country,lat,lon,location_precision,stage,status,capacity_gwh,capex_musd,products,source_url,as_of,notes'.split(','))
      expect(fields).toContain(c);
    checkCommon('battery-facilities', rows, { strictAsOf: true });
    checkUnique('battery-facilities', rows, 'id');
    checkEnum(
      'battery-facilities',
      rows,
      'stage',
      ['processing', 'cathode', 'anode', 'materials_other', 'cell', 'module_pack', 'recycling', 'lead_acid', 'other'],
      false,
    );
    checkEnum('battery-facilities', rows, 'status', [...STATUS, 'disputed'], false);
    checkEnum('battery-facilities', rows, 'location_precision', PRECISION, false);
    rows.forEach((r, i) => {
      expect(col(r, 'state_code')).toMatch(STATE_RE);
      checkPoint('battery-facilities', r, i, 'lat', 'lon', col(r, 'country'));
    });
  });
});

describe('flows.csv', () => {
  const { fields, rows } = load('flows.csv');
  it('is valid', () => {
    for (const c of 'id,from_name,from_layer,from_lat,from_lon,from_country,to_name,to_layer,to_lat,to_lon,to_country,material,relation,year,volume,volume_unit,description,source_url,as_of'.split(
      ',',
    ))
      expect(fields).toContain(c);
    checkCommon('flows', rows, { strictAsOf: true });
    checkUnique('flows', rows, 'id');
    const layers = ['minerals', 'battery-plants', 'assembly-plants', 'external'];
    checkEnum('flows', rows, 'from_layer', layers, false);
    checkEnum('flows', rows, 'to_layer', layers, false);
    checkEnum(
      'flows',
      rows,
      'material',
      'lithium nickel cobalt graphite manganese copper rare_earths cathode anode cells modules_packs vehicles recycled_material other'.split(' '),
      false,
    );
    checkEnum('flows', rows, 'relation', ['offtake', 'supply_contract', 'same_site', 'ownership_jv'], false);
    rows.forEach((r, i) => {
      checkPoint('flows', r, i, 'from_lat', 'from_lon', col(r, 'from_country'));
      checkPoint('flows', r, i, 'to_lat', 'to_lon', col(r, 'to_country'));
      for (const k of ['from_lat', 'from_lon', 'to_lat', 'to_lon']) expect(Number.isFinite(Number(r[k]))).toBe(true);
      if (col(r, 'volume') !== '') {
        expect(Number.isFinite(Number(col(r, 'volume')))).toBe(true);
        expect(col(r, 'volume_unit'), `flows row ${i + 2} volume_unit`).not.toBe('');
      }
      if (col(r, 'year') !== '') expect(col(r, 'year')).toMatch(/^\d{4}$/);
    });
  });
});

describe('facility-overrides.csv', () => {
  const { fields, rows } = load('facility-overrides.csv');
  it('is valid', () => {
    for (const c of 'id,layer,match_name,match_lat,match_lon,match_radius_km,field,value,source_url,as_of,note'.split(',')) expect(fields).toContain(c);
    checkCommon('facility-overrides', rows, { strictAsOf: true });
    checkUnique('facility-overrides', rows, 'id');
    checkEnum('facility-overrides', rows, 'layer', ['chargers', 'minerals', 'battery-plants', 'assembly-plants'], false);
    rows.forEach((r, i) => {
      expect(col(r, 'match_name').trim(), `row ${i + 2} match_name`).not.toBe('');
      expect(Number(col(r, 'match_radius_km'))).toBeGreaterThan(0);
      const lat = Number(col(r, 'match_lat'));
      const lon = Number(col(r, 'match_lon'));
      expect(inBox('US', lat, lon) || inBox('MX', lat, lon), `row ${i + 2} match point`).toBe(true);
      if (col(r, 'field') === 'lat_lon') expect(col(r, 'value')).toMatch(/^-?\d+(\.\d+)?;-?\d+(\.\d+)?$/);
      // an override may set any status the layer's data knows (the app labels each)
      const statuses: readonly string[] = col(r, 'layer') === 'minerals' ? MINERAL_STATUSES : FACILITY_STATUSES;
      if (col(r, 'field') === 'status') expect(statuses, `row ${i + 2} status`).toContain(col(r, 'value'));
    });
    const sonora = rows.find((r) => col(r, 'match_name').toLowerCase().includes('sonora') && col(r, 'field') === 'status');
    expect(sonora?.value).toBe('disputed');
    expect(rows.some((r) => col(r, 'match_name').toLowerCase().includes('boleo') && col(r, 'field') === 'lat_lon')).toBe(true);
  });
});

describe('state-populations.csv', () => {
  const { fields, rows } = load('state-populations.csv');
  it('has 51 US and 32 MX rows summing to the official 2020 census totals', () => {
    for (const c of 'state_code,name,country,population,census,source_url,as_of'.split(',')) expect(fields).toContain(c);
    checkCommon('state-populations', rows, { strictAsOf: true });
    checkUnique('state-populations', rows, 'state_code');
    rows.forEach((r) => {
      expect(col(r, 'state_code')).toMatch(STATE_RE);
      expect(col(r, 'state_code').slice(0, 2)).toBe(col(r, 'country'));
      expect(col(r, 'population')).toMatch(/^\d+$/);
    });
    const us = rows.filter((r) => col(r, 'country') === 'US');
    const mx = rows.filter((r) => col(r, 'country') === 'MX');
    expect(us.length).toBe(51);
    expect(mx.length).toBe(32);
    expect(us.some((r) => col(r, 'state_code') === 'US-DC')).toBe(true);
    expect(mx.some((r) => col(r, 'state_code') === 'MX-CMX')).toBe(true);
    expect(us.reduce((s, r) => s + Number(col(r, 'population')), 0)).toBe(331_449_281);
    expect(mx.reduce((s, r) => s + Number(col(r, 'population')), 0)).toBe(126_014_024);
  });
});

describe('charger-coverage-references.csv', () => {
  const { fields, rows } = load('charger-coverage-references.csv');
  it('is valid and has national figures for both countries', () => {
    for (const c of 'country,scope,value,unit,label,publisher,source_url,as_of,reliability'.split(',')) expect(fields).toContain(c);
    checkCommon('charger-coverage-references', rows, { strictAsOf: true });
    checkEnum('charger-coverage-references', rows, 'country', ['US', 'MX'], false);
    rows.forEach((r, i) => {
      expect(Number.isFinite(Number(col(r, 'value'))), `row ${i + 2} value`).toBe(true);
      expect(col(r, 'publisher')).not.toBe('');
      const m = /^state:(.*)$/.exec(col(r, 'scope'));
      if (m) expect(m[1]).toMatch(STATE_RE);
    });
    for (const c of ['US', 'MX']) expect(rows.some((r) => col(r, 'country') === c && col(r, 'scope') === 'national')).toBe(true);
    // the pipeline shows the latest 'national' row per country: for Mexico it must be the EMA public series
    const latestMx = rows.filter((r) => col(r, 'country') === 'MX' && col(r, 'scope') === 'national').sort((a, b) => (col(a, 'as_of') < col(b, 'as_of') ? 1 : -1))[0];
    expect(latestMx?.publisher).toMatch(/EMA/);
  });
});
