/** Supply layer mergers, curated overrides and flows (fixtures + real snapshots when present). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import type { CandidateRecord, LocatedRecord, SourceAdapter } from '../../data/pipeline/adapter-types.ts';
import { applyOverrides, buildFlows, layerMergers, supplyAdapters } from '../../data/pipeline/supply/index.ts';
import { cimAdapter, CIM_FILE } from '../../data/pipeline/supply/cim.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../..', process.env.ATLAS_SNAPSHOT_DIR ?? '../shared/data');
const HAS = existsSync(join(SHARED, 'supply'));
const fixture = (f: string) => readFileSync(join(here, 'fixtures/supply', f));

function locate(sourceId: string, recs: CandidateRecord[]): LocatedRecord[] {
  return recs.map((r) => ({
    ...r,
    sourceId,
    country: r.statedCountry === 'MX' ? 'MX' : 'US',
    state: null,
  }));
}
function rec(id: string, layer: string, name: string, lat: number, lon: number, country: 'US' | 'MX', attributes: DetailRecord['attributes'] = {}): DetailRecord {
  return { id: `${layer}:t:${id}`, name, country, state: null, lat, lon, precision: 'exact', sources: [{ sourceId: 't', recordId: id }], attributes };
}

describe('layer mergers (fixtures)', () => {
  it('phases of one CIM plant become one record with every source id and summed capex', () => {
    const r = cimAdapter.parse({ [CIM_FILE]: fixture('cim-phases.csv') });
    const out = layerMergers['battery-plants']!(locate('cim', r.records));
    expect(out).toHaveLength(2); // Acme (2 phases) + Other Co (different company, same address)
    const acme = out.find((x) => x.name === 'Acme Cells Inc.')!;
    expect(acme.sources.map((s) => s.recordId).sort()).toEqual(['M.B.Acme_MI_0', 'M.B.Acme_MI_1']);
    expect(acme.attributes.capexMusd).toBeCloseTo(150.5);
    expect(acme.attributes.status).toBe('operating');
    expect(acme.attributes.phases).toBe(2);
    expect(acme.id).toBe('battery-plants:cim:M.B.Acme_MI_0');
  });

  it('minerals: same deposit in two datasets merges (similar name <= 1 km, any name <= 100 m), commodities unioned', () => {
    const mk = (id: string, ds: string, name: string, lat: number, lon: number, c: string[]): LocatedRecord => ({
      layer: 'minerals',
      sourceId: 'minmod',
      sourceRecordId: `${ds}:${id}`,
      name,
      lat,
      lon,
      statedCountry: 'US',
      statedState: null,
      precision: 'exact',
      country: 'US',
      state: null,
      attributes: { commodities: c, status: null, depositType: null, resourceKtLi: null, doi: null, __dataset: ds },
    });
    const out = layerMergers.minerals!([
      mk('1', 'mrds', 'Blue Jay Mine', 40, -110, ['copper']),
      mk('2', 'ardf', 'Blue Jay', 40.005, -110, ['cobalt']), // ~0.56 km, similar name
      mk('3', 'nicrpge', 'Unnamed occurrence', 40.0003, -110.0003, ['nickel']), // ~40 m, no name
      mk('4', 'mrds', 'Blue Jay East', 40.001, -110, ['copper']), // same dataset as #1: kept apart
      mk('5', 'ree', 'Red Hill', 40.004, -110, ['rare_earths']), // 450 m, different name
    ]);
    expect(out).toHaveLength(3);
    const bj = out.find((x) => x.name === 'Blue Jay Mine')!;
    expect(bj.sources).toHaveLength(3);
    expect([...(bj.attributes.commodities as string[])].sort()).toEqual(['cobalt', 'copper', 'nickel']);
    expect('__dataset' in bj.attributes).toBe(false);
  });

  it('assembly plants: curated record is authoritative and absorbs CIM and investments records of the same plant', () => {
    const base = { statedCountry: 'US', statedState: null, country: 'US' as const, state: null };
    const out = layerMergers['assembly-plants']!([
      {
        ...base,
        layer: 'assembly-plants',
        sourceId: 'na-ev-investments-2024',
        sourceRecordId: 'GM|Spring Hill',
        name: 'GM',
        lat: 35.7,
        lon: -86.9,
        precision: 'approximate',
        attributes: { oem: 'GM', ev: 'ev_announced', status: null, capexMusd: 2000, __refUrl: 'https://example.org/inv' },
      },
      {
        ...base,
        layer: 'assembly-plants',
        sourceId: 'cim',
        sourceRecordId: 'M.Z.GM_TN_0',
        name: 'General Motors',
        lat: 35.74,
        lon: -86.96,
        precision: 'exact',
        attributes: { oem: 'General Motors', ev: 'ev_in_production', status: 'operating', capexMusd: 2100 },
      },
      {
        ...base,
        layer: 'assembly-plants',
        sourceId: 'curated-assembly-plants',
        sourceRecordId: 'gm-spring-hill',
        name: 'GM Spring Hill Manufacturing',
        lat: 35.745,
        lon: -86.958,
        precision: 'exact',
        attributes: {
          oem: 'General Motors',
          ev: 'ev_in_production',
          evModels: ['Cadillac Lyriq'],
          status: 'operating',
          capexMusd: null,
          __refUrl: 'https://example.org/gm',
        },
      },
    ]);
    expect(out).toHaveLength(1);
    const p = out[0]!;
    expect(p.id).toBe('assembly-plants:curated-assembly-plants:gm-spring-hill');
    expect(p.sources.map((s) => s.sourceId)).toEqual(['curated-assembly-plants', 'cim', 'na-ev-investments-2024']);
    expect(p.sources[0]!.url).toBe('https://example.org/gm');
    expect(p.attributes.capexMusd).toBe(2100); // curated unknown -> CIM
    expect(p.attributes.evModels).toEqual(['Cadillac Lyriq']);
  });
});

describe('overrides', () => {
  const boleo = rec('MMBSP0300211', 'minerals', 'MINERA Y METALURGICA DEL BOLEO S.A.P.I. DE C.V.', 24.14389, -110.33333, 'MX', {
    commodities: ['copper'],
    status: 'producing',
  });
  it('moves the Boleo record from La Paz to Santa Rosalía and keeps the citation; unmatched override is an error', () => {
    const { records, errors } = applyOverrides([boleo], 'minerals', fixture('overrides.csv'));
    const b = records[0]!;
    expect(b.lat).toBeCloseTo(27.3337);
    expect(b.lon).toBeCloseTo(-112.3309);
    expect(b.overrides).toEqual([
      {
        field: 'lat_lon',
        value: '27.3337;-112.3309',
        sourceUrl: 'https://example.org/boleo',
        asOf: '2025-06',
        note: 'office address in La Paz',
        sourceValue: '24.14389;-110.33333',
      },
    ]);
    expect(boleo.lat).toBeCloseTo(24.14389); // input not mutated
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ghost.*matches no minerals record/);
  });
  it('rejects a value outside the category list', () => {
    const acme = rec('a', 'battery-plants', 'Acme Cells Inc.', 42.7, -83.27, 'US', { status: 'operating' });
    const { records, errors } = applyOverrides([acme], 'battery-plants', fixture('overrides.csv'));
    expect(records[0]!.attributes.status).toBe('operating');
    expect(errors.join('\n')).toMatch(/status "booming" is not one of/);
  });
});

describe('flows', () => {
  const facilities = [
    rec('acme', 'battery-plants', 'Acme Cells Inc.', 42.7004, -83.2707, 'US', { owners: ['Acme Cells Inc.'] }),
    rec('ford-cuau', 'assembly-plants', 'Ford Cuautitlán Assembly Plant', 19.643, -99.1925, 'MX', { oem: 'Ford' }),
    rec('gm-ramos', 'assembly-plants', 'GM Ramos Arizpe', 25.5, -100.97, 'MX', { oem: 'General Motors' }),
  ];
  it('resolves endpoints to facilities by distinctive word within 30 km, else keeps the cited point', () => {
    const { flows, quarantined, rowsRead } = buildFlows(fixture('flows.csv'), null, facilities);
    expect(rowsRead).toBe(4);
    expect(flows.map((f) => f.id)).toEqual(['flows:acme-to-ford', 'flows:chile-to-acme', 'flows:far-away']);
    const [a, b, c] = flows as [(typeof flows)[0], (typeof flows)[0], (typeof flows)[0]];
    expect(a.from.facilityId).toBe('battery-plants:t:acme');
    expect(a.to.facilityId).toBe('assembly-plants:t:ford-cuau'); // "Cuautitlan" matches "Cuautitlán", "Assembly" ignored
    expect(a.crossBorder).toBe(true);
    expect(a).toMatchObject({ material: 'cells', relation: 'supply_contract', year: 2024, volume: 5, volumeUnit: 'GWh' });
    expect(b.from).toEqual({ name: 'Salar mine Chile', lat: -23.5, lon: -68.3, country: 'CL', facilityId: null, state: null });
    expect(b.to.facilityId).toBe('battery-plants:t:acme');
    expect(b.crossBorder).toBe(false); // CL -> US: international, not US<->MX
    expect(c.from.facilityId).toBeNull(); // 1,400 km from Acme
    expect(c.to.facilityId).toBeNull(); // "Unknown Plant" shares no distinctive word
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.reason).toMatch(/material "unobtainium"/);
  });

  it('JV links become ownership_jv flows only when both ends are facilities; others quarantined as endpoint not found', () => {
    const jv = Buffer.from(
      'facility_source,facility_key,facility_company,facility_type,state_or_country,latitude,longitude,partner,link_type,evidence\n' +
        'cim,M.B.Ultium_TN_0,Ultium Cells LLC,Batteries: Cells,"TN, US",35.74,-86.95,General Motors,owner/JV partner (from company string),CIM Company field\n' +
        'cim,M.B.Ultium_TN_0,Ultium Cells LLC,Batteries: Cells,"TN, US",35.74,-86.95,LG Energy Solution,owner/JV partner (from company string),CIM Company field\n',
    );
    const facs = [
      { ...rec('u', 'battery-plants', 'Ultium Cells LLC', 35.743, -86.957, 'US'), sources: [{ sourceId: 'cim', recordId: 'M.B.Ultium_TN_0' }] },
      rec('gm', 'assembly-plants', 'GM Spring Hill Manufacturing', 35.745, -86.958, 'US', { oem: 'General Motors' }),
    ];
    const { flows, quarantined, rowsRead } = buildFlows(fixture('flows.csv'), jv, facs);
    expect(rowsRead).toBe(6);
    const j = flows.filter((f) => f.relation === 'ownership_jv');
    expect(j).toHaveLength(1);
    expect(j[0]).toMatchObject({ material: 'cells', from: { facilityId: 'assembly-plants:t:gm' }, to: { facilityId: 'battery-plants:t:u' } });
    expect(quarantined.some((x) => /endpoint not found.*LG Energy Solution/.test(x.reason))).toBe(true);
  });
});

describe.skipIf(!HAS)('mergers on the real snapshots', () => {
  const all: LocatedRecord[] = [];
  const load = () => {
    if (all.length) return all;
    for (const a of supplyAdapters.filter((x: SourceAdapter) => x.origin === 'snapshot')) {
      const files: Record<string, Buffer> = {};
      for (const i of a.inputs) {
        const p = join(SHARED, i);
        if (existsSync(p)) files[i] = p.endsWith('.gz') ? gunzipSync(readFileSync(p)) : readFileSync(p);
      }
      all.push(...locate(a.sourceId, a.parse(files).records));
    }
    return all;
  };
  it('the same plant in CIM and the investments file merges (Ascend Elements, Hopkinsville KY)', () => {
    const out = layerMergers['battery-plants']!(load().filter((r) => r.layer === 'battery-plants'));
    const ascend = out.find((r) => r.sources.some((s) => s.recordId === 'M.B.Ascend_KY_0'))!;
    expect(ascend.sources.map((s) => s.recordId)).toEqual(expect.arrayContaining(['M.B.Ascend_KY_0', 'Ascend Elements|Hopkinsville']));
    expect(ascend.precision).toBe('exact');
    const samsung = out.find((r) => r.sources.some((s) => s.recordId === 'M.B.Samsung_MI_0'))!;
    expect(samsung.sources.map((s) => s.recordId)).toContain('M.B.Samsung_MI_1');
    expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
  });
  it('Thacker Pass: Busch, MinMod (and more) become one lithium record that keeps Busch status and resource', () => {
    const t0 = Date.now();
    const out = layerMergers.minerals!(load().filter((r) => r.layer === 'minerals'));
    expect(Date.now() - t0).toBeLessThan(5000);
    const tp = out.find((r) => r.name === 'Thacker Pass')!;
    expect(tp.sources.map((s) => s.sourceId)).toEqual(expect.arrayContaining(['busch-lithium', 'minmod']));
    expect(tp.attributes).toMatchObject({ status: 'construction', commodities: ['lithium'] });
    expect(tp.attributes.resourceKtLi).toBeCloseTo(3588.36, 1);
    const sonora = out.find((r) => r.name === 'Sonora' && r.country === 'MX')!;
    expect(sonora.attributes.status).toBe('construction'); // until the curated override sets 'disputed'
    expect(out.length).toBeLessThan(16338);
  });
});
