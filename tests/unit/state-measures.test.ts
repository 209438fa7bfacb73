import { describe, expect, it } from 'vitest';
import type { StateRecord } from '../../src/data/atlas-format.ts';
import { countByState, countWithoutState, measureValue, stateValues } from '../../src/analysis/state-measures.ts';
import { classOf, quantileBreaks } from '../../src/analysis/classes.ts';
import { classRanges, colorOfClass, NO_DATA_COLOR, ZERO_COLOR } from '../../src/analysis/class-colors.ts';
import { computeLayerMask } from '../../src/filters/layer-mask.ts';
import { defaultFilters } from '../../src/state/atlas-state.ts';
import { COUNTRY, makeColumns } from './map-fixtures.ts';

function state(code: string, population: number, areaKm2: number, bev: number | null = null): StateRecord {
  return {
    code,
    country: code.startsWith('US') ? 'US' : 'MX',
    nameEn: code,
    nameEs: code,
    population,
    areaKm2,
    bevRegistrations2023: bev,
    counts: {},
    published: [],
    sourceIds: [],
  };
}

const STATES = { kind: 'category' as const, categories: ['unknown', 'MX-NLE', 'US-CA', 'US-TX'] };
const LEVEL = { kind: 'bitmask' as const, categories: ['L1', 'L2', 'DC'] };
const chargers = makeColumns(
  'chargers',
  [
    [-118, 34],
    [-118, 35],
    [-97, 30],
    [-100, 25.7],
    [-100, 26],
    [-60, 10],
  ],
  {
    country: { ...COUNTRY, values: [1, 1, 1, 2, 2, 0] },
    state: { ...STATES, values: [2, 2, 3, 1, 1, 0] },
    level: { ...LEVEL, values: [0b100, 0b010, 0b100, 0b100, 0b010, 0b100] },
  },
);

describe('state aggregation', () => {
  it('counts the rows that pass the mask per state, and the rows with no state apart', () => {
    const all = computeLayerMask(chargers, { countries: ['US', 'MX'], filters: defaultFilters() });
    expect(Object.fromEntries(countByState(chargers, all))).toEqual({ 'US-CA': 2, 'US-TX': 1, 'MX-NLE': 2 });
    expect(countWithoutState(chargers, new Uint8Array([1, 1, 1, 1, 1, 1]))).toBe(1);
    const dcOnly = computeLayerMask(chargers, { countries: ['US', 'MX'], filters: { ...defaultFilters(), chargerLevel: ['DC'] } });
    expect(Object.fromEntries(countByState(chargers, dcOnly))).toEqual({ 'US-CA': 1, 'US-TX': 1, 'MX-NLE': 1 });
  });
});

describe('state measures', () => {
  const ca = state('US-CA', 39_538_223, 415_032, 1_256_646);
  const nle = state('MX-NLE', 5_784_442, 65_117);
  it('computes per-capita, per-area and battery EVs per charger, and null where a measure does not apply', () => {
    expect(measureValue('count', 'chargers', ca, 14_722)).toBe(14_722);
    expect(measureValue('per100k', 'chargers', ca, 14_722)).toBeCloseTo(37.235, 3);
    expect(measureValue('per10kKm2', 'chargers', ca, 14_722)).toBeCloseTo(354.72, 2);
    expect(measureValue('bevPerCharger', 'chargers', ca, 14_722)).toBeCloseTo(85.36, 2);
    expect(measureValue('bevPerCharger', 'chargers', nle, 8)).toBeNull();
    expect(measureValue('bevPerCharger', 'minerals', ca, 8)).toBeNull();
    expect(measureValue('bevPerCharger', 'chargers', ca, 0)).toBeNull();
  });

  it('ranks within each country and across both, ties sharing a rank', () => {
    const states = [ca, state('US-TX', 29_145_505, 695_662), state('US-NV', 3_104_614, 286_380), nle];
    const values = stateValues(
      states,
      new Map([
        ['US-CA', 10],
        ['US-TX', 10],
        ['US-NV', 2],
        ['MX-NLE', 5],
      ]),
      'chargers',
      'count',
    );
    const byCode = Object.fromEntries(values.map((v) => [v.state.code, [v.rankInCountry, v.rankBinational]]));
    expect(byCode).toEqual({ 'US-CA': [1, 1], 'US-TX': [1, 1], 'US-NV': [3, 4], 'MX-NLE': [1, 3] });
  });
});

describe('choropleth classes', () => {
  it('puts positive values in quantile classes, zero in its own class and no value apart', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, null])!;
    expect(breaks.thresholds.length).toBe(4);
    expect(classOf(breaks, 1)).toBe(0);
    expect(classOf(breaks, 10)).toBe(4);
    expect(classOf(breaks, 0)).toBe(-1);
    expect(classOf(breaks, null)).toBe(-2);
    expect(colorOfClass(breaks, -1)).toEqual(ZERO_COLOR);
    expect(colorOfClass(breaks, -2)).toEqual(NO_DATA_COLOR);
    const ranges = classRanges(breaks);
    expect(ranges[0]!.from).toBe(1);
    expect(ranges.at(-1)!.to).toBe(10);
    // colours run from light to dark
    const lightness = breaks.colors.map(([r, g, b]) => r + g + b);
    expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
  });

  it('merges equal thresholds when values repeat', () => {
    const breaks = quantileBreaks([5, 5, 5, 5, 5, 9])!;
    expect(new Set(breaks.thresholds).size).toBe(breaks.thresholds.length);
    expect(breaks.colors.length).toBe(breaks.thresholds.length + 1);
  });
});
