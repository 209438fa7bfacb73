import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildChargerIndex,
  computeGap,
  distanceBand,
  gapFigures,
  greatCircleKm,
  greedyCandidates,
  levelMask,
  mappedByState,
  nearestChargerKm,
  NO_CHARGER_BAND,
  populationMask,
  portsNeeded,
  type PopulationPoints,
} from '../../src/analysis/gap.ts';

function points(rows: { lon: number; lat: number; pop: number; country: 'US' | 'MX'; state: string }[]): PopulationPoints {
  const states = ['unknown', ...new Set(rows.map((r) => r.state))];
  return {
    rowCount: rows.length,
    position: Float32Array.from(rows.flatMap((r) => [r.lon, r.lat])),
    population: Float32Array.from(rows.map((r) => r.pop)),
    country: Uint8Array.from(rows.map((r) => (r.country === 'US' ? 1 : 2))),
    countries: ['unknown', 'US', 'MX'],
    state: Uint8Array.from(rows.map((r) => states.indexOf(r.state))),
    states,
  };
}
const chargersAt = (coords: [number, number][]) => buildChargerIndex(Float32Array.from(coords.flat()));

describe('distance', () => {
  it('is the great-circle distance (one degree of latitude ≈ 111.19 km)', () => {
    expect(greatCircleKm(-100, 30, -100, 31)).toBeCloseTo(111.195, 2);
    expect(greatCircleKm(0, 0, 180, 0)).toBeCloseTo(Math.PI * 6371, 3);
  });

  it('finds the nearest charger, skipping masked ones, with both search strategies', () => {
    const pop = points([{ lon: -100, lat: 30, pop: 10, country: 'US', state: 'US-TX' }]);
    const index = chargersAt([
      [-100, 30.1],
      [-100, 31],
      [-100, 35],
    ]);
    for (const strategy of ['skip', 'rebuild'] as const) {
      expect(nearestChargerKm(index, null, pop, null, strategy).distances[0]).toBeCloseTo(greatCircleKm(-100, 30, -100, Math.fround(30.1)), 6);
      const mask = Uint8Array.from([0, 1, 1]);
      expect(nearestChargerKm(index, mask, pop, null, strategy).distances[0]).toBeCloseTo(greatCircleKm(-100, 30, -100, 31), 6);
    }
  });

  it('counts a point exactly at R as covered, and one just beyond as not', () => {
    const pop = points([
      { lon: -100, lat: 30, pop: 100, country: 'US', state: 'US-TX' },
      { lon: -100, lat: 29, pop: 7, country: 'US', state: 'US-TX' },
    ]);
    const index = chargersAt([[-100, 31]]);
    const { distances } = nearestChargerKm(index, null, pop, null);
    const r = distances[0]!; // exactly the first point's distance
    const figures = gapFigures(pop, distances, r);
    expect(figures.total).toEqual({ population: 107, beyond: 7, share: 7 / 107 });
    expect(gapFigures(pop, distances, r - 1e-9).total.beyond).toBe(107);
  });

  it('puts everyone of a state with no charger beyond any R, and in the no-charger band when no charger passes', () => {
    const pop = points([
      { lon: -100, lat: 30, pop: 50, country: 'US', state: 'US-TX' },
      { lon: -105.9, lat: 35.7, pop: 30, country: 'US', state: 'US-NM' },
    ]);
    const index = chargersAt([[-100.01, 30]]);
    const { distances } = nearestChargerKm(index, null, pop, null);
    const figures = gapFigures(pop, distances, 80);
    expect(figures.byState.get('US-NM')).toEqual({ population: 30, beyond: 30, share: 1 });
    expect(figures.byState.get('US-TX')).toEqual({ population: 50, beyond: 0, share: 0 });
    const none = nearestChargerKm(index, Uint8Array.from([0]), pop, null);
    expect([...none.distances]).toEqual([Infinity, Infinity]);
    expect(distanceBand(none.distances[0]!)).toBe(NO_CHARGER_BAND);
    expect(gapFigures(pop, none.distances, 80).total).toEqual({ population: 80, beyond: 80, share: 1 });
  });

  it('measures Alaska and Hawaii to the nearest charger thousands of km away when they have none', () => {
    const pop = points([
      { lon: -149.9, lat: 61.2, pop: 290_000, country: 'US', state: 'US-AK' }, // Anchorage
      { lon: -157.86, lat: 21.31, pop: 1_000_000, country: 'US', state: 'US-HI' }, // Honolulu
      { lon: -122.42, lat: 37.77, pop: 870_000, country: 'US', state: 'US-CA' },
    ]);
    const index = chargersAt([
      [-122.4, 37.78],
      [-122.33, 47.6],
    ]);
    const { distances } = nearestChargerKm(index, null, pop, null);
    expect(distances[0]).toBeGreaterThan(2000); // Anchorage to Seattle ≈ 2,300 km
    expect(distances[1]).toBeGreaterThan(3800); // Honolulu to San Francisco ≈ 3,850 km
    expect(distances[2]).toBeLessThan(2.5);
    const figures = gapFigures(pop, distances, 80);
    expect(figures.byState.get('US-AK')!.share).toBe(1);
    expect(figures.byState.get('US-HI')!.share).toBe(1);
    // across the antimeridian and on the sphere, the search agrees with brute force
    expect(distances[0]).toBeCloseTo(greatCircleKm(Math.fround(-149.9), Math.fround(61.2), Math.fround(-122.33), Math.fround(47.6)), 6);
  });

  it('leaves points outside the population mask out of every figure', () => {
    const pop = points([
      { lon: -100, lat: 30, pop: 50, country: 'US', state: 'US-TX' },
      { lon: -100, lat: 25.7, pop: 40, country: 'MX', state: 'MX-NLE' },
    ]);
    const mask = populationMask(pop, ['MX'], null);
    expect([...mask]).toEqual([0, 1]);
    expect([...populationMask(pop, ['US', 'MX'], ['US-TX'])]).toEqual([1, 0]);
    const { distances } = nearestChargerKm(chargersAt([[-100, 25.8]]), null, pop, mask);
    expect(Number.isNaN(distances[0]!)).toBe(true);
    const figures = gapFigures(pop, distances, 50);
    expect(figures.total.population).toBe(40);
    expect([...figures.byCountry.keys()]).toEqual(['MX']);
  });
});

describe('greedy candidate sites', () => {
  it('ranks by people newly covered, discounting those an earlier pick covers', () => {
    // three towns 20 km apart on a line, one remote town; R = 30 km; no charger anywhere
    const km = 1 / 111.195;
    const pop = points([
      { lon: 0, lat: 0, pop: 100, country: 'MX', state: 'MX-A' },
      { lon: 0, lat: 20 * km, pop: 300, country: 'MX', state: 'MX-A' },
      { lon: 0, lat: 40 * km, pop: 100, country: 'MX', state: 'MX-A' },
      { lon: 5, lat: 0, pop: 250, country: 'MX', state: 'MX-B' },
    ]);
    const distances = Float64Array.from([Infinity, Infinity, Infinity, Infinity]);
    const picks = greedyCandidates(pop, distances, 30);
    expect(picks.map((p) => [p.row, p.newlyCovered])).toEqual([
      [1, 500],
      [3, 250],
    ]);
    expect(picks.map((p) => p.rank)).toEqual([1, 2]);
    expect(greedyCandidates(pop, distances, 30, 1)).toHaveLength(1);
  });

  it('covers neighbours across the antimeridian (the Aleutians)', () => {
    const pop = points([
      { lon: 179.9, lat: 52, pop: 100, country: 'US', state: 'US-AK' },
      { lon: -179.9, lat: 52, pop: 50, country: 'US', state: 'US-AK' },
    ]);
    const picks = greedyCandidates(pop, Float64Array.from([Infinity, Infinity]), 30);
    expect(picks.map((p) => [p.row, p.newlyCovered])).toEqual([[0, 150]]);
  });

  it('ignores people already within R of a charger', () => {
    const pop = points([
      { lon: 0, lat: 0, pop: 1000, country: 'MX', state: 'MX-A' },
      { lon: 3, lat: 0, pop: 10, country: 'MX', state: 'MX-A' },
    ]);
    const result = computeGap(chargersAt([[0.01, 0]]), null, pop, null, 50);
    expect(result.candidates.map((p) => [p.row, p.newlyCovered])).toEqual([[1, 10]]);
    expect(result.figures.total.beyond).toBe(10);
  });
});

describe('level mask, mapped sites and the ports scenario', () => {
  it('selects rows with the DC bit, as the level filter does (unknown levels excluded)', () => {
    expect([...levelMask([0b100, 0b010, 0, 0b110], ['L1', 'L2', 'DC'], 'DC')]).toEqual([1, 0, 0, 1]);
  });
  it('counts mapped DC sites per state with known ports', () => {
    const m = mappedByState([0b100, 0b100, 0b010], ['L1', 'L2', 'DC'], 'DC', Float32Array.from([4, NaN, 2]), [1, 1, 1], ['unknown', 'US-TX'], Uint8Array.from([1, 1, 1]));
    expect(m.get('US-TX')).toEqual({ sites: 2, sitesWithPorts: 1, ports: 4 });
  });
  it('applies the NREL 2030 ratios', () => {
    expect(portsNeeded(1000)).toEqual({ dc: 6, l2: 30 });
    expect(portsNeeded(3_555_445).dc).toBe(19555);
  });
});

const coordArb = fc.tuple(fc.double({ min: -125, max: -85, noNaN: true }), fc.double({ min: 14, max: 50, noNaN: true }));

describe('properties', () => {
  it('adding a charger never increases anyone’s distance', () => {
    fc.assert(
      fc.property(fc.array(coordArb, { minLength: 1, maxLength: 40 }), fc.array(coordArb, { minLength: 1, maxLength: 15 }), coordArb, (people, stations, extra) => {
        const pop = points(people.map(([lon, lat]) => ({ lon, lat, pop: 1, country: 'US', state: 'US-X' })));
        const before = nearestChargerKm(chargersAt(stations), null, pop, null).distances;
        const after = nearestChargerKm(chargersAt([...stations, extra]), null, pop, null).distances;
        for (let i = 0; i < pop.rowCount; i++) expect(after[i]!).toBeLessThanOrEqual(before[i]! + 1e-9);
        // and the index agrees with brute force
        for (let i = 0; i < pop.rowCount; i++) {
          const brute = Math.min(...stations.map(([lon, lat]) => greatCircleKm(pop.position[i * 2]!, pop.position[i * 2 + 1]!, Math.fround(lon), Math.fround(lat))));
          expect(before[i]!).toBeCloseTo(brute, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('greedy picks come in decreasing order of newly covered people and never count a person twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordArb, fc.integer({ min: 1, max: 10_000 })), { minLength: 1, maxLength: 60 }),
        fc.array(coordArb, { maxLength: 5 }),
        fc.constantFrom(1.6, 30, 50, 80, 300),
        (people, stations, r) => {
          const pop = points(people.map(([[lon, lat], n]) => ({ lon, lat, pop: n, country: 'MX', state: 'MX-X' })));
          const result = computeGap(chargersAt(stations), null, pop, null, r);
          const picks = result.candidates;
          for (let i = 1; i < picks.length; i++) expect(picks[i]!.newlyCovered).toBeLessThanOrEqual(picks[i - 1]!.newlyCovered);
          const total = picks.reduce((sum, p) => sum + p.newlyCovered, 0);
          expect(total).toBeLessThanOrEqual(result.figures.total.beyond);
          if (result.figures.total.beyond > 0) expect(picks.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
