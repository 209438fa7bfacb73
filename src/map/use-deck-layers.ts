import { useMemo } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { PointLayerId } from '../data/atlas-format.ts';
import { useAtlasStore, pickAtlasState } from '../state/store.ts';
import { useShallow } from 'zustand/react/shallow';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { POINT_LAYER_MODULES } from './layers/index.ts';
import { orderModules } from './layer-registry.ts';

export interface DeckBindings {
  deckLayers: Layer[];
  onFeatureClick?: (info: PickingInfo) => void;
  getTooltip?: (info: PickingInfo) => { text: string } | null;
}

/** The deck.gl layers for the current store state, plus picking handlers. */
export function useDeckLayers(): DeckBindings {
  const { columns, masks } = useLayerMasks();
  const state = useAtlasStore(useShallow(pickAtlasState));
  const zoomLevel = Math.floor(state.view.zoom);
  const deckLayers = useMemo(() => {
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
  return { deckLayers };
}
