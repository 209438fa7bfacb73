/** State figures under the current filters, for the choropleth, the statistics panel and the state profile. */
import { useMemo } from 'react';
import type { StateRecord } from '../data/atlas-format.ts';
import { useStates } from '../data/queries.ts';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { countByState, stateValues, type StateMeasure, type StateValue } from './state-measures.ts';
import { useGapShares } from './use-gap.ts';

/** Visible features per state for every point layer (layer id → state code → count); recomputed only when masks change. */
export function useStateCounts(): Partial<Record<string, Map<string, number>>> {
  const { columns, masks } = useLayerMasks();
  return useMemo(() => {
    const result: Partial<Record<string, Map<string, number>>> = {};
    for (const spec of POINT_LAYER_SPECS) {
      const data = columns[spec.dataset];
      const mask = masks[spec.id];
      if (data && mask) result[spec.id] = countByState(data, mask);
    }
    return result;
  }, [columns, masks]);
}

export interface StateValues {
  states: StateRecord[] | undefined;
  /** undefined while the states or the layer load */
  values: StateValue[] | undefined;
  statesError: boolean;
}

/** Every state's count, measure value and ranks for one layer under the current filters. */
export function useStateValues(layerId: string | null, measure: StateMeasure): StateValues {
  const statesQuery = useStates();
  const counts = useStateCounts();
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
