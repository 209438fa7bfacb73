/** Supply adapters against the real snapshots in ../shared/data (skipped when absent) and small fixtures. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SchemaDriftError, type AdapterResult, type SourceAdapter } from '../../data/pipeline/adapter-types.ts';
import { cimAdapter, CIM_FILE } from '../../data/pipeline/supply/cim.ts';
import { naatbattAdapter } from '../../data/pipeline/supply/naatbatt.ts';
import { minmodAdapter } from '../../data/pipeline/supply/minmod.ts';
import { buschAdapter } from '../../data/pipeline/supply/busch.ts';
import { usgsLithiumAdapter } from '../../data/pipeline/supply/usgs-lithium.ts';
import { retcAdapter } from '../../data/pipeline/supply/retc.ts';
import { investmentsAdapter } from '../../data/pipeline/supply/investments.ts';
import { supplyAdapters } from '../../data/pipeline/supply/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../..', process.env.ATLAS_SNAPSHOT_DIR ?? '../shared/data');
const HAS = existsSync(join(SHARED, 'supply'));
if (!HAS) console.warn(`[supply tests] ${SHARED}/supply not found: tests against the real snapshots are SKIPPED`);
const fixture = (f: string) => readFileSync(join(here, 'fixtures/supply', f));

function run(a: SourceAdapter): AdapterResult {
  const files: Record<string, Buffer> = {};
  for (const i of a.inputs) {
    const p = join(SHARED, i);
    if (!existsSync(p)) continue;
    const b = readFileSync(p);
    files[i] = p.endsWith('.gz') ? gunzipSync(b) : b;
  }
  const r = a.parse(files);
  // nothing silently dropped
  expect(r.records.length + r.quarantined.length + (r.outOfScope?.count ?? 0)).toBe(r.rowsRead);
  return r;
}
const attr = (r: AdapterResult, id: string) => r.records.find((x) => x.sourceRecordId === id);

describe('supply adapters: interface', () => {
  it('exports snapshot and curated adapters with unique ids and full source info', () => {
    const ids = supplyAdapters.map((a) => a.sourceId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of supplyAdapters) expect(['snapshot', 'curated']).toContain(a.origin);
  });
});

describe.skipIf(!HAS)('supply adapters on the real snapshots', () => {
  it('CIM: 363 rows -> 255 battery-plant and 108 assembly-plant candidates, status and capex mapped', () => {
    const r = run(cimAdapter);
    expect(r.rowsRead).toBe(363);
    expect(r.records.filter((x) => x.layer === 'battery-plants')).toHaveLength(255);
    expect(r.records.filter((x) => x.layer === 'assembly-plants')).toHaveLength(108);
    expect(r.source.licence).toBe('CC BY 4.0');
    const sam = attr(r, 'M.B.Samsung_MI_0')!;
    expect(sam.attributes.status).toBe('operating');
    expect(sam.attributes.capexMusd).toBeCloseTo(70.613878, 4);
    expect(sam.attributes.stage).toBe('module_pack');
    const sixk = attr(r, 'M.B.6K_TN_0')!;
    expect(sixk.attributes).toMatchObject({ stage: 'cathode', status: 'under_construction', announced: '2023-04-18' });
    expect(r.records.filter((x) => x.precision === 'approximate')).toHaveLength(26);
    const statuses = new Set(r.records.map((x) => x.attributes.status));
    expect([...statuses].sort()).toEqual(['announced', 'cancelled', 'operating', 'retired', 'under_construction']);
    const zev = r.records.find((x) => x.layer === 'assembly-plants' && x.attributes.status === 'operating')!;
    expect(zev.attributes.ev).toBe('ev_in_production');
  });

  it('NAATBatt: US and MX rows kept, 49 Canadian rows counted out of scope, mines to minerals', () => {
    const r = run(naatbattAdapter);
    expect(r.rowsRead).toBe(386);
    expect(r.outOfScope?.count).toBe(49);
    const mx = r.records.filter((x) => x.statedCountry === 'MX');
    expect(mx).toHaveLength(9);
    const boleo = attr(r, '1050')!;
    expect(boleo.layer).toBe('minerals');
    expect(boleo.attributes.commodities).toEqual(['cobalt']);
    const sungwoo = attr(r, '5229')!;
    expect(sungwoo).toMatchObject({ layer: 'battery-plants', statedCountry: 'MX' });
    expect(sungwoo.attributes.stage).toBe('module_pack');
    expect(attr(r, '1044')!.layer).toBe('minerals'); // Eagle Mine (nickel)
    expect(attr(r, '1003')!.attributes.stage).toBe('processing'); // Albemarle Silver Peak
    const gwh = r.records.filter((x) => typeof x.attributes.capacityGwh === 'number');
    expect(gwh.length).toBeGreaterThan(20);
  });

  it('MinMod: valid coordinates kept, invalid ones quarantined with a reason; Thacker Pass and McDermitt are lithium', () => {
    const r = run(minmodAdapter);
    expect(r.rowsRead).toBe(18888);
    expect(r.records).toHaveLength(16279);
    expect(r.quarantined).toHaveLength(2609);
    expect(r.quarantined[0]!.reason).toMatch(/coords_valid/);
    expect(r.records.filter((x) => x.statedCountry === 'MX')).toHaveLength(129);
    const thacker = r.records.find((x) => x.name === 'Kings Valley (Thacker Pass deposit)')!;
    expect(thacker.attributes.commodities).toEqual(['lithium']);
    expect(thacker.attributes.doi).toBe('https://doi.org/10.5066/P9K1HBNT');
    expect(r.records.some((x) => x.name === 'McDermitt' && (x.attributes.commodities as string[]).includes('lithium'))).toBe(true);
    const ree = r.records.filter((x) => (x.attributes.commodities as string[]).includes('rare_earths'));
    expect(ree.length).toBeGreaterThan(500);
  });

  it('Busch: 20 US + 1 MX deposits; Sonora is Construction in the source with its resource', () => {
    const r = run(buschAdapter);
    expect(r.records).toHaveLength(21);
    const sonora = r.records.find((x) => x.statedCountry === 'MX')!;
    expect(sonora.name).toBe('Sonora');
    expect(sonora.attributes.status).toBe('construction');
    expect(sonora.attributes.resourceKtLi).toBeCloseTo(1353.24, 1);
    expect(r.records.find((x) => x.name === 'Silver Peak')!.attributes.status).toBe('producing');
    expect(r.records.find((x) => x.name === 'Salton Sea (All)')!.attributes.status).toBeNull();
  });

  it('USGS lithium 2019: 21 sites with the DOI, <Null> read as missing', () => {
    const r = run(usgsLithiumAdapter);
    expect(r.records).toHaveLength(21);
    expect(r.records.every((x) => x.attributes.doi === 'https://doi.org/10.5066/P9ZKRWQF')).toBe(true);
    expect(r.records.find((x) => x.sourceRecordId === 'NV00149')!.name).toBe('McDermitt Caldera');
  });

  it('RETC: lead-acid battery makers labelled lead_acid, assembly plants by SCIAN, Boleo copper mine', () => {
    const r = run(retcAdapter);
    expect(r.rowsRead).toBe(99);
    const bat = r.records.filter((x) => x.attributes.scian === '335910');
    expect(bat).toHaveLength(9);
    for (const b of bat.filter((x) => /JOHNSON CONTROLS|ENERSYS|ACUMULADORES|C&D|ENERYA/.test(x.name))) {
      expect(b.attributes.stage, b.name).toBe('lead_acid');
    }
    expect(bat.filter((x) => x.attributes.stage === 'lead_acid').length).toBeGreaterThanOrEqual(8);
    expect(r.records.filter((x) => x.layer === 'assembly-plants')).toHaveLength(33);
    expect(attr(r, 'KME9G0200211')!.attributes.vehicleClass).toBe('heavy'); // Kenworth
    expect(attr(r, 'AAU2112800014')!.attributes.vehicleClass).toBe('light'); // Audi
    const boleo = attr(r, 'MMBSP0300211')!;
    expect(boleo).toMatchObject({ layer: 'minerals' });
    expect(boleo.attributes.commodities).toEqual(['copper']);
    expect(attr(r, 'MAU1304200005')!.attributes.commodities).toEqual(['manganese']);
    expect(r.outOfScope?.count).toBe(37);
  });

  it('investments: battery and EV-assembly rows, (0,0) quarantined, city-level precision', () => {
    const r = run(investmentsAdapter);
    expect(r.rowsRead).toBe(773);
    expect(r.quarantined.every((x) => x.reason === 'no location (0,0)')).toBe(true);
    expect(r.quarantined.length).toBeGreaterThan(0);
    expect(r.records.every((x) => x.precision === 'approximate')).toBe(true);
    const mx = r.records.filter((x) => x.statedCountry === 'MX');
    expect(mx).toHaveLength(7);
    expect(r.records.find((x) => x.sourceRecordId === 'Tesla|Santa Catarina')!.layer).toBe('assembly-plants');
    expect(r.records.find((x) => x.sourceRecordId === 'Cenntro Group|Ciudad Apodaca')!.attributes.stage).toBe('cell');
  });
});

describe('schema drift', () => {
  it('a renamed CIM column throws SchemaDriftError naming it', () => {
    const files = { [CIM_FILE]: fixture('cim-renamed-column.csv') };
    expect(() => cimAdapter.parse(files)).toThrow(SchemaDriftError);
    expect(() => cimAdapter.parse(files)).toThrow(/Current_Facility_Status/);
  });
  it('a row without coordinates is quarantined, not dropped', () => {
    const r = cimAdapter.parse({ [CIM_FILE]: fixture('cim-phases.csv') });
    expect(r.rowsRead).toBe(4);
    expect(r.records).toHaveLength(3);
    expect(r.quarantined).toHaveLength(1);
    expect(r.quarantined[0]).toMatchObject({ row: 5, recordId: 'M.B.Bad_MI_0' });
  });
});
