import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LayerId } from '../data/atlas-format.ts';
import type { AtlasState } from '../state/atlas-state.ts';

/** What a layer module receives to build its deck.gl layers. Modules are pure: same input, same layers. */
export interface LayerBuildContext<TData> {
  data: TData;
  state: AtlasState;
  /** rounded zoom, so that modules switching between aggregated and point views rebuild only when needed */
  zoomLevel: number;
}

/**
 * One map layer of the atlas. A module owns how its data is drawn; panels never talk to deck.gl.
 * Later layers plug in by adding a module to LAYER_MODULES (src/map/layers/index.ts).
 */
export interface AtlasLayerModule<TData = unknown> {
  id: LayerId;
  /** draw order: lower is drawn first (below) */
  order: number;
  build(context: LayerBuildContext<TData>): Layer[];
  /** text shown on hover, or null */
  tooltip?(info: PickingInfo, data: TData): string | null;
}

export function orderModules<T extends { order: number }>(modules: readonly T[]): T[] {
  return [...modules].sort((a, b) => a.order - b.order);
}
