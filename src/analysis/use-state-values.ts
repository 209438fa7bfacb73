/** State figures under the current filters, for the choropleth, the statistics panel and the state profile. */
import { useMemo } from 'react';
import type { StateRecord } from '../data/atlas-format.ts';
import { useStates } from '../data/queries.ts';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { countByState, stateValues, type StateMeasure, type StateValue } from './state-measures.ts';
import { useGapShares } from './use-gap.ts';

/**
 * Visible features per state (layer id → state code → count), for every point layer or only the
 * ones named; recomputed only when their masks change.
 */
export function useStateCounts(layerIds?: readonly string[]): Partial<Record<string, Map<string, number>>> {
  const { columns, masks } = useLayerMasks();
  const wanted = layerIds?.join(',');
  return useMemo(() => {
    const result: Partial<Record<string, Map<string, number>>> = {};
    const only = wanted === undefined ? null : new Set(wanted.split(','));
    for (const spec of POINT_LAYER_SPECS) {
      if (only && !only.has(spec.id)) continue;
      const data = columns[spec.dataset];
      const mask = masks[spec.id];
      if (data && mask) result[spec.id] = countByState(data, mask);
    }
    return result;
  }, [columns, masks, wanted]);
}

const NO_LAYERS: readonly string[] = [];

export interface StateValues {
  states: StateRecord[] | undefined;
  /** undefined while the states or the layer load */
  values: StateValue[] | undefined;
  statesError: boolean;
}

/** Every state's count, measure value and ranks for one layer under the current filters. */
export function useStateValues(layerId: string | null, measure: StateMeasure): StateValues {
  // the states table loads with the first state view, not with the first map
  const statesQuery = useStates(layerId !== null);
  // only the counted layer: nothing is computed on a filter change while no choropleth is shown
  const counts = useStateCounts(layerId ? [layerId] : NO_LAYERS);
  const layerCounts = layerId ? counts[layerId] : undefined;
  const states = statesQuery.data;
  // the share of people beyond R km comes from the gap analysis (computed only when this measure is shown)
  const gapShares = useGapShares(measure === 'shareBeyondR' && layerId === 'chargers');
  const values = useMemo(
    () => (states && layerId && layerCounts ? stateValues(states, layerCounts, layerId, measure, gapShares) : undefined),
    [states, layerCounts, layerId, measure, gapShares],
  );
  return { states, values, statesError: statesQuery.isError };
}
