import { describe, expect, it } from 'vitest';
import { locateRecords } from '../../data/pipeline/geo/locate.ts';
import type { CandidateRecord } from '../../data/pipeline/adapter-types.ts';
import { fixtureStates, HAS_REAL_STATES, realStates } from './helpers.ts';

const cand = (id: string, lon: number, lat: number, statedCountry: string | null = null): CandidateRecord => ({
  layer: 'chargers',
  sourceRecordId: id,
  name: id,
  lon,
  lat,
  statedCountry,
  statedState: null,
  precision: 'exact',
  attributes: {},
});

describe.skipIf(!HAS_REAL_STATES)('state assignment on the real basemap (public/basemap/states.geojson)', () => {
  const states = () => realStates();
  it.each([
    ['Monterrey', -100.3161, 25.6866, 'MX-NLE'],
    ['Mexico City (Zócalo)', -99.1332, 19.4326, 'MX-CMX'],
    ['Austin', -97.7431, 30.2672, 'US-TX'],
    ['Washington DC', -77.0365, 38.8977, 'US-DC'],
    ['Guadalajara', -103.3496, 20.6597, 'MX-JAL'],
    ['Honolulu', -157.8583, 21.3069, 'US-HI'],
    ['Anchorage', -149.9003, 61.2181, 'US-AK'],
  ])('%s -> %s', (_n, lon, lat, code) => {
    const r = locateRecords('t', [cand('a', lon, lat)], () => 2, { states: states() });
    expect(r.located[0]?.state).toBe(code);
    expect(r.located[0]?.country).toBe(code.slice(0, 2));
  });
  it('a point in Ontario is quarantined as outside US/MX', () => {
    const r = locateRecords('t', [cand('to', -79.3871, 43.6426, 'US')], () => 2, { states: states() });
    expect(r.located).toHaveLength(0);
    expect(r.quarantined[0]!.reason).toMatch(/outside US\/MX.*CA-ON/);
  });
  it('a point far at sea is quarantined', () => {
    const r = locateRecords('t', [cand('sea', -140, 30)], () => 2, { states: states() });
    expect(r.quarantined[0]!.reason).toContain('outside every US/MX state polygon');
  });
  it('a pier a little off the generalised coast takes the nearest state (Santa Monica pier)', () => {
    const r = locateRecords('t', [cand('pier', -118.4986, 34.0086, 'US')], () => 2, { states: states() });
    expect(r.located[0]?.state).toBe('US-CA');
  });
  it('a border-city point of the stated country keeps it despite the generalised border (Detroit, El Paso)', () => {
    const r = locateRecords('t', [cand('det', -83.0383, 42.3301, 'US'), cand('elp', -106.4856, 31.7598, 'US')], () => 2, { states: states() });
    expect(r.located.map((x) => x.state)).toEqual(['US-MI', 'US-TX']);
  });
});

describe('state assignment on fixture polygons', () => {
  const states = fixtureStates();
  it('inside, nearest within 10 km, and too far', () => {
    const r = locateRecords('t', [cand('in', -97.74, 30.27), cand('near', -93.45, 30.0), cand('far', -92.0, 30.0)], () => 2, { states });
    expect(r.located.map((x) => [x.sourceRecordId, x.state])).toEqual([
      ['in', 'US-TX'],
      ['near', 'US-TX'],
    ]);
    expect(r.snapped).toBe(1);
    expect(r.quarantined.map((q) => q.recordId)).toEqual(['far']);
  });
  it('Monterrey -> MX-NLE; Toronto quarantined', () => {
    const r = locateRecords('t', [cand('mty', -100.3161, 25.6866, 'MX'), cand('to', -79.3871, 43.6426)], () => 2, { states });
    expect(r.located[0]?.state).toBe('MX-NLE');
    expect(r.quarantined[0]!.reason).toContain('CA-ON');
  });
});
