import { describe, expect, it } from 'vitest';
import { computeLayerMask, countVisible } from '../../src/filters/layer-mask.ts';
import { defaultFilters, type AtlasState } from '../../src/state/atlas-state.ts';
import type { FilterDecl } from '../../src/map/layer-spec.ts';
import { COUNTRY, makeColumns } from './map-fixtures.ts';

const LEVELS = { kind: 'bitmask' as const, categories: ['L1', 'L2', 'DC'] };
const NETWORK = { kind: 'category' as const, categories: ['unknown', 'Tesla', 'CFE', 'Other'] };
const STATE = { kind: 'category' as const, categories: ['unknown', 'US-CA', 'US-TX', 'MX-NLE'] };
const FILTERS: FilterDecl[] = [
  { param: 'chargerLevel', column: 'level' },
  { param: 'chargerNetwork', column: 'network' },
];

// rows: 0 US DC+L2 Tesla CA · 1 US L1 CFE TX · 2 MX none unknown NLE · 3 MX L2 Other NLE · 4 unknown-country DC Tesla
const small = makeColumns(
  'chargers',
  [
    [-118, 34],
    [-97, 30],
    [-100, 25.7],
    [-100.3, 25.6],
    [-99, 19],
  ],
  {
    country: { ...COUNTRY, values: [1, 1, 2, 2, 0] },
    state: { ...STATE, values: [1, 2, 3, 3, 0] },
    level: { ...LEVELS, values: [0b110, 0b001, 0, 0b010, 0b100] },
    network: { ...NETWORK, values: [1, 2, 0, 3, 1] },
  },
);

const input = (countries: AtlasState['countries'], filters: Partial<AtlasState['filters']> = {}) => ({
  countries,
  filters: { ...defaultFilters(), ...filters } as AtlasState['filters'],
});
const rows = (mask: Uint8Array) => [...mask.keys()].filter((row) => mask[row] === 1);

describe('computeLayerMask', () => {
  it('keeps every row of the chosen countries when no attribute filter is set', () => {
    expect(rows(computeLayerMask(small, input(['US', 'MX']), FILTERS))).toEqual([0, 1, 2, 3]);
    expect(rows(computeLayerMask(small, input(['MX']), FILTERS))).toEqual([2, 3]);
    expect(rows(computeLayerMask(small, input([]), FILTERS))).toEqual([]);
  });

  it('a bitmask filter passes rows with any allowed bit, and rows with no bit only when unknown is allowed', () => {
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: ['DC'] }), FILTERS))).toEqual([0]);
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: ['L2'] }), FILTERS))).toEqual([0, 3]);
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: ['unknown'] }), FILTERS))).toEqual([2]);
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: ['L1', 'L2', 'DC'] }), FILTERS))).toEqual([0, 1, 3]);
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: ['L1', 'L2', 'DC', 'unknown'] }), FILTERS))).toEqual([0, 1, 2, 3]);
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { chargerLevel: [] }), FILTERS))).toEqual([]);
  });

  it('combines country, state, attribute filters and the layer’s fixed restrictions', () => {
    expect(rows(computeLayerMask(small, input(['US', 'MX'], { state: ['MX-NLE', 'US-TX'], chargerNetwork: ['CFE', 'Other'] }), FILTERS))).toEqual([1, 3]);
    expect(rows(computeLayerMask(small, input(['US', 'MX']), FILTERS, [{ column: 'network', values: ['Tesla'] }]))).toEqual([0]);
    // a filter of a column the data does not have restricts nothing
    expect(rows(computeLayerMask(small, input(['US']), [{ param: 'chargerStatus', column: 'status' }]))).toEqual([0, 1]);
  });

  it('overwrites a reused target completely', () => {
    const target = new Uint8Array(5).fill(1);
    computeLayerMask(small, input(['MX']), FILTERS, [], target);
    expect([...target]).toEqual([0, 0, 1, 1, 0]);
    target.fill(0);
    computeLayerMask(small, input(['US', 'MX']), FILTERS, [], target);
    expect(countVisible(target)).toBe(4);
  });

  it('agrees with a row-by-row reading of the filters on random data', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed >>> 12) % n;
    };
    const count = 5000;
    const country = Array.from({ length: count }, () => random(3));
    const state = Array.from({ length: count }, () => random(4));
    const level = Array.from({ length: count }, () => random(8));
    const network = Array.from({ length: count }, () => random(4));
    const data = makeColumns(
      'chargers',
      Array.from({ length: count }, (_, i) => [-100 + (i % 50), 20 + (i % 20)] as [number, number]),
      { country: { ...COUNTRY, values: country }, state: { ...STATE, values: state }, level: { ...LEVELS, values: level }, network: { ...NETWORK, values: network } },
    );
    const cases: [AtlasState['countries'], Partial<AtlasState['filters']>][] = [
      [['MX'], {}],
      [['US', 'MX'], { chargerLevel: ['DC', 'unknown'] }],
      [['US'], { chargerLevel: ['L1'], chargerNetwork: ['Tesla', 'unknown'] }],
      [['US', 'MX'], { state: ['US-TX', 'MX-NLE'], chargerNetwork: ['CFE'] }],
      [['MX'], { chargerLevel: ['L2', 'DC'], state: ['unknown', 'MX-NLE'] }],
    ];
    for (const [countries, filters] of cases) {
      const mask = computeLayerMask(data, input(countries, filters), FILTERS);
      const expected = country.map((c, row) => {
        const allowed = (list: readonly string[] | null | undefined, value: string) => list == null || list.includes(value);
        const bits = level[row]!;
        const levelPasses =
          filters.chargerLevel == null ||
          (bits === 0
            ? filters.chargerLevel.includes('unknown')
            : LEVELS.categories.some((name, bit) => (bits & (1 << bit)) !== 0 && filters.chargerLevel!.includes(name)));
        return (
          (countries as string[]).includes(COUNTRY.categories[c]!) &&
          allowed(filters.state, STATE.categories[state[row]!]!) &&
          levelPasses &&
          allowed(filters.chargerNetwork, NETWORK.categories[network[row]!]!)
        );
      });
      expect([...mask].map(Boolean)).toEqual(expected);
      expect(countVisible(mask)).toBeGreaterThan(0);
      expect(countVisible(mask)).toBeLessThan(count);
    }
  });
});
