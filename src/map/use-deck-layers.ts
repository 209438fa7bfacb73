import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { POINT_LAYER_IDS, type PointLayerId } from '../data/atlas-format.ts';
import { useLayerColumns } from '../data/queries.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { computeLayerMask } from '../filters/layer-mask.ts';
import { useAtlasStore, pickAtlasState } from '../state/store.ts';
import { useShallow } from 'zustand/react/shallow';
import { POINT_LAYER_MODULES } from './layers/index.ts';
import { orderModules } from './layer-registry.ts';

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

/** Visible-row masks per layer, recomputed only when the country or attribute filters change. */
export function useLayerMasks(columns: Partial<Record<PointLayerId, LayerColumns>>): Partial<Record<PointLayerId, Uint8Array>> {
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  return useMemo(() => {
    const masks: Partial<Record<PointLayerId, Uint8Array>> = {};
    for (const id of POINT_LAYER_IDS) {
      const data = columns[id];
      if (data) masks[id] = computeLayerMask(data, { countries, filters });
    }
    return masks;
  }, [columns, countries, filters]);
}

export function useDeckLayers(): Layer[] {
  const columns = usePointLayerColumns();
  const masks = useLayerMasks(columns);
  const state = useAtlasStore(useShallow(pickAtlasState));
  const zoomLevel = Math.floor(state.view.zoom);
  return useMemo(() => {
    const layers: Layer[] = [];
    for (const module of orderModules(Object.values(POINT_LAYER_MODULES))) {
      const id = module.id as PointLayerId;
      const data = columns[id];
      const mask = masks[id];
      if (!data || !mask) continue;
      layers.push(...module.build({ data: { data, mask, visible: state.layers[id] }, state, zoomLevel }));
    }
    return layers;
    // state.view changes on every pan; modules only need the zoom level
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, masks, state.layers, state.selection, state.language, zoomLevel]);
}
