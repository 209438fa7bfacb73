/**
 * Supply chains over the curated flows: which flows and facilities lie upstream (material flowing
 * into the selection, transitively) and downstream (flowing out of it, transitively).
 * Pure functions, no React, no deck.gl: unit-tested in tests/unit/map-supply-chain.test.ts.
 */
import type { FlowEndpoint, FlowRecord } from '../data/atlas-format.ts';

/** Node key of a flow endpoint: its facility id, or its rounded coordinates when it matched no facility. */
export function endpointKey(endpoint: FlowEndpoint): string {
  return endpoint.facilityId ?? `@${endpoint.lon.toFixed(3)},${endpoint.lat.toFixed(3)}`;
}

export interface SupplyChain {
  /** endpoint keys (facility ids, or '@lon,lat' for unmatched endpoints) in the chain, the start included */
  nodes: Set<string>;
  /** ids of the flows on the chain */
  flows: Set<string>;
  /** flows into the start, transitively */
  upstreamFlows: Set<string>;
  /** flows out of the start, transitively */
  downstreamFlows: Set<string>;
}

function walk(flows: readonly FlowRecord[], start: string, direction: 'up' | 'down', nodes: Set<string>, flowIds: Set<string>): void {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const flow of flows) {
      const [near, far] = direction === 'up' ? [flow.to, flow.from] : [flow.from, flow.to];
      if (endpointKey(near) !== node) continue;
      flowIds.add(flow.id);
      const next = endpointKey(far);
      nodes.add(next);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
}

/**
 * Upstream and downstream closure from a facility (atlas id) or endpoint key. Cycles terminate
 * (each node is expanded once per direction). A facility on no flow gives a chain of just itself.
 */
export function supplyChainOf(flows: readonly FlowRecord[], facilityId: string): SupplyChain {
  const nodes = new Set<string>([facilityId]);
  const upstreamFlows = new Set<string>();
  const downstreamFlows = new Set<string>();
  walk(flows, facilityId, 'up', nodes, upstreamFlows);
  walk(flows, facilityId, 'down', nodes, downstreamFlows);
  return { nodes, flows: new Set([...upstreamFlows, ...downstreamFlows]), upstreamFlows, downstreamFlows };
}

/** A selected arc highlights itself and its two endpoints. */
export function chainOfFlow(flow: FlowRecord): SupplyChain {
  return {
    nodes: new Set([endpointKey(flow.from), endpointKey(flow.to)]),
    flows: new Set([flow.id]),
    upstreamFlows: new Set(),
    downstreamFlows: new Set(),
  };
}

/** The highlighted chain for a selection id (a facility or a flow), or null when nothing is selected or it is on no flow. */
export function chainForSelection(flows: readonly FlowRecord[] | undefined, selection: string | null): SupplyChain | null {
  if (!flows || !selection) return null;
  if (selection.startsWith('flows:')) {
    const flow = flows.find((f) => f.id === selection);
    return flow ? chainOfFlow(flow) : null;
  }
  const chain = supplyChainOf(flows, selection);
  return chain.flows.size ? chain : null;
}

/** Positions of the chain's endpoints (for the highlight rings), from the flows themselves. */
export function chainEndpoints(flows: readonly FlowRecord[], chain: SupplyChain): { key: string; position: [number, number] }[] {
  const result = new Map<string, [number, number]>();
  for (const flow of flows) {
    if (!chain.flows.has(flow.id)) continue;
    for (const end of [flow.from, flow.to]) {
      const key = endpointKey(end);
      if (chain.nodes.has(key) && !result.has(key)) result.set(key, [end.lon, end.lat]);
    }
  }
  return [...result].map(([key, position]) => ({ key, position }));
}
