import type { FlowRecord } from '../data/atlas-format.ts';
import type { FilterDecl } from '../map/layer-spec.ts';
import { FLOW_LAYER_SPECS } from '../map/layers/index.ts';
import type { MaskInput } from './layer-mask.ts';

const DEFAULT_FLOW_FILTERS: readonly FilterDecl[] = FLOW_LAYER_SPECS[0]?.filters ?? [];

/**
 * A flow passes when each of its fields passes the flow layer's filters (material, relation...) and
 * at least one end lies in a selected country (a US→MX link shows when either country is on). With
 * a state filter, a flow passes when one of its ends is in a selected state (the end's `state`,
 * written by the pipeline).
 */
export function flowPasses(flow: FlowRecord, input: MaskInput, filters: readonly FilterDecl[] = DEFAULT_FLOW_FILTERS): boolean {
  for (const { param, column } of filters) {
    const allowed = input.filters[param];
    if (allowed === null || allowed === undefined) continue;
    const value = (flow as unknown as Record<string, unknown>)[column];
    if (typeof value !== 'string' || !allowed.includes(value)) return false;
  }
  const countries = input.countries as readonly string[];
  if (!countries.includes(flow.from.country) && !countries.includes(flow.to.country)) return false;
  const states = input.filters.state;
  if (states !== null && states !== undefined) {
    if (![flow.from.state, flow.to.state].some((code) => code && states.includes(code))) return false;
  }
  return true;
}

export function computeFlowMask(flows: readonly FlowRecord[], input: MaskInput, filters: readonly FilterDecl[] = DEFAULT_FLOW_FILTERS): Uint8Array {
  const mask = new Uint8Array(flows.length);
  flows.forEach((flow, index) => {
    mask[index] = flowPasses(flow, input, filters) ? 1 : 0;
  });
  return mask;
}
