import { describe, expect, it } from 'vitest';
import { parseTeslaUs2026, siteSlug, TESLA_US_2026_ID } from '../../data/pipeline/chargers/tesla-us-2026.ts';
import { mergeChargers } from '../../data/pipeline/chargers/merge.ts';
import type { LocatedRecord } from '../../data/pipeline/adapter-types.ts';
import { SchemaDriftError } from '../../data/pipeline/adapter-types.ts';
import { HAS_SHARED, shared } from './helpers.ts';

describe.skipIf(!HAS_SHARED)('Tesla Supercharger US 2026 snapshot (../shared/data)', () => {
  it('reads 3,167 sites: open DC fast Tesla sites with a slug id; Puerto Rico out of scope', () => {
    const r = parseTeslaUs2026(shared('chargers/tesla-superchargers-us-2026-07.csv'));
    expect(r.rowsRead).toBe(3167);
    expect(r.outOfScope?.count).toBeGreaterThan(0);
    expect(r.records.length + r.quarantined.length + r.outOfScope!.count).toBe(3167);
    expect(new Set(r.records.map((x) => x.sourceRecordId)).size).toBe(r.records.length);
    const anchorage = r.records.find((x) => x.sourceRecordId === 'anchorage-ak')!;
    expect(anchorage).toMatchObject({ name: 'Tesla Supercharger Anchorage, AK', lat: 61.210092, lon: -149.736455, statedCountry: 'US', statedState: 'AK' });
    expect(anchorage.attributes).toMatchObject({ level: ['DC'], network: 'Tesla', status: 'open', ports: 8, portsDC: 8, maxPowerKw: 325, access: null });
  });
});

describe('Tesla Supercharger US 2026 adapter on small inputs', () => {
  const csv = (rows: string) => Buffer.from(`name,city,state,lat,lon,stalls,kw\n${rows}`);
  it('fails on a missing column (schema drift)', () => {
    expect(() => parseTeslaUs2026(Buffer.from('name,city,state,lat,stalls,kw\n"A, TX",A,TX,30,8,250\n'))).toThrow(SchemaDriftError);
  });
  it('quarantines a duplicate or empty site name with its row; unknown stalls and kW stay unknown', () => {
    const r = parseTeslaUs2026(csv('"Austin, TX",Austin,TX,30.3,-97.7,0,\n"Austin, TX",Austin,TX,30.4,-97.7,4,250\n,X,TX,30,-97,4,250\n'));
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.attributes).toMatchObject({ ports: null, maxPowerKw: null });
    expect(r.quarantined.map((q) => q.row)).toEqual([3, 4]);
  });
  it('makes ASCII slugs', () => {
    expect(siteSlug('San José – Almadén, CA')).toBe('san-jose-almaden-ca');
  });
});

describe('merge of the 2026 sites', () => {
  const base = { statedCountry: 'US', statedState: null, precision: 'exact', country: 'US', state: 'US-TX', layer: 'chargers' } as const;
  const attrs = { level: ['DC'], network: 'Tesla', status: 'planned', ports: 8, portsDC: 8, maxPowerKw: 150 };
  const rec = (sourceId: string, id: string, lat: number, a: LocatedRecord['attributes']): LocatedRecord => ({
    ...base,
    sourceId,
    sourceRecordId: id,
    name: `Tesla Supercharger ${id}`,
    lon: -97.7,
    lat,
    attributes: a,
  });
  it('a 2026 site within 200 m of a 2021 site merges into it, keeping both ids; the newer snapshot says open', () => {
    const out = mergeChargers([
      rec('supercharge-info-2021', '77', 30.3, attrs),
      rec(TESLA_US_2026_ID, 'austin-tx', 30.3 + 150 / 111320, { ...attrs, status: 'open', ports: 12, maxPowerKw: 250 }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.sources.map((s) => s.sourceId)).toEqual(['supercharge-info-2021', TESLA_US_2026_ID]);
    expect(out[0]!.attributes).toMatchObject({ status: 'open', ports: 12, maxPowerKw: 250, level: ['DC'] });
  });
  it('a 2026 site far from every record is a new DC fast record with its own id', () => {
    const out = mergeChargers([rec('supercharge-info-2021', '77', 30.3, attrs), rec(TESLA_US_2026_ID, 'waco-tx', 31.5, { ...attrs, status: 'open' })]);
    expect(out.map((r) => r.id).sort()).toEqual(['chargers:tesla-2026:waco-tx', 'chargers:tesla:77']);
  });
});
