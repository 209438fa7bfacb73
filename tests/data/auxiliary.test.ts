/** The auxiliary datasets (issue 9): states.json, population points, their sources in the manifest, and states.csv. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT_DATASET_IDS, type AtlasManifest, type StateRecord } from '../../src/data/atlas-format.ts';
import { decodeColumnTable } from '../../src/data/column-codec.ts';
import { SchemaDriftError } from '../../data/pipeline/adapter-types.ts';
import { buildAtlas, type BuildOptions } from '../../data/pipeline/build.ts';
import { defaultRegistry } from '../../data/pipeline/sources/default-sources.ts';
import { exportGeojson } from '../../data/pipeline/output/export-geojson.ts';
import { STATES_CSV_COLUMNS, exportStatesCsv, per100k } from '../../data/pipeline/output/export-states.ts';
import { POPULATION_FILES } from '../../data/pipeline/population/index.ts';
import { parseMxStateChargerFigures } from '../../data/pipeline/population/published-figures.ts';
import { HAS_REAL_STATES, HAS_SHARED, REAL_STATES, REPO, SHARED } from './helpers.ts';

const US_2020 = 331_449_281;
const MX_2020 = 126_014_024;
const HAS_SNAPSHOTS = HAS_SHARED && POPULATION_FILES.every((f) => existsSync(join(SHARED, 'population', f)));
if (!HAS_SNAPSHOTS)
  console.warn(`[tests/data/auxiliary] ${SHARED} (with population/) not found: the states/population build tests against the real snapshots are SKIPPED`);
if (!HAS_REAL_STATES) console.warn(`[tests/data/auxiliary] ${REAL_STATES} not found: the curated-only states test is SKIPPED`);

const tmp = mkdtempSync(join(tmpdir(), 'atlas-aux-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const opts = (over: Partial<BuildOptions>): BuildOptions => ({
  snapshotDir: SHARED,
  curatedDir: join(REPO, 'data/curated'),
  outDir: join(tmp, 'out'),
  liveDir: null,
  basemapPath: REAL_STATES,
  baselinePath: join(REPO, 'data/baseline-counts.json'),
  ...over,
});
const read = <T>(dir: string, f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('published Mexican charger figures (synthetic rows)', () => {
  const header = 'entidad,cve_ent,value,unit_as_published,ref_date,publisher_of_figure,secondary_source_url,exact_quote,note';
  const rows = [
    'Jalisco,14,126,"estaciones de carga",2022-09,INA,https://a.example/x,"Jalisco (126)",', // 2
    'Jalisco,14,219,"cargadores (10,4%)",2022 (article on H1-2022),not stated,https://b.example/y,"Jalisco con 219 cargadores (10,4%)",unit unclear', // 3
    'Atlantis,99,5,"estaciones",2022-09,INA,https://a.example/x,"Atlantis (5)",', // 4 unknown state
    'Nayarit,18,many,"estaciones",2022-09,INA,https://a.example/x,"Nayarit (many)",', // 5 bad value
    'Durango,10,7,"estaciones",sometime,INA,https://a.example/x,"Durango (7)",', // 6 bad date
    'Jalisco,14,126,"estaciones de carga",2022-09,INA,https://a.example/x,"Jalisco (126)",', // 7 duplicate of 2
  ];
  const p = parseMxStateChargerFigures(Buffer.from([header, ...rows].join('\r\n') + '\r\n'));
  it('keeps every figure of a state (different publishers), maps cve_ent to ISO codes, and quarantines the rest with reasons', () => {
    expect(p.rowsRead).toBe(6);
    expect(p.kept).toBe(2);
    const jal = p.byState.get('MX-JAL')!;
    expect(jal.map((f) => [f.value, f.publisher, f.asOf])).toEqual([
      [126, 'INA', '2022-09'],
      [219, 'not stated', '2022'],
    ]);
    expect(jal[0]).toMatchObject({ dataset: 'chargers', unit: 'estaciones de carga', quote: 'Jalisco (126)', sourceUrl: 'https://a.example/x', note: null });
    expect(jal[1]!.note).toBe('unit unclear; date as published: 2022 (article on H1-2022)');
    expect(p.quarantined.map((q) => [q.row, q.reason.split(' ')[0]])).toEqual([
      [4, 'cve_ent'],
      [5, 'value'],
      [6, 'ref_date'],
      [7, 'duplicate'],
    ]);
    expect(p.quarantined[0]!.reason).toMatch(/not an INEGI state code/);
    expect(p.quarantined.every((q) => q.sourceId === 'mx-state-charger-figures' && q.raw.length > 0)).toBe(true);
  });
  it('a missing column is schema drift', () => {
    expect(() => parseMxStateChargerFigures(Buffer.from('entidad,value\nJalisco,1\n'))).toThrow(SchemaDriftError);
  });
  it('chargers per 100,000 people: 2 decimals, unknown stays unknown', () => {
    expect(per100k(14722, 39_538_223)).toBe(37.23);
    expect(per100k(undefined, 100)).toBeNull();
    expect(per100k(3, 0)).toBeNull();
  });
});

describe.skipIf(!HAS_SNAPSHOTS || !HAS_REAL_STATES)('states and population datasets from the snapshots', () => {
  const out = join(tmp, 'full');
  const exp = join(tmp, 'export');
  let m: AtlasManifest;
  let states: StateRecord[];
  let steps: { name: string; ms: number }[];
  beforeAll(async () => {
    const r = await buildAtlas(opts({ outDir: out }));
    m = r.manifest;
    steps = r.steps;
    states = read<StateRecord[]>(out, 'states.json');
    exportGeojson(out, exp);
    exportStatesCsv(out, exp);
  }, 120_000);

  it('states.json: 83 states sorted by code, totals equal Census 2020 and INEGI 2020', () => {
    expect(states).toHaveLength(83);
    expect(m.auxiliary?.states).toMatchObject({ id: 'states', kind: 'table', count: 83, files: { data: 'states.json' } });
    expect(m.auxiliary!.states!.files.bytes['states.json']).toBe(readFileSync(join(out, 'states.json')).byteLength);
    expect(m.auxiliary!.states!.derivedFrom).toEqual(['chargers', 'minerals', 'battery-plants', 'assembly-plants']);
    expect(states.map((s) => s.code)).toEqual(states.map((s) => s.code).sort());
    expect(states.filter((s) => s.country === 'US')).toHaveLength(51);
    expect(states.filter((s) => s.country === 'MX')).toHaveLength(32);
    expect(sum(states.filter((s) => s.country === 'US').map((s) => s.population))).toBe(US_2020);
    expect(sum(states.filter((s) => s.country === 'MX').map((s) => s.population))).toBe(MX_2020);
    expect(states.find((s) => s.code === 'MX-CMX')).toMatchObject({ nameEn: 'Mexico City', nameEs: 'Ciudad de México', bevRegistrations2023: null });
    expect(sum(states.map((s) => s.bevRegistrations2023 ?? 0))).toBe(3_555_445);
  });

  it("counts equal each layer's countByState in the manifest", () => {
    for (const d of POINT_DATASET_IDS) {
      const byState = m.layers[d].countByState;
      for (const s of states) {
        expect(s.counts[d], `${d} ${s.code}`).toBeTypeOf('number');
        expect(s.counts[d], `${d} ${s.code}`).toBe(byState[s.code] ?? 0);
      }
      expect(sum(states.map((s) => s.counts[d]!))).toBe(sum(Object.values(byState)));
    }
  });

  it('published figures: the Mexican per-state charger figures, every row kept (same state, other publishers too)', () => {
    const figs = states.flatMap((s) => s.published.map((f) => ({ ...f, code: s.code })));
    expect(figs).toHaveLength(18);
    expect(figs.every((f) => f.code.startsWith('MX-') && f.dataset === 'chargers')).toBe(true);
    const cdmx = states.find((s) => s.code === 'MX-CMX')!;
    expect(cdmx.published.map((f) => f.value)).toEqual([272, 435]);
    expect(new Set(cdmx.published.map((f) => f.publisher)).size).toBe(2);
    expect(cdmx.sourceIds).toContain('mx-state-charger-figures');
    for (const f of figs) {
      expect(f.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(f.sourceUrl).toMatch(/^https:\/\//);
      expect(f.quote.length).toBeGreaterThan(0);
    }
    expect(states.find((s) => s.code === 'US-CA')!.published).toEqual([]);
  });

  it('every auxiliary source is in the manifest with its metadata, counts and checksum', () => {
    const ids = new Set([...m.auxiliary!.states!.sourceIds, ...m.auxiliary!.population!.sourceIds, ...states.flatMap((s) => s.sourceIds)]);
    for (const id of [
      'census-2020-cenpop',
      'inegi-censo-2020',
      'inegi-mg-2015',
      'afdc-bev-2023',
      'curated-state-populations',
      'mx-state-charger-figures',
      'natural-earth-admin1',
    ])
      expect(ids).toContain(id);
    for (const id of ids) {
      const s = m.sources[id]!;
      expect(s, id).toBeDefined();
      expect(s.missing, id).toBeUndefined();
      for (const k of ['title', 'publisher', 'url', 'licence', 'asOf'] as const) expect(s[k], `${id}.${k}`).not.toBe('');
      expect(s.checksum, id).toMatch(/^[0-9a-f]{64}$/);
      expect(s.recordsKept + s.rowsQuarantined + (s.rowsOutOfScope ?? 0), id).toBe(s.rowsRead);
    }
    expect(m.sources['census-2020-cenpop']).toMatchObject({ origin: 'snapshot', rowsRead: 3221, recordsKept: 3143, rowsOutOfScope: 78 });
    expect(m.sources['inegi-censo-2020']).toMatchObject({ recordsKept: 2469, rowsQuarantined: 0 });
    expect(m.sources['mx-state-charger-figures']).toMatchObject({ rowsRead: 18, recordsKept: 18 });
    expect(steps.map((s) => s.name)).toContain('buildAuxiliary');
  });

  it('population.columns.bin decodes to the points: row count, total population, 13 approximate, details in the same order', () => {
    const aux = m.auxiliary!.population!;
    expect(aux).toMatchObject({ id: 'population', kind: 'points', files: { columns: 'population.columns.bin', data: 'population.details.json' } });
    const bin = readFileSync(join(out, aux.files.columns!));
    expect(bin.byteLength).toBe(aux.files.bytes['population.columns.bin']);
    const cols = decodeColumnTable(toArrayBuffer(bin), aux.columns!);
    expect(Object.keys(cols)).toEqual(['position', 'country', 'state', 'population', 'precision']);
    const n = aux.count;
    expect(n).toBe(3143 + 2469);
    expect(cols.position!.values.length).toBe(2 * n);
    expect(cols.population!.values.length).toBe(n);
    expect(sum(Array.from(cols.population!.values))).toBe(US_2020 + MX_2020);
    const cat = (c: string) => cols[c]!.spec.categories!;
    expect(cat('country')).toEqual(['unknown', 'US', 'MX']);
    expect(cat('precision')).toEqual(['unknown', 'exact', 'approximate']);
    expect(cat('state')).toEqual(['unknown', ...states.map((s) => s.code)]);
    const approx = Array.from(cols.precision!.values).filter((v) => cat('precision')[v] === 'approximate').length;
    expect(approx).toBe(13);
    // per-state population from the columns equals the state table
    const byState = new Map<string, number>();
    cols.state!.values.forEach((v, i) => byState.set(cat('state')[v]!, (byState.get(cat('state')[v]!) ?? 0) + cols.population!.values[i]!));
    for (const s of states) expect(byState.get(s.code), s.code).toBe(s.population);
    const details = read<{ id: string; name: string }[]>(out, 'population.details.json');
    expect(details).toHaveLength(n);
    expect(details.map((d) => d.id)).toEqual(details.map((d) => d.id).sort());
    const la = details.findIndex((d) => d.id === 'population:US:06037');
    expect(details[la]!.name).toBe('Los Angeles');
    expect(cols.population!.values[la]).toBe(10_014_009);
    expect(cat('country')[cols.country!.values[la]!]).toBe('US');
  });

  it('states.csv: 83 rows, the exact header, charger counts equal to chargers.geojson of the same export', () => {
    const text = readFileSync(join(exp, 'states.csv'), 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...STATES_CSV_COLUMNS]);
    // issue 9's columns in their order, then issue 10's charging-gap columns, then issue 15's policy and jobs columns (additive)
    expect(text.split('\r\n')[0]).toBe(
      'state_code,country,name,population,area_km2,chargers,minerals,battery_plants,assembly_plants,chargers_per_100k,pop_beyond_50km,share_beyond_50km,dcfast_pop_beyond_50km,dcfast_share_beyond_50km,' +
        'zev_rule,clean_fuel_standard,ev_incentive,nevi_apportionment_musd,jobs_reported,jobs_reporting_facilities',
    );
    const rows = parsed.data;
    expect(rows).toHaveLength(83);
    expect(rows.filter((r) => r.country === 'US')).toHaveLength(51);
    expect(rows.filter((r) => r.country === 'MX')).toHaveLength(32);
    expect(sum(rows.filter((r) => r.country === 'US').map((r) => Number(r.population)))).toBe(US_2020);
    expect(sum(rows.filter((r) => r.country === 'MX').map((r) => Number(r.population)))).toBe(MX_2020);
    const layerFile = { chargers: 'chargers', minerals: 'minerals', battery_plants: 'battery-plants', assembly_plants: 'assembly-plants' } as const;
    for (const [col, layer] of Object.entries(layerFile)) {
      const fc = read<{ features: { properties: { state: string | null } }[] }>(exp, `${layer}.geojson`);
      const perState = new Map<string, number>();
      for (const f of fc.features) if (f.properties.state) perState.set(f.properties.state, (perState.get(f.properties.state) ?? 0) + 1);
      for (const r of rows) expect(Number(r[col]), `${col} ${r.state_code}`).toBe(perState.get(r.state_code!) ?? 0);
    }
    const ca = rows.find((r) => r.state_code === 'US-CA')!;
    expect(ca.name).toBe('California');
    expect(Number(ca.chargers_per_100k)).toBeCloseTo((Number(ca.chargers) / Number(ca.population)) * 100_000, 2);
    expect(ca.chargers_per_100k).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(rows.find((r) => r.state_code === 'MX-CMX')!.name).toBe('Mexico City');
  });
});

describe.skipIf(!HAS_SNAPSHOTS || !HAS_REAL_STATES)('population and published-figure rows in the quarantine report', () => {
  it('rejected rows of the population and published-figure inputs go to quarantine.json with source, line and reason', async () => {
    const snap = join(tmp, 'bad-snap');
    mkdirSync(join(snap, 'population'), { recursive: true });
    mkdirSync(join(snap, 'chargers/mx-statistics'), { recursive: true });
    for (const f of POPULATION_FILES) copyFileSync(join(SHARED, 'population', f), join(snap, 'population', f));
    const county = join(snap, 'population/us-county-population-centroids-2020.csv');
    const lines = readFileSync(county, 'utf8').split('\n');
    lines.splice(5, 0, '48,999,Nowhere,Texas,12,+95.5,-096.1'); // line 6: impossible latitude
    writeFileSync(county, lines.join('\n'));
    const figs = 'chargers/mx-statistics/mx-state-charger-figures-partial.csv';
    writeFileSync(join(snap, figs), readFileSync(join(SHARED, figs), 'utf8').trimEnd() + '\nAtlantis,99,5,estaciones,2022-09,INA,https://a.example/x,"Atlantis (5)",\n');
    const out = join(tmp, 'bad-out');
    const r = await buildAtlas(opts({ snapshotDir: snap, outDir: out, baselinePath: null, supply: { layerMergers: {} }, sources: defaultRegistry().only([]) }));
    const q = read<{ sourceId: string; row: number; reason: string }[]>(out, 'quarantine.json');
    expect(q.filter((x) => x.sourceId === 'census-2020-cenpop').map((x) => [x.row, x.reason.split(':')[0]])).toEqual([[6, 'impossible coordinates for a US county']]);
    expect(q.filter((x) => x.sourceId === 'mx-state-charger-figures').map((x) => x.row)).toEqual([20]);
    expect(r.manifest.quarantine.bySource).toMatchObject({ 'census-2020-cenpop': 1, 'mx-state-charger-figures': 1 });
    expect(r.manifest.sources['census-2020-cenpop']).toMatchObject({ rowsRead: 3222, recordsKept: 3143, rowsQuarantined: 1, rowsOutOfScope: 78 });
    expect(r.manifest.sources['mx-state-charger-figures']).toMatchObject({ rowsRead: 19, recordsKept: 18, rowsQuarantined: 1 });
    // no point dataset was built here: every state's counts are unknown, not zero
    const states = read<StateRecord[]>(out, 'states.json');
    expect(states.every((s) => Object.keys(s.counts).length === 0)).toBe(true);
    expect(sum(states.map((s) => s.population))).toBe(US_2020 + MX_2020);
  }, 60_000);
});

describe.skipIf(!HAS_REAL_STATES)('states without the snapshots (curated-only)', () => {
  it('still writes states.json with the curated populations, lists the snapshot sources as missing and warns', async () => {
    const out = join(tmp, 'curated-only');
    const r = await buildAtlas(opts({ snapshotDir: join(tmp, 'no-such-folder'), outDir: out, baselinePath: null }));
    const m = r.manifest;
    const states = read<StateRecord[]>(out, 'states.json');
    expect(states).toHaveLength(83);
    expect(sum(states.filter((s) => s.country === 'US').map((s) => s.population))).toBe(US_2020);
    expect(sum(states.filter((s) => s.country === 'MX').map((s) => s.population))).toBe(MX_2020);
    expect(states.every((s) => s.bevRegistrations2023 === null && s.published.length === 0 && s.areaKm2 > 0)).toBe(true);
    expect(m.warnings.find((w) => w.code === 'population-missing')?.message).toMatch(/Population points are missing/);
    for (const id of ['census-2020-cenpop', 'inegi-censo-2020', 'inegi-mg-2015', 'afdc-bev-2023', 'mx-state-charger-figures'])
      expect(m.sources[id], id).toMatchObject({ missing: true, missingReason: expect.stringContaining('not found'), rowsRead: 0 });
    expect(m.sources['curated-state-populations']).toMatchObject({ origin: 'curated', rowsRead: 83, recordsKept: 83 });
    expect(m.auxiliary?.states?.count).toBe(83);
    expect(m.auxiliary?.states?.sourceIds).toEqual(expect.arrayContaining(['curated-state-populations', 'census-2020-cenpop']));
    expect(m.auxiliary?.population).toMatchObject({ count: 0, sourceIds: expect.arrayContaining(['census-2020-cenpop']) });
    // chargers have no point at all without the snapshots: their count is unknown, not zero
    expect(states.every((s) => s.counts.chargers === undefined)).toBe(true);
    for (const s of states)
      for (const d of POINT_DATASET_IDS) if (s.counts[d] !== undefined) expect(s.counts[d], `${d} ${s.code}`).toBe(m.layers[d].countByState[s.code] ?? 0);
  }, 60_000);
});
