/**
 * Issue 14: merge after overrides (El Boleo), override fields (paused, disputed, source value kept), flow checks (ends,
 * URLs), duplicate flows merged, JV links cited and named, and the Mexican Tesla Supercharger 2023 adapter on the real file.
 */
import { existsSync as exists, readFileSync as read } from 'node:fs';
import { join as joinPath } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import type { LocatedRecord } from '../../data/pipeline/adapter-types.ts';
import { applyOverrides, buildFlows, layerMergers, supplyAdapters } from '../../data/pipeline/supply/index.ts';
import { dedupeFlows } from '../../data/pipeline/supply/flows.ts';
import { urlProblem } from '../../data/pipeline/supply/util.ts';
import { parseTeslaMx2023, TESLA_MX_2023_FILE, TESLA_MX_2023_ID, usDate } from '../../data/pipeline/chargers/tesla-mx-2023.ts';
import { parseTesla, TESLA_FILE, TESLA_ID } from '../../data/pipeline/chargers/tesla.ts';
import { mergeChargers } from '../../data/pipeline/chargers/merge.ts';
import { SchemaDriftError } from '../../data/pipeline/adapter-types.ts';
import { HAS_SHARED, REPO, SHARED, shared } from './helpers.ts';

const OVERRIDE_HEADER = 'id,layer,match_name,match_lat,match_lon,match_radius_km,field,value,source_url,as_of,note\n';
const overrides = (rows: string) => Buffer.from(OVERRIDE_HEADER + rows);

function rec(
  id: string,
  layer: string,
  name: string,
  lat: number,
  lon: number,
  sources: DetailRecord['sources'],
  attributes: DetailRecord['attributes'] = {},
): DetailRecord {
  return { id, name, country: 'MX', state: 'MX-BCS', lat, lon, precision: 'exact', sources, attributes };
}

describe('merge after overrides', () => {
  const mine = rec(
    'minerals:naatbatt:1050',
    'minerals',
    'El Boleo Mine',
    27.3337,
    -112.3309,
    [
      { sourceId: 'naatbatt', recordId: '1050' },
      { sourceId: 'minmod', recordId: 'mrdata_sir20105090z:0', url: 'https://mrdata.usgs.gov/sir20105090z' },
    ],
    { commodities: ['cobalt', 'copper'], status: 'producing', operator: null },
  );
  const office = rec(
    'minerals:retc-2022:MMBSP0300211',
    'minerals',
    'MINERA Y METALURGICA DEL BOLEO S.A.P.I. DE C.V.',
    24.14389,
    -110.33333,
    [{ sourceId: 'retc-2022', recordId: 'MMBSP0300211' }],
    { commodities: ['copper', 'manganese'], status: 'producing', operator: 'MINERA Y METALURGICA DEL BOLEO' },
  );
  const move = overrides('boleo-location,minerals,Boleo,24.14389,-110.33333,30,lat_lon,27.3337;-112.3309,https://example.org/boleo,2025-06,office\n');

  it('merges the moved RETC record into the mine record: one record, every source id, the override with its citation', () => {
    const r = applyOverrides([mine, office], 'minerals', move);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    const m = r.records[0]!;
    expect(m.id).toBe('minerals:naatbatt:1050'); // NAATBatt ranks above RETC
    expect(m.sources.map((s) => `${s.sourceId}:${s.recordId}`)).toEqual(['naatbatt:1050', 'minmod:mrdata_sir20105090z:0', 'retc-2022:MMBSP0300211']);
    expect(m.attributes.commodities).toEqual(['cobalt', 'copper', 'manganese']);
    expect(m.attributes.operator).toBe('MINERA Y METALURGICA DEL BOLEO'); // filled from the merged record
    expect(m.overrides).toEqual([
      { field: 'lat_lon', value: '27.3337;-112.3309', sourceUrl: 'https://example.org/boleo', asOf: '2025-06', note: 'office', sourceValue: '24.14389;-110.33333' },
    ]);
    expect(m.lat).toBeCloseTo(27.3337);
    expect(r.merged).toEqual([{ into: 'minerals:naatbatt:1050', from: 'minerals:retc-2022:MMBSP0300211', moved: 'minerals:retc-2022:MMBSP0300211' }]);
    expect(r.applied).toEqual([{ id: 'boleo-location', layer: 'minerals', field: 'lat_lon', value: '27.3337;-112.3309', recordIds: [office.id] }]);
  });

  it('does not merge a moved record with a record of the same source, nor with one farther than the merge rules allow', () => {
    const sameSource = { ...mine, sources: [{ sourceId: 'retc-2022', recordId: 'OTHER' }] };
    expect(applyOverrides([sameSource, office], 'minerals', move).records).toHaveLength(2);
    const far = { ...mine, lat: 27.5, lon: -112.5 }; // about 25 km away
    expect(applyOverrides([far, office], 'minerals', move).records).toHaveLength(2);
  });
});

describe('override fields', () => {
  const plant: DetailRecord = {
    id: 'battery-plants:cim:X',
    name: 'Acme Cells',
    country: 'US',
    state: 'US-MI',
    lat: 42,
    lon: -84,
    precision: 'exact',
    sources: [{ sourceId: 'cim', recordId: 'X' }],
    attributes: { status: 'under_construction', owners: ['Acme'] },
  };
  it('accepts status paused for plants, keeps the source value beside the correction', () => {
    const r = applyOverrides([plant], 'battery-plants', overrides('p,battery-plants,Acme,42,-84,5,status,paused,https://example.org/p,2025-10,\n'));
    expect(r.errors).toEqual([]);
    expect(r.records[0]!.attributes.status).toBe('paused');
    expect(r.records[0]!.overrides![0]).toMatchObject({ field: 'status', value: 'paused', sourceValue: 'under_construction' });
    expect(plant.attributes.status).toBe('under_construction'); // input not mutated
  });
  it('rejects a status outside the domain', () => {
    const r = applyOverrides([plant], 'battery-plants', overrides('p,battery-plants,Acme,42,-84,5,status,sleeping,https://example.org/p,2025-10,\n'));
    expect(r.errors.join()).toMatch(/status "sleeping" is not one of .*paused/);
  });
  it('disputed: the reason is recorded with its citation and no field changes; a disputed row without a reason is an error', () => {
    const site = { ...plant, id: 'minerals:minmod:sf', name: 'San Francisco', attributes: { commodities: ['lithium'] } };
    const ok = applyOverrides(
      [site],
      'minerals',
      overrides('sf,minerals,San Francisco,42,-84,2,disputed,Lithium tag unconfirmed,https://mrdata.usgs.gov/nicrpge,2024-09-20,\n'),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.records[0]!.attributes.commodities).toEqual(['lithium']);
    expect(ok.records[0]!.overrides).toEqual([{ field: 'disputed', value: 'Lithium tag unconfirmed', sourceUrl: 'https://mrdata.usgs.gov/nicrpge', asOf: '2024-09-20' }]);
    const bad = applyOverrides([site], 'minerals', overrides('sf,minerals,San Francisco,42,-84,2,disputed,,https://mrdata.usgs.gov/nicrpge,2024-09-20,\n'));
    expect(bad.errors.join()).toMatch(/needs the reason/);
  });
  it('a commodities correction keeps the source list as the source value', () => {
    const site = { ...plant, id: 'minerals:minmod:sf', name: 'San Francisco', attributes: { commodities: ['lithium'] } };
    const r = applyOverrides([site], 'minerals', overrides('sf,minerals,San Francisco,42,-84,2,commodities,nickel;copper,https://example.org/c,2024-09-20,\n'));
    expect(r.records[0]!.attributes.commodities).toEqual(['nickel', 'copper']);
    expect(r.records[0]!.overrides![0]!.sourceValue).toEqual(['lithium']);
  });
  it('rejects malformed source URLs', () => {
    for (const url of ['htp://example.org/x', 'https://', 'example.org/x', 'ftp://example.org/x', 'https://localhost']) {
      const r = applyOverrides([plant], 'battery-plants', overrides(`p,battery-plants,Acme,42,-84,5,status,paused,${url},2025-10,\n`));
      expect(r.errors, url).toHaveLength(1);
      expect(r.records[0]!.attributes.status).toBe('under_construction');
    }
    expect(urlProblem('https://www.example.org/a?b=1#c')).toBeNull();
  });
});

const FLOW_HEADER =
  'id,from_name,from_layer,from_lat,from_lon,from_country,to_name,to_layer,to_lat,to_lon,to_country,material,relation,year,volume,volume_unit,description,source_url,as_of\n';
const JV_HEADER = 'facility_source,facility_key,facility_company,facility_type,state_or_country,latitude,longitude,partner,link_type,evidence\n';

describe('flow checks, duplicates and JV links', () => {
  const ultium: DetailRecord = {
    id: 'battery-plants:cim:M.B.Ultium_TN_0',
    name: 'Ultium Cells LLC',
    country: 'US',
    state: 'US-TN',
    lat: 35.743,
    lon: -86.957,
    precision: 'exact',
    sources: [{ sourceId: 'cim', recordId: 'M.B.Ultium_TN_0' }],
    attributes: { owners: ['Ultium Cells LLC'] },
  };
  const springHill: DetailRecord = {
    ...ultium,
    id: 'assembly-plants:curated-assembly-plants:gm-spring-hill',
    name: 'Spring Hill Manufacturing',
    lat: 35.745,
    lon: -86.958,
    sources: [{ sourceId: 'curated-assembly-plants', recordId: 'gm-spring-hill' }],
    attributes: { oem: 'General Motors' },
  };
  const jv = Buffer.from(
    JV_HEADER +
      'cim_2024Q4_ev_battery_minerals_manufacturing.csv,M.B.Ultium_TN_0,Ultium Cells LLC,Batteries: Cells,"TN, US",35.74,-86.95,General Motors,owner/JV partner (from company string),CIM Company field\n',
  );

  it('an end of a point layer that matches no facility is an error naming the row; an external end is fine', () => {
    const csv = Buffer.from(
      FLOW_HEADER +
        'ok,CATL Ningde,external,26.66,119.52,CN,Ultium Cells Spring Hill,battery-plants,35.74,-86.95,US,cells,supply_contract,2024,,,x,https://example.org/a,2024-01\n' +
        'lost,Nowhere Lithium Mine,minerals,40,-110,US,Ultium Cells Spring Hill,battery-plants,35.74,-86.95,US,lithium,offtake,2024,,,x,https://example.org/b,2024-01\n',
    );
    const r = buildFlows(csv, null, [ultium, springHill]);
    expect(r.flows.map((f) => f.id)).toEqual(['flows:ok', 'flows:lost']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/flows\.csv row 3 \("lost"\): from end "Nowhere Lithium Mine" matches no minerals record/);
  });

  it('a row whose source_url is not a well-formed http(s) URL fails the build naming the row (and is quarantined)', () => {
    const csv = Buffer.from(
      FLOW_HEADER + 'bad,CATL Ningde,external,26.66,119.52,CN,Ultium Cells,battery-plants,35.74,-86.95,US,cells,supply_contract,2024,,,x,https//example.org/a,2024-01\n',
    );
    const r = buildFlows(csv, null, [ultium]);
    expect(r.flows).toHaveLength(0);
    expect(r.quarantined[0]!.reason).toMatch(/is not a URL/);
    expect(r.errors).toEqual([expect.stringMatching(/^flows\.csv row 2 \("bad"\): source_url "https\/\/example\.org\/a" is not a URL/)]);
  });

  it('a JV link gets CIM as its source URL and readable end names', () => {
    const r = buildFlows(Buffer.from(FLOW_HEADER), jv, [ultium, springHill]);
    expect(r.flows).toHaveLength(1);
    const f = r.flows[0]!;
    expect(f.from.name).toBe('General Motors: Spring Hill Manufacturing');
    expect(f.to.name).toBe('Ultium Cells LLC (US-TN)'); // without state polygons: the state code
    expect(f.sources).toEqual([{ sourceId: 'jv-ownership-links', recordId: 'M.B.Ultium_TN_0|General Motors', url: 'https://www.cleaninvestmentmonitor.org/' }]);
  });

  it('a curated ownership row for the same pair and material merges with the JV link: one flow, both sources', () => {
    const csv = Buffer.from(
      FLOW_HEADER +
        'gm-ultium-tn,GM Spring Hill,assembly-plants,35.745,-86.958,US,Ultium Cells Spring Hill,battery-plants,35.743,-86.957,US,cells,ownership_jv,2019,,,GM and LGES JV,https://example.org/ultium,2019-12\n',
    );
    const r = buildFlows(csv, jv, [ultium, springHill]);
    expect(r.flows).toHaveLength(1);
    const f = r.flows[0]!;
    expect(f.id).toBe('flows:gm-ultium-tn');
    expect(f.year).toBe(2019);
    expect(f.sources.map((s) => s.url)).toEqual(['https://example.org/ultium', 'https://www.cleaninvestmentmonitor.org/']);
    expect(r.report.merged).toEqual([{ into: 'flows:gm-ultium-tn', from: 'flows:jv:battery-plants:cim:M.B.Ultium_TN_0:General-Motors' }]);
  });

  it('dedupeFlows keeps different materials or relations apart', () => {
    const base = buildFlows(Buffer.from(FLOW_HEADER), jv, [ultium, springHill]).flows[0]!;
    const other = { ...base, id: 'flows:x', material: 'modules_packs' as const };
    const same = { ...base, id: 'flows:y', year: 2022, sources: [{ sourceId: 'curated-flows', recordId: 'y', url: 'https://example.org/y' }] };
    const d = dedupeFlows([base, other, same]);
    expect(d.flows.map((f) => f.id)).toEqual([base.id, 'flows:x']);
    expect(d.flows[0]!.year).toBe(2022); // the first had none
    expect(d.flows[0]!.sources).toHaveLength(2);
  });
});

describe('Tesla Superchargers Mexico 2023 adapter', () => {
  it('reads M/D/YYYY dates', () => {
    expect(usDate('3/15/2023')).toBe('2023-03-15');
    expect(usDate('13/1/2023')).toBeNull();
    expect(usDate('2023-03-15')).toBeNull();
  });
  it('fails on a missing column', () => {
    expect(() => parseTeslaMx2023(Buffer.from('name,lat,stalls,kw,date_opened\n"A, Mexico",20,4,250,3/15/2023\n'))).toThrow(SchemaDriftError);
  });
});

describe.skipIf(!HAS_SHARED)('Tesla Superchargers Mexico 2023 on the real file', () => {
  const r = parseTeslaMx2023(shared(TESLA_MX_2023_FILE));
  it('reads 15 sites with name, coordinates, stalls, kW and opening date; lost letters never shown as U+FFFD', () => {
    expect(r.rowsRead).toBe(15);
    expect(r.records).toHaveLength(15);
    expect(r.records.every((x) => !x.name.includes('\uFFFD'))).toBe(true);
    const valladolid = r.records.find((x) => x.sourceRecordId === 'valladolid-mexico')!;
    expect(valladolid).toMatchObject({ lat: 20.744206, lon: -88.23158, statedCountry: 'MX' });
    expect(valladolid.attributes).toMatchObject({ openDate: '2023-03-15', ports: 4, maxPowerKw: 250, status: 'open', network: 'Tesla' });
    expect(r.records.find((x) => x.sourceRecordId === 'valle-de-bravo-mexico')!.attributes.openDate).toBe('2023-02-25');
    expect(r.records.every((x) => x.attributes.zip === null && x.statedState === null)).toBe(true); // mis-split columns not read
  });
  it('merges with the 2021 Mexican sites by distance: 13 matched (both ids kept), 2 new', () => {
    const loc = (sourceId: string, recs: typeof r.records): LocatedRecord[] => recs.map((x) => ({ ...x, sourceId, country: 'MX', state: null }));
    const mx2021 = parseTesla(shared(TESLA_FILE)).records.filter((x) => x.statedCountry === 'Mexico');
    const out = mergeChargers([...loc(TESLA_ID, mx2021), ...loc(TESLA_MX_2023_ID, r.records)]);
    const both = out.filter((x) => x.sources.some((s) => s.sourceId === TESLA_ID) && x.sources.some((s) => s.sourceId === TESLA_MX_2023_ID));
    expect(both).toHaveLength(13);
    const added = out.filter((x) => x.sources.every((s) => s.sourceId === TESLA_MX_2023_ID));
    expect(added.map((x) => x.id).sort()).toEqual(['chargers:tesla-mx-2023:valladolid-mexico', 'chargers:tesla-mx-2023:valle-de-bravo-mexico'].sort());
    expect(out).toHaveLength(mx2021.length + 2);
  });
});

describe.skipIf(!HAS_SHARED)('El Boleo on the real snapshots and the curated overrides', () => {
  it('the RETC La Paz record, once moved to Santa Rosalía, is merged with the mine record: one record, both ids', () => {
    const located: LocatedRecord[] = [];
    for (const a of supplyAdapters.filter((x) => x.origin === 'snapshot' && ['naatbatt', 'minmod', 'retc-2022'].includes(x.sourceId))) {
      const files: Record<string, Buffer> = {};
      for (const i of a.inputs) {
        const p = joinPath(SHARED, i);
        if (exists(p)) files[i] = p.endsWith('.gz') ? gunzipSync(read(p)) : read(p);
      }
      for (const r of a.parse(files).records)
        if (r.layer === 'minerals') located.push({ ...r, sourceId: a.sourceId, country: r.statedCountry === 'MX' ? 'MX' : 'US', state: null });
    }
    const merged = layerMergers.minerals!(located);
    const holds = (recs: DetailRecord[], sourceId: string, recordId: string) =>
      recs.filter((r) => r.sources.some((s) => s.sourceId === sourceId && s.recordId === recordId));
    expect(holds(merged, 'retc-2022', 'MMBSP0300211')[0]!.id).not.toBe(holds(merged, 'naatbatt', '1050')[0]!.id); // two records before the override
    const r = applyOverrides(merged, 'minerals', read(joinPath(REPO, 'data/curated/facility-overrides.csv')));
    const boleo = holds(r.records, 'retc-2022', 'MMBSP0300211');
    expect(boleo).toHaveLength(1);
    expect(boleo[0]!.sources.map((s) => `${s.sourceId}:${s.recordId}`)).toEqual(expect.arrayContaining(['naatbatt:1050', 'retc-2022:MMBSP0300211']));
    expect(boleo[0]!.overrides?.some((o) => o.field === 'lat_lon' && o.sourceUrl.startsWith('https://'))).toBe(true);
    expect(r.records).toHaveLength(merged.length - 1);
    expect(r.merged.some((m) => m.from === 'minerals:retc-2022:MMBSP0300211')).toBe(true);
  });
});
