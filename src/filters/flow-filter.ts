import type { FlowRecord } from '../data/atlas-format.ts';
import type { MaskInput } from './layer-mask.ts';

/**
 * A flow passes when its material and relation pass the flow filters and at least one end lies in
 * a selected country (a US→MX link shows when either country is on). With a state filter, a flow
 * passes when one of its ends is a facility in a selected state (`facilityStates`: id → state code).
 */
export function flowPasses(flow: FlowRecord, input: MaskInput, facilityStates?: ReadonlyMap<string, string | null>): boolean {
  const { flowMaterial, flowRelation, state } = input.filters;
  if (flowMaterial !== null && !flowMaterial.includes(flow.material)) return false;
  if (flowRelation !== null && !flowRelation.includes(flow.relation)) return false;
  const countries = input.countries as readonly string[];
  if (!countries.includes(flow.from.country) && !countries.includes(flow.to.country)) return false;
  if (state !== null && facilityStates) {
    const endStates = [flow.from.facilityId, flow.to.facilityId].map((id) => (id ? facilityStates.get(id) : undefined));
    if (!endStates.some((code) => code && state.includes(code))) return false;
  }
  return true;
}

export function computeFlowMask(flows: readonly FlowRecord[], input: MaskInput, facilityStates?: ReadonlyMap<string, string | null>): Uint8Array {
  const mask = new Uint8Array(flows.length);
  flows.forEach((flow, index) => {
    mask[index] = flowPasses(flow, input, facilityStates) ? 1 : 0;
  });
  return mask;
}
