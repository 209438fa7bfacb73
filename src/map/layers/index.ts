/**
 * The registry of map layers: every layer the atlas can draw, as one spec each (see ../layer-spec.ts).
 * Adding a layer over an existing dataset = a spec module + one line here.
 */
import { orderSpecs, type DerivedLayerSpec, type FlowLayerSpec, type LayerSpec, type PointLayerSpec } from '../layer-spec.ts';
import { chargersLayer } from './chargers.ts';
import { mineralsLayer } from './minerals.ts';
import { batteryPlantsLayer } from './battery-plants.ts';
import { assemblyPlantsLayer } from './assembly-plants.ts';
import { flowsLayer } from './flows.ts';

export { buildSelectionLayers, type SelectionRing } from './selection-layer.ts';

/** Every map layer, in draw order (the selection is drawn above them). */
export const LAYER_SPECS: readonly LayerSpec[] = orderSpecs([chargersLayer, mineralsLayer, batteryPlantsLayer, assemblyPlantsLayer, flowsLayer]);

/**
 * Derived layers over auxiliary datasets, switched by their own store keys, not `layers`: the charging gap
 * (./gap.ts, `gap=1`), loaded with the first gap view (src/map/use-deck-layers.ts) to keep deck.gl's TextLayer
 * out of the first view's JavaScript.
 */
export const DERIVED_LAYER_SPECS: readonly (() => Promise<DerivedLayerSpec>)[] = [() => import('./gap.ts').then((m) => m.gapLayer)];

export const LAYER_IDS: readonly string[] = LAYER_SPECS.map((spec) => spec.id);
/** A map layer's id (the key of the store's `layers` and of the link's `layers=`). */
export type LayerId = string;

export const POINT_LAYER_SPECS: readonly PointLayerSpec[] = LAYER_SPECS.filter((spec): spec is PointLayerSpec => spec.kind === 'points');
export const FLOW_LAYER_SPECS: readonly FlowLayerSpec[] = LAYER_SPECS.filter((spec): spec is FlowLayerSpec => spec.kind === 'flows');

const BY_ID = new Map(LAYER_SPECS.map((spec) => [spec.id, spec]));
export function layerSpec(id: string): LayerSpec | undefined {
  return BY_ID.get(id);
}

/** The point layer drawing `dataset` (ids of features are prefixed with their dataset). */
export function pointLayerOfDataset(dataset: string): PointLayerSpec | undefined {
  return POINT_LAYER_SPECS.find((spec) => spec.dataset === dataset);
}

const BY_DECK_LAYER = new Map(LAYER_SPECS.flatMap((spec) => spec.pickableDeckLayerIds.map((deckId) => [deckId, spec] as const)));
/** The atlas layer that built a deck.gl layer ('chargers-hexagons' → chargers), or undefined. */
export function layerOfDeckLayer(deckLayerId: string): LayerSpec | undefined {
  return BY_DECK_LAYER.get(deckLayerId);
}

/** Every filter of every layer, with its layer: the store's filter keys and the link's `f.` parameters. */
export const LAYER_FILTERS = LAYER_SPECS.flatMap((spec) => spec.filters.map((filter) => ({ ...filter, layer: spec })));
