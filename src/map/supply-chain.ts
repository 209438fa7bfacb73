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

/** Countries drawn on the atlas's frame: a flow end elsewhere is "overseas" and drawn as a stub, not an arc. */
export const FRAME_COUNTRIES: readonly string[] = ['US', 'MX', 'CA'];

/** Which end of a flow lies outside the frame, when exactly one does; null when both ends are in it (or both out). */
export function overseasEnd(flow: FlowRecord): 'from' | 'to' | null {
  const fromIn = FRAME_COUNTRIES.includes(flow.from.country);
  const toIn = FRAME_COUNTRIES.includes(flow.to.country);
  if (fromIn === toIn) return null;
  return fromIn ? 'to' : 'from';
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Initial great-circle bearing (degrees from north) from a to b, both [lon, lat]. */
export function bearingDeg(a: [number, number], b: [number, number]): number {
  const [l1, p1, l2, p2] = [rad(a[0]), rad(a[1]), rad(b[0]), rad(b[1])];
  const y = Math.sin(l2 - l1) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(l2 - l1);
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** The point `km` from `a` along the great circle of initial bearing `bearing`. */
export function destination(a: [number, number], bearing: number, km: number): [number, number] {
  const d = km / EARTH_KM;
  const t = rad(bearing);
  const p1 = rad(a[1]);
  const l1 = rad(a[0]);
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [((deg(l2) + 540) % 360) - 180, deg(p2)];
}

export function greatCircleKm(a: [number, number], b: [number, number]): number {
  const dp = rad(b[1] - a[1]);
  const dl = rad(b[0] - a[0]);
  const h = Math.sin(dp / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of an overseas stub, km (at most half the way to the far end). */
export const OVERSEAS_STUB_KM = 900;

export interface OverseasStub {
  flow: FlowRecord;
  /** the overseas end ('from': material comes from overseas; 'to': it goes overseas) */
  end: 'from' | 'to';
  /** ISO country of the overseas end */
  country: string;
  /** the stub, from the in-frame end toward the overseas end along the great circle */
  path: [number, number][];
  /** the arrowhead (a chevron, two barbs) in the middle of the stub, pointing the way the material moves */
  arrow: [number, number][];
  /** where the label goes: the stub's far end */
  labelPosition: [number, number];
}

/**
 * A short great-circle stub from a flow's in-frame end toward its overseas end (China, Korea, Poland...), with an
 * arrowhead pointing the way the material moves, instead of an arc across the world. Null for a flow inside the frame.
 */
export function overseasStub(flow: FlowRecord, stubKm = OVERSEAS_STUB_KM): OverseasStub | null {
  const end = overseasEnd(flow);
  if (!end) return null;
  const far = end === 'from' ? flow.from : flow.to;
  const near = end === 'from' ? flow.to : flow.from;
  const a: [number, number] = [near.lon, near.lat];
  const b: [number, number] = [far.lon, far.lat];
  const length = Math.min(stubKm, greatCircleKm(a, b) / 2);
  const bearing = bearingDeg(a, b);
  const steps = 12;
  const path = Array.from({ length: steps + 1 }, (_, i) => destination(a, bearing, (length * i) / steps));
  // the arrowhead: at the stub's middle, pointing away from the frame for exports, into it for imports
  const middle = destination(a, bearing, length / 2);
  const heading = end === 'to' ? bearingDeg(middle, b) : (bearingDeg(middle, a) + 360) % 360;
  const barb = length * 0.16;
  const tip = destination(middle, heading, barb / 2);
  const arrow: [number, number][] = [destination(tip, heading + 180 - 35, barb), tip, destination(tip, heading + 180 + 35, barb)];
  return { flow, end, country: far.country, path, arrow, labelPosition: path[path.length - 1]! };
}
