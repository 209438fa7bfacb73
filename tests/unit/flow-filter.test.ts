import { describe, expect, it } from 'vitest';
import { computeFlowMask, flowPasses } from '../../src/filters/flow-filter.ts';
import { countVisible } from '../../src/filters/layer-mask.ts';
import { defaultFilters } from '../../src/state/atlas-state.ts';
import { flow } from './map-fixtures.ts';

const both = ['US', 'MX'] as const;

function withEnds(id: string, from: { country: string; state: string | null }, to: { country: string; state: string | null }, extra = {}) {
  const f = flow(id, null, null, extra);
  return { ...f, from: { ...f.from, ...from }, to: { ...f.to, ...to } };
}

const flows = [
  withEnds('mi-nle', { country: 'US', state: 'US-MI' }, { country: 'MX', state: 'MX-NLE' }, { material: 'cells' }),
  withEnds('nv-ca', { country: 'US', state: 'US-NV' }, { country: 'US', state: 'US-CA' }, { material: 'lithium', relation: 'offtake' }),
  withEnds('kr-ga', { country: 'KR', state: null }, { country: 'US', state: 'US-GA' }, { material: 'cells' }),
];

describe('flow filter', () => {
  it('keeps a flow when either end is in a selected state, and counts what the map draws', () => {
    const input = { countries: [...both], filters: { ...defaultFilters(), state: ['MX-NLE', 'US-GA'] } };
    expect(flows.map((f) => flowPasses(f, input))).toEqual([true, false, true]);
    expect(countVisible(computeFlowMask(flows, input))).toBe(2);
    expect(countVisible(computeFlowMask(flows, { countries: [...both], filters: defaultFilters() }))).toBe(3);
  });

  it('applies the flow layer filters declared in its spec (material, relation) and the countries', () => {
    expect(countVisible(computeFlowMask(flows, { countries: [...both], filters: { ...defaultFilters(), flowMaterial: ['cells'] } }))).toBe(2);
    expect(countVisible(computeFlowMask(flows, { countries: [...both], filters: { ...defaultFilters(), flowRelation: ['offtake'] } }))).toBe(1);
    // a flow shows when either end is in a selected country
    expect(flows.map((f) => flowPasses(f, { countries: ['MX'], filters: defaultFilters() }))).toEqual([true, false, false]);
  });

  it('hides every flow when a state filter names no end, and keeps flows with unknown end states out of a state filter', () => {
    const input = { countries: [...both], filters: { ...defaultFilters(), state: ['US-TX'] } };
    expect(countVisible(computeFlowMask(flows, input))).toBe(0);
    const older = { ...flows[0]!, from: { ...flows[0]!.from, state: undefined }, to: { ...flows[0]!.to, state: undefined } };
    expect(flowPasses(older, { countries: [...both], filters: { ...defaultFilters(), state: ['MX-NLE'] } })).toBe(false);
  });
});
