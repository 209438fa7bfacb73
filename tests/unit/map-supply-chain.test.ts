import { describe, expect, it } from 'vitest';
import { chainEndpoints, chainForSelection, endpointKey, supplyChainOf } from '../../src/map/supply-chain.ts';
import { flow } from './map-fixtures.ts';

// mine → refinery → cathode → cells → vehicles ; other → cells ; vehicles → dealer (unmatched endpoint)
const MINE = 'minerals:a';
const REFINERY = 'battery-plants:refinery';
const CATHODE = 'battery-plants:cathode';
const CELLS = 'battery-plants:cells';
const CAR = 'assembly-plants:car';
const OTHER = 'battery-plants:other';
const flows = [
  flow('f1', MINE, REFINERY),
  flow('f2', REFINERY, CATHODE),
  flow('f3', CATHODE, CELLS),
  flow('f4', CELLS, CAR),
  flow('f5', OTHER, CELLS),
  flow('f6', CAR, null),
  flow('unrelated', 'minerals:z', 'battery-plants:y'),
];

describe('supply chain closure', () => {
  it('walks upstream and downstream transitively from a facility', () => {
    const chain = supplyChainOf(flows, CELLS);
    expect([...chain.upstreamFlows].sort()).toEqual(['flows:f1', 'flows:f2', 'flows:f3', 'flows:f5']);
    expect([...chain.downstreamFlows].sort()).toEqual(['flows:f4', 'flows:f6']);
    expect(chain.nodes.has(MINE)).toBe(true);
    expect(chain.nodes.has(OTHER)).toBe(true);
    expect(chain.nodes.has(CAR)).toBe(true);
    expect(chain.nodes.has(endpointKey(flows[5]!.to))).toBe(true);
    expect(chain.flows.has('flows:unrelated')).toBe(false);
  });

  it('does not walk sideways: upstream of the car excludes what else the mine supplies downstream', () => {
    const branchy = [...flows, flow('side', REFINERY, 'battery-plants:side')];
    const chain = supplyChainOf(branchy, CAR);
    expect(chain.flows.has('flows:side')).toBe(false);
    expect(chain.flows.has('flows:f1')).toBe(true);
  });

  it('terminates on cycles', () => {
    const cyclic = [flow('a', 'x:1', 'x:2'), flow('b', 'x:2', 'x:3'), flow('c', 'x:3', 'x:1')];
    const chain = supplyChainOf(cyclic, 'x:1');
    expect(chain.flows.size).toBe(3);
    expect([...chain.nodes].sort()).toEqual(['x:1', 'x:2', 'x:3']);
  });

  it('a facility on no flow has no chain; a flow selection highlights itself and its two ends', () => {
    expect(chainForSelection(flows, 'minerals:nowhere')).toBeNull();
    const chain = chainForSelection(flows, 'flows:f3')!;
    expect([...chain.flows]).toEqual(['flows:f3']);
    expect([...chain.nodes].sort()).toEqual([CATHODE, CELLS]);
    expect(
      chainEndpoints(flows, chain)
        .map((e) => e.key)
        .sort(),
    ).toEqual([CATHODE, CELLS]);
  });
});
