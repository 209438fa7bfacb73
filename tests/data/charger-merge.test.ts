import { describe, expect, it } from 'vitest';
import { mergeChargers } from '../../data/pipeline/chargers/merge.ts';
import type { LocatedRecord } from '../../data/pipeline/adapter-types.ts';

type Attrs = LocatedRecord['attributes'];
const nullAttrs: Attrs = {
  level: null,
  network: null,
  status: null,
  access: null,
  ports: null,
  portsL1: null,
  portsL2: null,
  portsDC: null,
  maxPowerKw: null,
  connectors: null,
  openDate: null,
  facilityType: null,
  zip: null,
};
const rec = (sourceId: string, id: string, name: string, lon: number, lat: number, attrs: Attrs = {}, country: 'US' | 'MX' = 'US'): LocatedRecord => ({
  layer: 'chargers',
  sourceId,
  sourceRecordId: id,
  name,
  lon,
  lat,
  statedCountry: country,
  statedState: null,
  precision: 'exact',
  country,
  state: country === 'US' ? 'US-TX' : 'MX-NLE',
  attributes: { ...nullAttrs, ...attrs },
});
// ~50 m north
const D50 = 50 / 111320;

describe('charger merge', () => {
  it('an AFDC Tesla station and a supercharge.info site 50 m apart merge, keeping both ids', () => {
    const out = mergeChargers([
      rec('afdc-us-2022', '1001', 'Tesla Supercharger Austin', -97.7, 30.3),
      rec('supercharge-info-2021', '77', 'Tesla Supercharger Austin, TX', -97.7, 30.3 + D50, {
        level: ['DC'],
        network: 'Tesla',
        status: 'open',
        ports: 12,
        portsDC: 12,
        maxPowerKw: 250,
      }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.id).toBe('chargers:afdc:1001');
    expect(out[0]!.sources).toEqual([
      { sourceId: 'afdc-us-2022', recordId: '1001' },
      { sourceId: 'supercharge-info-2021', recordId: '77' },
    ]);
    expect(out[0]!.attributes).toMatchObject({ level: ['DC'], network: 'Tesla', ports: 12, maxPowerKw: 250, status: 'open' });
  });

  it('a non-Tesla station 150 m from a Tesla site does not merge; within 75 m it does', () => {
    const out = mergeChargers([
      rec('afdc-us-2022', '1', 'City Hall Garage', -97.7, 30.3),
      rec('supercharge-info-2021', '2', 'Tesla Supercharger X', -97.7, 30.3 + 3 * D50, { level: ['DC'], network: 'Tesla', ports: 8 }),
      rec('afdc-us-2022', '3', 'Mall Parking', -96.0, 31.0, { ports: 20 }),
      rec('supercharge-info-2021', '4', 'Tesla Supercharger Y', -96.0, 31.0 + D50, { level: ['DC'], network: 'Tesla', ports: 8 }),
    ]);
    expect(out.map((r) => r.id).sort()).toEqual(['chargers:afdc:1', 'chargers:afdc:3', 'chargers:tesla:2']);
    const mall = out.find((r) => r.id === 'chargers:afdc:3')!;
    expect(mall.attributes).toMatchObject({ ports: 20, level: ['DC'] }); // ports = max(known)
  });

  it('AFDC full-column record with the same ID enriches the 2022 record; new IDs are added; unknowns stay null', () => {
    const out = mergeChargers([
      rec('afdc-us-2022', '10', 'Old name', -97.7, 30.3, { zip: '78701' }),
      rec('afdc-us-2022', '11', 'Untouched', -97.8, 30.4),
      rec('afdc-ny-2025', '10', 'New name', -97.7, 30.3, { level: ['L2'], ports: 2, portsL2: 2, network: 'ChargePoint Network', status: 'open', access: 'public' }),
      rec('afdc-ny-2025', '12', 'Brand new', -97.9, 30.5, { level: ['L2'] }),
    ]);
    expect(out.map((r) => r.id).sort()).toEqual(['chargers:afdc:10', 'chargers:afdc:11', 'chargers:afdc:12']);
    const e = out.find((r) => r.id === 'chargers:afdc:10')!;
    expect(e.name).toBe('New name');
    expect(e.sources.map((s) => s.sourceId)).toEqual(['afdc-us-2022', 'afdc-ny-2025']);
    expect(e.attributes).toMatchObject({ zip: '78701', network: 'ChargePoint Network', ports: 2, level: ['L2'] });
    expect(out.find((r) => r.id === 'chargers:afdc:11')!.attributes).toMatchObject(nullAttrs);
  });

  it('OCM MX records merge with a Tesla site within 200 m; others are added', () => {
    const out = mergeChargers([
      rec('supercharge-info-2021', '856', 'Tesla Supercharger Monterrey', -100.3, 25.6, { level: ['DC'], network: 'Tesla', ports: 8, maxPowerKw: 150 }, 'MX'),
      rec('ocm-mx-2019', '5', 'Supercharger Monterrey', -100.3, 25.6 + 3 * D50, { level: ['DC'], network: 'Tesla Motors (Worldwide)', ports: 10, maxPowerKw: 120 }, 'MX'),
      rec('ocm-mx-2019', '6', 'Hotel X', -100.0, 25.0, { level: ['L2'], network: 'Tesla Motors (Worldwide)', ports: 2 }, 'MX'),
    ]);
    expect(out.map((r) => r.id).sort()).toEqual(['chargers:ocm:6', 'chargers:tesla:856']);
    const t = out.find((r) => r.id === 'chargers:tesla:856')!;
    expect(t.sources.map((s) => s.recordId)).toEqual(['856', '5']);
    expect(t.attributes).toMatchObject({ ports: 10, maxPowerKw: 150 });
  });
});
