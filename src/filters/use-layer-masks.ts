import { useMemo } from 'react';
import { POINT_LAYER_IDS, type LayerId, type PointLayerId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { useFlows, useLayerColumns } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import type { AtlasState } from '../state/atlas-state.ts';
import { computeLayerMask, countVisible } from './layer-mask.ts';
import { computeFlowMask } from './flow-filter.ts';

/** Columns of every point layer (undefined while loading or when unavailable). */
export function usePointLayerColumns(): Partial<Record<PointLayerId, LayerColumns>> {
  const chargers = useLayerColumns('chargers').data;
  const minerals = useLayerColumns('minerals').data;
  const batteryPlants = useLayerColumns('battery-plants').data;
  const assemblyPlants = useLayerColumns('assembly-plants').data;
  return useMemo(
    () => ({ chargers, minerals, 'battery-plants': batteryPlants, 'assembly-plants': assemblyPlants }),
    [chargers, minerals, batteryPlants, assemblyPlants],
  );
}

/**
 * One mask per layer data and filter state, shared by every component that asks (the map and the
 * legend read the same mask; it is computed once per filter change).
 */
const maskCache = new WeakMap<LayerColumns, { countries: AtlasState['countries']; filters: AtlasState['filters']; mask: Uint8Array }>();

export function getLayerMask(data: LayerColumns, countries: AtlasState['countries'], filters: AtlasState['filters']): Uint8Array {
  const cached = maskCache.get(data);
  if (cached && cached.countries === countries && cached.filters === filters) return cached.mask;
  const mask = computeLayerMask(data, { countries, filters });
  maskCache.set(data, { countries, filters, mask });
  return mask;
}

export function useLayerMasks(): { columns: Partial<Record<PointLayerId, LayerColumns>>; masks: Partial<Record<PointLayerId, Uint8Array>> } {
  const columns = usePointLayerColumns();
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  const masks = useMemo(() => {
    const result: Partial<Record<PointLayerId, Uint8Array>> = {};
    for (const id of POINT_LAYER_IDS) {
      const data = columns[id];
      if (data) result[id] = getLayerMask(data, countries, filters);
    }
    return result;
  }, [columns, countries, filters]);
  return { columns, masks };
}

/** Facility id → state code, for the flows' state filter; built from the facility layers' details when loaded. */
export function useFlowMask(facilityStates?: ReadonlyMap<string, string | null>) {
  const flows = useFlows().data;
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  const mask = useMemo(() => (flows ? computeFlowMask(flows, { countries, filters }, facilityStates) : undefined), [flows, countries, filters, facilityStates]);
  return { flows, mask };
}

/** Features of each layer that pass the current filters (undefined while a layer loads). */
export function useVisibleCounts(): Partial<Record<LayerId, number>> {
  const { masks } = useLayerMasks();
  const { mask: flowMask } = useFlowMask();
  return useMemo(() => {
    const counts: Partial<Record<LayerId, number>> = {};
    for (const id of POINT_LAYER_IDS) {
      const mask = masks[id];
      if (mask) counts[id] = countVisible(mask);
    }
    if (flowMask) counts.flows = countVisible(flowMask);
    return counts;
  }, [masks, flowMask]);
}
