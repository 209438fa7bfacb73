/** Population ingestion (issue 9): synthetic fixtures for the parsers, then the real snapshots when present. */
import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import {
  NEW_MUNICIPIOS,
  POPULATION_FILES,
  PopulationCheckError,
  buildPopulationDatasets,
  checkInegiSubtotals,
  compareWithCurated,
  parseCuratedStatePopulations,
  parseInegiMunicipios,
  parseUsBev,
  parseUsCounties,
  readTextLines,
} from '../../data/pipeline/population/index.ts';
import type { PopulationDatasets } from '../../data/pipeline/population/index.ts';
import { REAL_STATES, REPO, SHARED } from './helpers.ts';

const POP_DIR = join(SHARED, 'population');
const HAS_POP = POPULATION_FILES.every((f) => existsSync(join(POP_DIR, f)));
if (!HAS_POP) console.warn(`[tests/data/population] ${POP_DIR} not found or incomplete: tests against the real population snapshots are SKIPPED`);
const CURATED = join(REPO, 'data/curated');

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A small INEGI-style export: ISO-8859-1, CRLF, preamble, header, national total, subtotals, footer, and bad rows. */
const INEGI_FIXTURE =
  [
    '"Población total"',
    '""',
    '"Consulta de: Población total   Por: Entidad y municipio   Según: Sexo"',
    '"","","Total","Hombres","Mujeres",""',
    '" ","Total","1,312,000","650,000","662,000"', // line 5
    '"=CONCATENAR(0,09) ","Ciudad de México","1,000,000","480,000","520,000"', // 6
    '" 09 002 ","Azcapotzalco","400,000","190,000","210,000"', // 7
    '" 09 017 ","Venustiano Carranza (Peñón de los Baños)","600,000","290,000","310,000"', // 8
    '"=CONCATENAR( ,22) ","Querétaro","312,000","170,000","142,000"', // 9
    '" 22 014 ","Querétaro","300,000","160,000","140,000"', // 10
    '" 22 015 ","Tequisquiapan","12,000","10,000","2,000"', // 11
    '" 22 016 ","Broken quote,"5,000","2,000","3,000"', // 12 malformed CSV
    '" 22 017 ","No number","n/d","1","2"', // 13 bad population
    '" 99 001 ","Atlantis","7","3","4"', // 14 unknown state
    '"XX","Something else","7","3","4"', // 15 unrecognised key
    '',
    '"FUENTE: INEGI. Censo de Población y Vivienda 2020."', // 17
  ].join('\r\n') + '\r\n';

describe('population: decoding (the shared reader, data/pipeline/io/csv.ts)', () => {
  it('keeps valid UTF-8 (with or without BOM) and reads other bytes as windows-1252, with CRLF, LF and CR lines', () => {
    expect(readTextLines(utf8('Querétaro, Peñón'), 't').encoding).toBe('utf-8');
    expect(readTextLines(utf8('Querétaro, Peñón'), 't').lines).toEqual(['Querétaro, Peñón']);
    const l = readTextLines(latin1('Querétaro, Peñón\r\nNochistlán de Mejía\rB\n'), 't');
    expect(l.encoding).toBe('windows-1252');
    expect(l.warning).toMatch(/windows-1252/);
    expect(l.lines).toEqual(['Querétaro, Peñón', 'Nochistlán de Mejía', 'B']);
    expect(readTextLines(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('x')]), 't').lines).toEqual(['x']);
  });
  it('decodes bytes 0x80-0x9F as windows-1252 (curly quotes, dashes), not as C1 control characters', () => {
    // 0x93 0x94 = curly double quotes, 0x96 = en dash, 0x92 = right single quote
    const bytes = Buffer.concat([
      latin1('" 09 002 ","'),
      Buffer.from([0x93]),
      latin1('Azcapotzalco'),
      Buffer.from([0x94, 0x20, 0x96, 0x20]),
      latin1('O'),
      Buffer.from([0x92]),
      latin1('Brien"'),
    ]);
    expect(readTextLines(bytes, 't').lines[0]).toBe('" 09 002 ","\u201cAzcapotzalco\u201d \u2013 O\u2019Brien"');
  });
  it('rejects UTF-16 naming the file', () => {
    expect(() => readTextLines(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'pop.csv')).toThrow(/pop\.csv: .*UTF-16/);
  });
});

describe('population: INEGI parser on a synthetic export', () => {
  const p = parseInegiMunicipios(latin1(INEGI_FIXTURE), 'fixture.csv');
  it('decodes latin-1 names and CRLF', () => {
    expect(p.encoding).toBe('windows-1252');
    expect(p.municipios.map((m) => m.name)).toEqual(['Azcapotzalco', 'Venustiano Carranza (Peñón de los Baños)', 'Querétaro', 'Tequisquiapan']);
    expect(p.subtotals.map((s) => s.name)).toEqual(['Ciudad de México', 'Querétaro']);
  });
  it('recognises preamble, header, national total, state subtotals (both CONCATENAR forms), blank and footer rows', () => {
    expect(p.preambleRows).toBe(3);
    expect(p.headerRows).toBe(1);
    expect(p.nationalTotal).toEqual({ row: 5, population: 1_312_000 });
    expect(p.subtotals.map((s) => [s.row, s.state, s.population])).toEqual([
      [6, 'MX-CMX', 1_000_000],
      [9, 'MX-QUE', 312_000],
    ]);
    expect(p.blankRows).toBe(1);
    expect(p.footerRows).toEqual([{ row: 17, text: 'FUENTE: INEGI. Censo de Población y Vivienda 2020.' }]);
    expect(p.municipios.map((m) => [m.code, m.state, m.population])).toEqual([
      ['09002', 'MX-CMX', 400_000],
      ['09017', 'MX-CMX', 600_000],
      ['22014', 'MX-QUE', 300_000],
      ['22015', 'MX-QUE', 12_000],
    ]);
    // every non-blank line after the header is counted: 1 total + 2 subtotals + 4 municipios + 4 bad + 1 footer
    expect(p.rowsRead).toBe(12);
  });
  it('quarantines malformed rows with their line number and a reason', () => {
    expect(p.quarantined.map((q) => q.row)).toEqual([12, 13, 14, 15]);
    expect(p.quarantined[0]!.reason).toMatch(/malformed CSV|expected 5 fields/);
    expect(p.quarantined[1]!.reason).toMatch(/not a whole number/);
    expect(p.quarantined[2]!.reason).toMatch(/unknown INEGI state code 99/);
    expect(p.quarantined[3]!.reason).toMatch(/unrecognised row key/);
    expect(p.quarantined[2]!.raw).toContain('Atlantis');
  });
  it('checks each state sum against its subtotal row', () => {
    const checks = checkInegiSubtotals(p);
    expect(checks.find((c) => c.state === 'MX-CMX')).toMatchObject({ subtotal: 1_000_000, sumOfMunicipios: 1_000_000, municipios: 2, ok: true });
    expect(checks.find((c) => c.state === 'MX-QUE')).toMatchObject({ subtotal: 312_000, sumOfMunicipios: 312_000, ok: true });
    const broken = parseInegiMunicipios(latin1(INEGI_FIXTURE.replace('"12,000","10,000","2,000"', '"11,000","9,000","2,000"')));
    expect(checkInegiSubtotals(broken).find((c) => c.state === 'MX-QUE')).toMatchObject({ sumOfMunicipios: 311_000, ok: false });
  });
  it('fails loudly when the header is not there', () => {
    expect(() => parseInegiMunicipios(latin1('"a","b"\r\n" 01 001 ","X","1","1","0"\r\n'))).toThrow(/no header row/);
  });
});

describe('population: US parsers on synthetic rows', () => {
  const csv = [
    'STATEFP,COUNTYFP,COUNAME,STNAME,POPULATION,LATITUDE,LONGITUDE',
    '06,037,Los Angeles,California,10014009,+34.051786,-118.258296', // 2
    '35,013,Doña Ana,New Mexico,219561,+32.248370,-106.783577', // 3
    '72,127,San Juan,Puerto Rico,342259,+18.404543,-066.063290', // 4 outside the atlas
    '48,201,Harris,Texas,4731145,+95.0,-095.391734', // 5 impossible latitude
    '03,001,Nowhere,Nowhere,1,+35.0,-100.0', // 6 unknown FIPS
    '48,113,Dallas,Texas,2613539,+32.8', // 7 wrong field count
    '48,029,Bexar,Texas,many,+29.4,-98.5', // 8 bad population
    '06,037,Los Angeles again,California,1,+34.0,-118.2', // 9 duplicate
    '',
  ].join('\n');
  const p = parseUsCounties(utf8(csv), 'fixture.csv');
  it('keeps good counties (UTF-8 names) and reports territories outside the atlas', () => {
    expect(p.counties.map((c) => [c.fips, c.state, c.name, c.population])).toEqual([
      ['06037', 'US-CA', 'Los Angeles', 10_014_009],
      ['35013', 'US-NM', 'Doña Ana', 219_561],
    ]);
    expect(p.counties[0]).toMatchObject({ lat: 34.051786, lon: -118.258296 });
    expect(p.outsideAtlas).toEqual([{ row: 4, fips: '72127', territory: 'Puerto Rico', population: 342_259 }]);
    expect(p.rowsRead).toBe(8);
  });
  it('quarantines impossible coordinates, unknown states, short rows, bad numbers and duplicates with line numbers', () => {
    expect(p.quarantined.map((q) => [q.row, q.reason.split(':')[0]])).toEqual([
      [5, 'impossible coordinates for a US county'],
      [6, 'unknown state FIPS code 03'],
      [7, 'expected 7 fields, found 6'],
      [8, 'population "many" is not a whole number'],
      [9, 'duplicate county FIPS 06037 (first on line 2)'],
    ]);
  });
  it('fails loudly on a changed header', () => {
    expect(() => parseUsCounties(utf8('STATEFP,COUNTYFP,NAME,POP\n01,001,A,1\n'))).toThrow(/column COUNAME is missing/);
  });
  it('reads BEV registrations by USPS code', () => {
    const b = parseUsBev(utf8('state,usps,bev_registrations_2023\n"California",CA,1256646\n"Atlantis",ZZ,5\n"Texas",TX,x\n'));
    expect([...b.byState]).toEqual([['US-CA', 1_256_646]]);
    expect(b.quarantined.map((q) => q.row)).toEqual([3, 4]);
  });
});

describe('population: curated aggregate and new-municipio table', () => {
  it('compares curated totals with snapshot sums both ways', () => {
    const cur = parseCuratedStatePopulations(
      utf8('state_code,name,country,population,census,source_url,as_of\nUS-CA,California,US,39538223,c,u,2021-04-26\nUS-TX,Texas,US,1,c,u,2021-04-26\n'),
    );
    const sums = new Map([
      ['US-CA', 39_538_223],
      ['US-TX', 29_145_505],
      ['US-NY', 5],
    ]);
    expect(compareWithCurated(cur, sums)).toEqual([
      { code: 'US-NY', curated: null, snapshot: 5 },
      { code: 'US-TX', curated: 1, snapshot: 29_145_505 },
    ]);
  });
  it('lists the 13 municipios created after the 2015 cartography, each with a parent in the same state and a source', () => {
    expect(NEW_MUNICIPIOS.map((n) => n.code)).toEqual([
      '02006',
      '04012',
      '07120',
      '07121',
      '07122',
      '07123',
      '07124',
      '07125',
      '17034',
      '17035',
      '17036',
      '23010',
      '23011',
    ]);
    for (const n of NEW_MUNICIPIOS) {
      expect(n.parentCode.slice(0, 2)).toBe(n.code.slice(0, 2));
      expect(n.sourceUrl).toMatch(/^https:\/\//);
      expect(n.asOf).toMatch(/^\d{4}-\d{2}$/);
      if (n.seatCheck === 'seat-in-parent') expect(n.seat).toBeDefined();
    }
  });
  it.skipIf(!existsSync(REAL_STATES))('without snapshots, builds the 83 states from the curated file and no points', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pop-empty-'));
    const d = buildPopulationDatasets({ snapshotDir: empty, basemapStatesGeoJsonPath: REAL_STATES, curatedDir: CURATED });
    expect(d.report.mode).toBe('curated-only');
    expect(d.states).toHaveLength(83);
    expect(d.population).toHaveLength(0);
    expect(d.states.filter((s) => s.country === 'US').reduce((a, s) => a + s.population, 0)).toBe(331_449_281);
    expect(d.states.filter((s) => s.country === 'MX').reduce((a, s) => a + s.population, 0)).toBe(126_014_024);
    expect(d.states.every((s) => s.bevRegistrations2023 === null)).toBe(true);
  });
});

describe.skipIf(!HAS_POP)('population: real snapshots (../shared/data/population)', () => {
  let d: PopulationDatasets;
  let ms = 0;
  beforeAll(() => {
    const t = performance.now();
    d = buildPopulationDatasets({ snapshotDir: SHARED, basemapStatesGeoJsonPath: REAL_STATES, curatedDir: CURATED });
    ms = performance.now() - t;
  });

  it('has 51 US (incl. DC) + 32 MX states with basemap codes and names', () => {
    expect(d.states.filter((s) => s.country === 'US')).toHaveLength(51);
    expect(d.states.filter((s) => s.country === 'MX')).toHaveLength(32);
    expect(d.states.find((s) => s.code === 'MX-CMX')).toMatchObject({ nameEs: 'Ciudad de México', nameEn: 'Mexico City' });
    expect(d.states.find((s) => s.code === 'US-DC')?.population).toBe(689_545);
  });

  it('state totals equal Census 2020 and INEGI 2020 exactly (and the committed curated file)', () => {
    const us = d.states.filter((s) => s.country === 'US');
    const mx = d.states.filter((s) => s.country === 'MX');
    expect(us.reduce((a, s) => a + s.population, 0)).toBe(331_449_281);
    expect(mx.reduce((a, s) => a + s.population, 0)).toBe(126_014_024);
    expect(d.states.find((s) => s.code === 'US-CA')?.population).toBe(39_538_223);
    expect(d.states.find((s) => s.code === 'MX-MEX')?.population).toBe(16_992_418);
    expect(d.report.curated.mismatches).toEqual([]);
    const curated = parseCuratedStatePopulations(readFileSync(join(CURATED, 'state-populations.csv')));
    for (const c of curated) expect(d.states.find((s) => s.code === c.code)?.population, c.code).toBe(c.population);
  });

  it("each Mexican state equals INEGI's own subtotal row; the footer and the national total are not municipios", () => {
    const mx = d.report.mx;
    expect(mx.subtotalRows).toBe(32);
    expect(mx.subtotalsChecked).toHaveLength(32);
    expect(mx.subtotalsChecked.every((c) => c.ok)).toBe(true);
    for (const c of mx.subtotalsChecked) expect(d.states.find((s) => s.code === c.state)?.population, c.state).toBe(c.subtotal);
    expect(mx.nationalTotalRow).toBe(126_014_024);
    expect(mx.footerRows).toHaveLength(1);
    expect(mx.footerRows[0]!.text).toMatch(/^FUENTE: INEGI/);
    expect(mx.municipios).toBe(2469);
    expect(d.population.filter((p) => p.country === 'MX')).toHaveLength(2469);
    expect(d.population.some((p) => /^total$|concatenar|^fuente\s*:/i.test(p.name))).toBe(false);
  });

  it('decodes the latin-1 INEGI names', () => {
    const f = d.report.files.find((x) => x.file.startsWith('mx-municipio'));
    expect(f?.encoding).toBe('windows-1252');
    expect(d.population.find((p) => p.id === 'population:MX:22014')?.name).toBe('Querétaro');
    expect(d.population.find((p) => p.id === 'population:MX:32034')?.name).toBe('Nochistlán de Mejía');
    expect(d.population.some((p) => p.name.includes('\uFFFD'))).toBe(false);
  });

  it("places the 13 municipios without a 2015 polygon at their parent's centre, flagged approximate and reported", () => {
    const placed = d.report.mx.placedByParent;
    expect(placed.map((p) => p.code).sort()).toEqual(NEW_MUNICIPIOS.map((n) => n.code));
    expect(d.report.mx.placedByPolygon).toBe(2456);
    for (const n of NEW_MUNICIPIOS) {
      const pt = d.population.find((p) => p.id === `population:MX:${n.code}`)!;
      const parent = d.population.find((p) => p.id === `population:MX:${n.parentCode}`)!;
      expect(pt.approximate).toBe(true);
      expect(parent.approximate).toBe(false);
      expect([pt.lon, pt.lat]).toEqual([parent.lon, parent.lat]);
    }
    expect(d.population.filter((p) => p.approximate)).toHaveLength(13);
    expect(placed.reduce((a, p) => a + p.population, 0)).toBe(323_447);
  });

  it('the parent of each new municipio contains its seat (GeoNames point) in the 2015 cartography', () => {
    const topo = JSON.parse(gunzipSync(readFileSync(join(POP_DIR, 'mx-states-municipios-2015.topojson.gz'))).toString('utf8')) as Topology;
    const fc = feature(topo, topo.objects.municipalities as GeometryCollection) as FeatureCollection;
    const byCode = new Map(
      fc.features.map((f) => {
        const p = f.properties as { state_code: number; mun_code: number };
        return [String(p.state_code).padStart(2, '0') + String(p.mun_code).padStart(3, '0'), f as Feature<Polygon | MultiPolygon>];
      }),
    );
    for (const n of NEW_MUNICIPIOS.filter((x) => x.seat)) {
      expect(booleanPointInPolygon(n.seat!, byCode.get(n.parentCode)!), `${n.name} seat in ${n.parentName}`).toBe(true);
      expect(byCode.get(n.parentCode)!.properties!.mun_name).toBe(n.parentName);
    }
  });

  it('every point has a known state, plausible coordinates and a unique id; Puerto Rico is reported, not mapped', () => {
    const codes = new Set(d.states.map((s) => s.code));
    const ids = new Set<string>();
    for (const p of d.population) {
      expect(codes.has(p.state), p.id).toBe(true);
      expect(p.population).toBeGreaterThanOrEqual(0);
      if (p.country === 'MX') expect(p.lat >= 14 && p.lat <= 33 && p.lon >= -119 && p.lon <= -86, p.id).toBe(true);
      else expect(p.lat >= 18 && p.lat <= 72, p.id).toBe(true);
      ids.add(p.id);
    }
    expect(ids.size).toBe(d.population.length);
    expect(d.population.filter((p) => p.country === 'US')).toHaveLength(3143);
    expect(d.report.us.outsideAtlas).toEqual({ rows: 78, population: 3_285_874, territories: ['Puerto Rico'] });
    expect(d.report.quarantined).toEqual([]);
    expect(d.population.find((p) => p.id === 'population:US:06037')).toMatchObject({ state: 'US-CA', name: 'Los Angeles', population: 10_014_009 });
  });

  it('areas are plausible (basemap polygon area: land plus inland and Great Lakes water, simplified)', () => {
    const a = (c: string) => d.states.find((s) => s.code === c)!.areaKm2;
    // Census 2010: Texas land 676,587 km², land+water 695,662; the Natural Earth polygon gives ~691,500
    expect(a('US-TX')).toBeGreaterThan(650_000);
    expect(a('US-TX')).toBeLessThan(720_000);
    // Michigan: land 146,435, land+water 250,487: the polygon includes the state's Great Lakes waters
    expect(a('US-MI')).toBeGreaterThan(140_000);
    expect(a('US-MI')).toBeLessThan(260_000);
    // INEGI: Chihuahua 247,455 km², Ciudad de México 1,494 km²
    expect(a('MX-CHH')).toBeGreaterThan(230_000);
    expect(a('MX-CHH')).toBeLessThan(265_000);
    expect(a('MX-CMX')).toBeGreaterThan(1_000);
    expect(a('MX-CMX')).toBeLessThan(2_000);
    expect(a('US-DC')).toBeGreaterThan(100);
    expect(a('US-DC')).toBeLessThan(250);
    expect(a('US-AK')).toBeGreaterThan(1_400_000);
    for (const s of d.states) expect(s.areaKm2, s.code).toBeGreaterThan(100);
  });

  it('carries BEV registrations for US states only, and its sources', () => {
    expect(d.states.filter((s) => s.country === 'US').reduce((a, s) => a + (s.bevRegistrations2023 ?? 0), 0)).toBe(3_555_445);
    expect(d.states.filter((s) => s.country === 'MX').every((s) => s.bevRegistrations2023 === null)).toBe(true);
    const ids = new Set(d.sources.map((s) => s.id));
    for (const s of d.states) for (const id of s.sources) expect(ids.has(id), id).toBe(true);
  });

  it('runs in a few seconds', () => {
    expect(ms).toBeLessThan(5_000);
  });

  it('quarantines a malformed row injected into a real file, with its line number, and fails loudly on a curated mismatch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pop-inject-'));
    const pop = join(dir, 'population');
    mkdirSync(pop);
    for (const f of POPULATION_FILES) copyFileSync(join(POP_DIR, f), join(pop, f));
    const countyPath = join(pop, 'us-county-population-centroids-2020.csv');
    const lines = readFileSync(countyPath, 'utf8').split('\n');
    lines.splice(10, 0, '48,999,Nowhere,Texas,12,+95.5,-096.1', '48,998,"Broken,Texas,12,+30.5,-096.1');
    writeFileSync(countyPath, lines.join('\n'));
    const r = buildPopulationDatasets({ snapshotDir: dir, basemapStatesGeoJsonPath: REAL_STATES, curatedDir: CURATED });
    expect(r.report.quarantined.map((q) => q.row)).toEqual([11, 12]);
    expect(r.report.quarantined[0]!.reason).toMatch(/impossible coordinates/);
    expect(r.states.find((s) => s.code === 'US-TX')?.population).toBe(29_145_505);

    const cur = join(dir, 'curated');
    mkdirSync(cur);
    writeFileSync(join(cur, 'state-populations.csv'), readFileSync(join(CURATED, 'state-populations.csv'), 'utf8').replace(',29145505,', ',29145506,'));
    expect(() => buildPopulationDatasets({ snapshotDir: SHARED, basemapStatesGeoJsonPath: REAL_STATES, curatedDir: cur })).toThrow(PopulationCheckError);
    expect(() => buildPopulationDatasets({ snapshotDir: SHARED, basemapStatesGeoJsonPath: REAL_STATES, curatedDir: cur })).toThrow(
      /US-TX: state-populations.csv says 29145506, the snapshot sums to 29145505/,
    );
  });
});
