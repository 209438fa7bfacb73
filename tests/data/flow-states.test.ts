import { describe, expect, it } from 'vitest';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import { buildFlows, endpointState } from '../../data/pipeline/supply/flows.ts';
import { fixtureStates, HAS_REAL_STATES, realStates } from './helpers.ts';

const HEADER =
  'id,from_name,from_layer,from_lat,from_lon,from_country,to_name,to_layer,to_lat,to_lon,to_country,material,relation,year,volume,volume_unit,description,source_url,as_of\n';
const row = (id: string, from: string, to: string) => `${id},${from},${to},cells,supply_contract,2024,,,t,https://example.org/${id},2024-01\n`;
const flowsCsv = Buffer.from(
  HEADER +
    row('fac-to-fac', 'Acme Cells Plant,battery-plants,42.70,-83.27,US', 'Ford Cuautitlan Assembly,assembly-plants,19.64,-99.19,MX') +
    row('tx-to-nle', 'Port of Somewhere,external,30.0,-97.0,US', 'Warehouse Apodaca,external,25.5,-100.0,MX') +
    row('cl-to-la', 'Salar mine Chile,external,-23.5,-68.3,CL', 'Depot Louisiana,external,30.0,-90.0,US') +
    row('mismatch', 'Said to be in Mexico,external,30.0,-97.0,MX', 'Acme Cells LLC,battery-plants,42.71,-83.28,US'),
);
function rec(id: string, layer: string, name: string, lat: number, lon: number, country: 'US' | 'MX', state: string | null): DetailRecord {
  return { id: `${layer}:t:${id}`, name, country, state, lat, lon, precision: 'exact', sources: [{ sourceId: 't', recordId: id }], attributes: {} };
}
const facilities = [
  rec('acme', 'battery-plants', 'Acme Cells Inc.', 42.7004, -83.2707, 'US', 'US-MI'),
  rec('ford-cuau', 'assembly-plants', 'Ford Cuautitlán Assembly Plant', 19.643, -99.1925, 'MX', 'MX-MEX'),
];

describe('flow ends know their state (the state filter reaches flows)', () => {
  it("a facility end takes the facility's state; another end the state polygon containing it; null outside US/MX or unknown", () => {
    const { flows } = buildFlows(flowsCsv, null, facilities, fixtureStates());
    const by = new Map(flows.map((f) => [f.id, f]));
    expect(by.get('flows:fac-to-fac')).toMatchObject({
      from: { facilityId: 'battery-plants:t:acme', state: 'US-MI' },
      to: { facilityId: 'assembly-plants:t:ford-cuau', state: 'MX-MEX' },
    });
    expect(by.get('flows:tx-to-nle')).toMatchObject({ from: { facilityId: null, state: 'US-TX' }, to: { facilityId: null, state: 'MX-NLE' } });
    // Chile: outside the atlas; Louisiana: no polygon in the fixture (unknown)
    expect(by.get('flows:cl-to-la')).toMatchObject({ from: { country: 'CL', state: null }, to: { country: 'US', state: null } });
    // a point whose polygon is in another country than the one the row states is not given that state
    expect(by.get('flows:mismatch')!.from.state).toBeNull();
    expect(by.get('flows:mismatch')!.to.state).toBe('US-MI');
    for (const f of flows) for (const e of [f.from, f.to]) expect(e).toHaveProperty('state');
  });

  it('without state polygons only facility ends have a state', () => {
    const { flows } = buildFlows(flowsCsv, null, facilities);
    const tx = flows.find((f) => f.id === 'flows:tx-to-nle')!;
    expect([tx.from.state, tx.to.state]).toEqual([null, null]);
    expect(flows.find((f) => f.id === 'flows:fac-to-fac')!.from.state).toBe('US-MI');
  });

  it.skipIf(!HAS_REAL_STATES)('on the real basemap: Austin is US-TX, Monterrey MX-NLE, Santiago de Chile none', () => {
    const s = realStates();
    expect(endpointState(s, -97.74, 30.27, 'US')).toBe('US-TX');
    expect(endpointState(s, -100.31, 25.67, 'MX')).toBe('MX-NLE');
    expect(endpointState(s, -70.65, -33.45, 'CL')).toBeNull();
    // GM headquarters, Detroit riverfront: inside Ontario on the generalised basemap, 0.2 km from Michigan
    expect(endpointState(s, -83.0398, 42.3293, 'US')).toBe('US-MI');
  });
});
