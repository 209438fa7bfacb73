/** Population datasets for the landscape analysis (issue 9): a `states` table (51 US incl. DC + 32 MX) and
 *  `population` points (US county centres of population, Mexican municipio centres), with a build report.
 *  Nothing is written here; the caller decides where the datasets go.
 *
 *  State populations have one source of truth: data/curated/state-populations.csv. When the snapshots are
 *  present, the per-state sums of counties / municipios must equal it exactly (and INEGI's own state subtotal
 *  rows), or the build fails. When the snapshots are absent (a machine without ../shared/data), `states` comes
 *  from the curated file and `population` is empty. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { ATLAS_CONTRIBUTORS } from '../../../src/data/atlas-format.ts';
import type { Topology } from 'topojson-specification';
import { CURATED_FILE, compareWithCurated, readCuratedStatePopulations } from './curated.ts';
import { basemapStates, municipioCentres } from './geometry.ts';
import { INEGI_FILE, checkInegiSubtotals, parseInegiMunicipios } from './inegi.ts';
import { NEW_MUNICIPIOS } from './new-municipios.ts';
import { US_BEV_FILE, US_COUNTY_FILE, parseUsBev, parseUsCounties } from './us-census.ts';
import type { FileReport, PlacedByParent, PopulationDatasets, PopulationPoint, PopulationReport, PopulationSource, StateRow } from './types.ts';

export type * from './types.ts';
export { readTextLines } from './csv-lines.ts';
export { parseInegiMunicipios, checkInegiSubtotals } from './inegi.ts';
export { parseUsCounties, parseUsBev } from './us-census.ts';
export { parseCuratedStatePopulations, compareWithCurated } from './curated.ts';
export { NEW_MUNICIPIOS } from './new-municipios.ts';

export const MX_TOPOJSON_FILE = 'mx-states-municipios-2015.topojson.gz';
export const POPULATION_FILES = [US_COUNTY_FILE, US_BEV_FILE, INEGI_FILE, MX_TOPOJSON_FILE] as const;

export interface BuildPopulationOptions {
  /** the snapshot root (../shared/data, files under population/) or the population/ folder itself;
   *  null: do not read snapshots (curated-only mode, as when the folder holds none of the files) */
  snapshotDir: string | null;
  /** public/basemap/states.geojson (features with properties code, country, name_en, name_es) */
  basemapStatesGeoJsonPath: string;
  /** data/curated (holds state-populations.csv) */
  curatedDir: string;
  log?: (msg: string) => void;
  /** default true: a failed check (INEGI subtotal, national total, curated total, unplaced municipio) throws */
  strict?: boolean;
}

export class PopulationCheckError extends Error {
  constructor(
    message: string,
    readonly report: PopulationReport,
  ) {
    super(message);
    this.name = 'PopulationCheckError';
  }
}

export const POPULATION_SOURCES: Readonly<Record<string, PopulationSource>> = {
  'census-2020-cenpop': {
    id: 'census-2020-cenpop',
    title: 'Centers of Population 2020 by county (CenPop2020_Mean_CO)',
    publisher: 'US Census Bureau',
    url: 'https://www.census.gov/geographies/reference-files/time-series/geo/centers-population.html',
    license: 'US government work, public domain',
    asOf: '2020-04-01',
    file: US_COUNTY_FILE,
  },
  'inegi-censo-2020': {
    id: 'inegi-censo-2020',
    title: 'Censo de Población y Vivienda 2020: población total por entidad y municipio',
    publisher: 'INEGI',
    url: 'https://www.inegi.org.mx/programas/ccpv/2020/',
    license: 'INEGI Términos de Libre Uso ("Fuente: INEGI, Censo de Población y Vivienda 2020")',
    asOf: '2020-03-15',
    file: INEGI_FILE,
  },
  'inegi-mg-2015': {
    id: 'inegi-mg-2015',
    title: 'Municipal boundaries of Mexico, INEGI 2015 cartography (mxmaps TopoJSON)',
    publisher: 'INEGI; D. Valle-Jones (mxmaps)',
    url: 'https://github.com/diegovalle/mxmaps',
    license: 'INEGI (attribution); mxmaps BSD-3-Clause',
    asOf: '2015',
    file: MX_TOPOJSON_FILE,
  },
  'inegi-ageeml': {
    id: 'inegi-ageeml',
    title: 'Catálogo Único de Claves de Áreas Geoestadísticas (municipios de origen of new municipios)',
    publisher: 'INEGI',
    url: 'https://www.inegi.org.mx/app/ageeml/',
    license: 'INEGI Términos de Libre Uso',
    asOf: '2021-06',
  },
  'afdc-bev-2023': {
    id: 'afdc-bev-2023',
    title: 'Light-duty battery-electric vehicle registrations by state (BEV only, no PHEV)',
    publisher: 'US DOE AFDC / Experian',
    url: 'https://afdc.energy.gov/data/10962',
    license: 'US DOE AFDC; cite "AFDC / Experian"',
    asOf: '2023-12-31',
    file: US_BEV_FILE,
  },
  'natural-earth-admin1': {
    id: 'natural-earth-admin1',
    title: 'State polygons of the committed basemap (Natural Earth 1:10m Admin 1, simplified): geodesic area',
    publisher: 'Natural Earth',
    url: 'https://www.naturalearthdata.com/',
    license: 'public domain',
    asOf: 'v4.1.0',
  },
  'curated-state-populations': {
    id: 'curated-state-populations',
    title: 'data/curated/state-populations.csv (US Census 2020 resident population, INEGI Censo 2020)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'https://www.census.gov/data/tables/2020/dec/2020-apportionment-data.html',
    license: 'as its sources',
    asOf: '2021-04-26',
  },
};

function resolvePopulationDir(snapshotDir: string): string {
  const sub = join(snapshotDir, 'population');
  return existsSync(sub) ? sub : snapshotDir;
}

function gunzipIfNeeded(buf: Buffer): Buffer {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf;
}

export function buildPopulationDatasets(opts: BuildPopulationOptions): PopulationDatasets {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const strict = opts.strict ?? true;
  const dir = opts.snapshotDir === null ? null : resolvePopulationDir(opts.snapshotDir);

  const basemap = basemapStates(JSON.parse(readFileSync(opts.basemapStatesGeoJsonPath, 'utf8')) as FeatureCollection);
  const atlasStates = [...basemap.values()].filter((s) => s.country === 'US' || s.country === 'MX');
  const nUs = atlasStates.filter((s) => s.country === 'US').length;
  const nMx = atlasStates.filter((s) => s.country === 'MX').length;
  if (nUs !== 51 || nMx !== 32) throw new Error(`basemap ${opts.basemapStatesGeoJsonPath}: expected 51 US + 32 MX states, found ${nUs} + ${nMx}`);

  const curatedPath = join(opts.curatedDir, CURATED_FILE);
  const curated = readCuratedStatePopulations(curatedPath);
  const present = dir === null ? [] : POPULATION_FILES.filter((f) => existsSync(join(dir, f)));

  const report: PopulationReport = {
    mode: 'snapshot',
    files: [],
    us: { counties: 0, population: 0, outsideAtlas: { rows: 0, population: 0, territories: [] } },
    mx: {
      municipios: 0,
      population: 0,
      preambleRows: 0,
      headerRows: 0,
      nationalTotalRow: null,
      subtotalRows: 0,
      subtotalsChecked: [],
      subtotalMismatches: 0,
      blankRows: 0,
      footerRows: [],
      placedByPolygon: 0,
      placedByParent: [],
      polygonsWithoutCensusRow: [],
    },
    bev: null,
    curated: { file: curatedPath, rows: curated.length, mismatches: [] },
    quarantined: [],
    warnings: [],
    elapsedMs: 0,
  };

  if (present.length === 0) {
    report.mode = 'curated-only';
    report.warnings.push(
      `${dir === null ? 'population snapshots not read' : `no population snapshots in ${dir}`}: states from ${CURATED_FILE}, no population points, no BEV registrations`,
    );
    log(report.warnings[0]!);
    const byCode = new Map(curated.map((r) => [r.code, r.population]));
    const states = atlasStates.map((s) => stateRow(s, byCode.get(s.code), null, ['curated-state-populations', 'natural-earth-admin1']));
    const missing = states.filter((s) => s.population < 0).map((s) => s.code);
    if (missing.length) throw new Error(`${CURATED_FILE}: no population for ${missing.join(', ')}`);
    report.elapsedMs = Math.round(performance.now() - t0);
    return { states: sortStates(states), population: [], sources: pickSources(['curated-state-populations', 'natural-earth-admin1']), report };
  }
  if (dir === null || present.length < POPULATION_FILES.length) {
    const missing = POPULATION_FILES.filter((f) => !present.includes(f));
    throw new Error(`population snapshots incomplete in ${dir}: missing ${missing.join(', ')} (all four files or none)`);
  }

  // --- US counties and BEV registrations
  const us = parseUsCounties(readFileSync(join(dir, US_COUNTY_FILE)));
  const bev = parseUsBev(readFileSync(join(dir, US_BEV_FILE)));
  report.files.push(fileReport(US_COUNTY_FILE, us.encoding, us.linesRead, us.rowsRead, us.counties.length + us.outsideAtlas.length, us.quarantined.length));
  report.files.push(fileReport(US_BEV_FILE, bev.encoding, bev.linesRead, bev.rowsRead, bev.byState.size, bev.quarantined.length));
  report.quarantined.push(...us.quarantined, ...bev.quarantined);
  report.us.outsideAtlas = {
    rows: us.outsideAtlas.length,
    population: us.outsideAtlas.reduce((s, r) => s + r.population, 0),
    territories: [...new Set(us.outsideAtlas.map((r) => r.territory))],
  };
  report.bev = { rows: bev.byState.size, total: [...bev.byState.values()].reduce((a, b) => a + b, 0) };

  const points: PopulationPoint[] = us.counties.map((c) => ({
    id: `population:US:${c.fips}`,
    country: 'US',
    state: c.state,
    name: c.name,
    lon: c.lon,
    lat: c.lat,
    population: c.population,
    approximate: false,
  }));
  report.us.counties = us.counties.length;
  report.us.population = us.counties.reduce((s, c) => s + c.population, 0);

  // --- Mexican municipios: census rows, subtotal checks, polygon centres
  const inegi = parseInegiMunicipios(readFileSync(join(dir, INEGI_FILE)));
  report.files.push(fileReport(INEGI_FILE, inegi.encoding, inegi.linesRead, inegi.rowsRead, inegi.municipios.length, inegi.quarantined.length));
  report.quarantined.push(...inegi.quarantined);
  report.warnings.push(...inegi.warnings);
  const mx = report.mx;
  mx.preambleRows = inegi.preambleRows;
  mx.headerRows = inegi.headerRows;
  mx.blankRows = inegi.blankRows;
  mx.footerRows = inegi.footerRows;
  mx.nationalTotalRow = inegi.nationalTotal?.population ?? null;
  mx.subtotalRows = inegi.subtotals.length;
  mx.subtotalsChecked = checkInegiSubtotals(inegi);
  mx.subtotalMismatches = mx.subtotalsChecked.filter((c) => !c.ok).length;
  mx.municipios = inegi.municipios.length;
  mx.population = inegi.municipios.reduce((s, m) => s + m.population, 0);
  const failures: string[] = [];
  for (const c of mx.subtotalsChecked.filter((x) => !x.ok)) {
    failures.push(`${INEGI_FILE}: ${c.state} municipios sum to ${c.sumOfMunicipios}, INEGI's subtotal row says ${c.subtotal}`);
  }
  if (mx.subtotalRows !== 32) failures.push(`${INEGI_FILE}: ${mx.subtotalRows} state subtotal rows, expected 32`);
  if (inegi.nationalTotal === null) failures.push(`${INEGI_FILE}: no national total row`);
  else if (inegi.nationalTotal.population !== mx.population) {
    failures.push(`${INEGI_FILE}: municipios sum to ${mx.population}, the national total row says ${inegi.nationalTotal.population}`);
  }

  const topology = JSON.parse(gunzipIfNeeded(readFileSync(join(dir, MX_TOPOJSON_FILE))).toString('utf8')) as Topology;
  const centres = municipioCentres(topology);
  const newByCode = new Map(NEW_MUNICIPIOS.map((n) => [n.code, n]));
  const censusCodes = new Set(inegi.municipios.map((m) => m.code));
  mx.polygonsWithoutCensusRow = [...centres.keys()].filter((c) => !censusCodes.has(c)).sort();
  if (mx.polygonsWithoutCensusRow.length) report.warnings.push(`2015 polygons without a 2020 census row: ${mx.polygonsWithoutCensusRow.join(', ')}`);
  for (const n of NEW_MUNICIPIOS) {
    if (centres.has(n.code)) report.warnings.push(`new-municipios.ts: ${n.code} ${n.name} has a polygon now; its table entry is not used`);
  }
  for (const m of inegi.municipios) {
    const own = centres.get(m.code);
    const id = `population:MX:${m.code}`;
    if (own) {
      points.push({ id, country: 'MX', state: m.state, name: m.name, lon: own.lon, lat: own.lat, population: m.population, approximate: false });
      mx.placedByPolygon++;
      continue;
    }
    const n = newByCode.get(m.code);
    const parent = n ? centres.get(n.parentCode) : undefined;
    if (!n || !parent) {
      const reason = n ? `parent ${n.parentCode} has no 2015 polygon` : 'no 2015 polygon and no parent in new-municipios.ts';
      report.quarantined.push({ file: INEGI_FILE, row: m.row, reason: `municipio ${m.code} ${m.name} cannot be placed: ${reason}`, raw: '' });
      failures.push(`${INEGI_FILE}: municipio ${m.code} ${m.name} cannot be placed (${reason})`);
      continue;
    }
    points.push({ id, country: 'MX', state: m.state, name: m.name, lon: parent.lon, lat: parent.lat, population: m.population, approximate: true });
    const placed: PlacedByParent = {
      code: m.code,
      name: m.name,
      state: m.state,
      population: m.population,
      parentCode: n.parentCode,
      parentName: parent.name,
      lon: parent.lon,
      lat: parent.lat,
    };
    mx.placedByParent.push(placed);
  }

  // --- state totals against the curated aggregate (one source of truth)
  const sums = new Map<string, number>();
  for (const c of us.counties) sums.set(c.state, (sums.get(c.state) ?? 0) + c.population);
  for (const m of inegi.municipios) sums.set(m.state, (sums.get(m.state) ?? 0) + m.population);
  report.curated.mismatches = compareWithCurated(curated, sums);
  for (const d of report.curated.mismatches) {
    failures.push(`${d.code}: ${CURATED_FILE} says ${d.curated ?? 'nothing'}, the snapshot sums to ${d.snapshot ?? 'nothing'}`);
  }
  for (const s of atlasStates) if (!sums.has(s.code)) failures.push(`${s.code}: no population rows in the snapshots`);
  for (const code of bev.byState.keys()) if (!basemap.has(code)) failures.push(`${US_BEV_FILE}: ${code} is not a basemap state`);

  report.elapsedMs = Math.round(performance.now() - t0);
  if (failures.length) {
    report.warnings.push(...failures);
    if (strict) throw new PopulationCheckError(`population checks failed:\n  ${failures.join('\n  ')}`, report);
  }

  const states = atlasStates.map((s) =>
    s.country === 'US'
      ? stateRow(s, sums.get(s.code), bev.byState.get(s.code) ?? null, ['census-2020-cenpop', 'curated-state-populations', 'natural-earth-admin1', 'afdc-bev-2023'])
      : stateRow(s, sums.get(s.code), null, ['inegi-censo-2020', 'curated-state-populations', 'natural-earth-admin1']),
  );
  points.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  log(
    `population: ${us.counties.length} US counties (${report.us.outsideAtlas.rows} ${report.us.outsideAtlas.territories.join('/')} rows outside the atlas), ` +
      `${inegi.municipios.length} MX municipios (${mx.placedByParent.length} placed by parent), ${mx.subtotalRows} INEGI subtotals checked, ` +
      `${report.quarantined.length} quarantined, ${report.elapsedMs} ms`,
  );
  return { states: sortStates(states), population: points, sources: pickSources(Object.keys(POPULATION_SOURCES)), report };
}

function stateRow(
  s: { code: string; country: string; nameEn: string; nameEs: string; areaKm2: number },
  population: number | undefined,
  bev: number | null,
  sources: string[],
): StateRow {
  return {
    code: s.code,
    country: s.country as StateRow['country'],
    nameEn: s.nameEn,
    nameEs: s.nameEs,
    population: population ?? -1,
    areaKm2: s.areaKm2,
    bevRegistrations2023: bev,
    sources,
  };
}

function sortStates(rows: StateRow[]): StateRow[] {
  return rows.sort((a, b) => (a.code < b.code ? -1 : 1));
}

function pickSources(ids: string[]): PopulationSource[] {
  return ids.map((id) => POPULATION_SOURCES[id]!);
}

function fileReport(file: string, encoding: FileReport['encoding'], linesRead: number, rowsRead: number, kept: number, quarantined: number): FileReport {
  return { file, encoding, linesRead, rowsRead, kept, quarantined };
}
