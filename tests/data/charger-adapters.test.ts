import { describe, expect, it } from 'vitest';
import { parseAfdc2022, parseAfdcFull, AFDC_NY_ID } from '../../data/pipeline/chargers/afdc.ts';
import { parseTesla } from '../../data/pipeline/chargers/tesla.ts';
import { parseOcm, parseOcmReference } from '../../data/pipeline/chargers/ocm.ts';
import { HAS_SHARED, shared } from './helpers.ts';

describe.skipIf(!HAS_SHARED)('charger adapters on the real recorded samples (../shared/data)', () => {
  it('AFDC national 2022: 50,270 rows, 5 columns, leading zeros restored, nothing guessed', () => {
    const r = parseAfdc2022(shared('chargers/afdc-us-elec-2022-01.csv.gz'));
    expect(r.rowsRead).toBe(50270);
    expect(r.records.length + r.quarantined.length).toBe(50270);
    const zero = r.records.find((x) => x.sourceRecordId === '191112');
    expect(zero?.lon).toBe(0); // quarantined centrally (see bad-inputs test)
    const first = r.records.find((x) => x.sourceRecordId === '1517')!;
    expect(first.name).toBe('LADWP - Truesdale Center');
    expect(first.attributes.level).toBeNull();
    expect(first.attributes.network).toBeNull();
    expect(first.attributes.ports).toBeNull();
    expect(r.records.every((x) => x.attributes.zip === null || !/^\d{4}$/.test(String(x.attributes.zip)))).toBe(true);
  });

  it('AFDC full-column format (NY 2025, same as the live API CSV): ELEC only, levels, ports, network, access, status', () => {
    const r = parseAfdcFull(shared('chargers/afdc-ny-full-columns-2025-02.csv.gz'), { sourceId: AFDC_NY_ID, title: 't', asOf: '2025-04-21', origin: 'snapshot' });
    expect(r.rowsRead).toBe(4857);
    expect(r.records).toHaveLength(4736);
    expect(r.outOfScope).toEqual({ count: 121, reason: expect.stringContaining('not electric') });
    expect(r.records.length + r.quarantined.length + r.outOfScope!.count).toBe(r.rowsRead);
    const s = r.records.find((x) => x.sourceRecordId === '44174')!;
    expect(s.name).toBe('Thruway Nissan');
    expect(s.attributes).toMatchObject({
      level: ['L2'],
      network: 'Non-Networked',
      status: 'open',
      access: 'public',
      ports: 1,
      portsL2: 1,
      portsL1: null,
      portsDC: null,
      connectors: ['J1772'],
      openDate: '2011-11-30',
      facilityType: 'CAR_DEALER',
      zip: '12550',
      maxPowerKw: null,
    });
    expect(s.statedCountry).toBe('US');
    expect(s.statedState).toBe('NY');
    const dc = r.records.filter((x) => (x.attributes.level as string[] | null)?.includes('DC'));
    expect(dc.length).toBeGreaterThan(100);
    expect(r.records.some((x) => x.attributes.network === 'Tesla')).toBe(true);
  });

  it('supercharge.info 2021: US + MX kept, 161 Canadian rows out of scope, statuses mapped', () => {
    const r = parseTesla(shared('chargers/tesla-superchargers-na-2021-12.csv'));
    expect(r.rowsRead).toBe(1634);
    expect(r.outOfScope?.count).toBe(161);
    expect(r.records).toHaveLength(1452 + 21);
    const cuer = r.records.find((x) => x.sourceRecordId === '856')!;
    expect(cuer.statedCountry).toBe('Mexico');
    expect(cuer.attributes).toMatchObject({ level: ['DC'], network: 'Tesla', status: 'open', ports: 6, maxPowerKw: 150 });
    const statuses = new Set(r.records.map((x) => x.attributes.status));
    expect([...statuses].sort()).toEqual(['closed', 'open', 'planned', 'temporarily_unavailable']);
    // power_kw 0 = unknown, never 0 kW
    expect(r.records.some((x) => x.attributes.maxPowerKw === 0)).toBe(false);
  });

  it('OCM MX POIs (compact API JSON) with the reference tables: levels, ports, power, operator, access, licence', () => {
    const ref = parseOcmReference(shared('chargers/ocm/reference-2021-08.json.gz'));
    const r = parseOcm(shared('chargers/ocm/mx-pois-2018-2019.json'), ref, { sourceId: 'ocm-mx-2019', title: 't', asOf: '2019-07', origin: 'snapshot' });
    expect(r.rowsRead).toBe(100);
    expect(r.records).toHaveLength(100);
    expect(r.records.every((x) => x.statedCountry === 'MX')).toBe(true);
    const p = r.records.find((x) => x.sourceRecordId === '100018')!;
    expect(p.name).toBe('El Palacio del Tiempo - Corralejo');
    expect(p.attributes).toMatchObject({
      level: ['L2'],
      ports: 2,
      portsL2: 2,
      maxPowerKw: 18,
      network: 'Tesla Motors (Worldwide)',
      access: 'public',
      status: 'open',
      connectors: ['Tesla (Model S/X)'],
      dataProvider: 'Open Charge Map Contributors',
    });
    expect(r.records.filter((x) => (x.attributes.level as string[] | null)?.includes('DC')).length).toBeGreaterThanOrEqual(13);
    expect(r.source.licence).toContain('CC BY-SA 4.0');
  });
});
