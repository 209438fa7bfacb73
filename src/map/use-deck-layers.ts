import { useCallback, useEffect, useMemo } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { useTranslation } from 'react-i18next';
import type { FlowRecord, PointLayerId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { useAtlasStore, pickAtlasState } from '../state/store.ts';
import { useFlowMask, useLayerMasks } from '../filters/use-layer-masks.ts';
import { localeOf } from '../i18n/i18n.ts';
import { POINT_LAYER_MODULES, buildSelectionLayers, flowsModule, symbolRadiusAt, type SelectionRing } from './layers/index.ts';
import { CHARGER_AGGREGATE_BELOW_ZOOM, CHARGER_LAYER_IDS } from './layers/chargers.ts';
import { orderModules } from './layer-registry.ts';
import { chainEndpoints, chainForSelection, type SupplyChain } from './supply-chain.ts';
import { isPointLayer, layerOfId, requestId, requestRow, resolveIdToIndex, useLoadedDetails } from './selection.ts';
import { useManifest } from '../data/queries.ts';
import type { SparseRows } from '../data/detail-rows.ts';
import { TOOLTIP_STYLE, atlasLayerOfDeckLayer, tooltipText, type TooltipContent } from './tooltip.ts';

export interface DeckBindings {
  deckLayers: Layer[];
  onFeatureClick?: (info: PickingInfo) => void;
  getTooltip?: (info: PickingInfo) => { text: string } | null;
}

type Details = Partial<Record<PointLayerId, SparseRows>>;
type Columns = Partial<Record<PointLayerId, LayerColumns>>;

/** Rings for the selected feature and the other nodes of its chain (pure; exported for tests). */
export function selectionRings(
  selection: string | null,
  chain: SupplyChain | null,
  flows: FlowRecord[] | undefined,
  columns: Columns,
  details: Details,
  zoomLevel: number,
): SelectionRing[] {
  if (!selection) return [];
  const rings: SelectionRing[] = [];
  const seen = new Set<string>();
  const ringOfFacility = (id: string, primary: boolean): SelectionRing | null => {
    const layer = layerOfId(id);
    if (!isPointLayer(layer)) return null;
    const data = columns[layer];
    const records = details[layer];
    if (!data || !records) return null;
    const index = resolveIdToIndex(records, id);
    if (index < 0) return null;
    const position: [number, number] = [data.position[index * 2]!, data.position[index * 2 + 1]!];
    return { position, radius: symbolRadiusAt(layer, data, index, zoomLevel), primary };
  };
  const selectedLayer = layerOfId(selection);
  if (isPointLayer(selectedLayer)) {
    const ring = ringOfFacility(selection, true);
    if (ring) rings.push(ring);
    seen.add(selection);
  }
  if (chain && flows) {
    const isFlow = selectedLayer === 'flows';
    for (const { key, position } of chainEndpoints(flows, chain)) {
      if (seen.has(key)) continue;
      seen.add(key);
      rings.push(ringOfFacility(key, isFlow) ?? { position, radius: 7, primary: isFlow });
    }
  }
  // Chain rings first, the selected feature's ring last (on top).
  return rings.sort((a, b) => Number(a.primary) - Number(b.primary));
}

/**
 * The deck.gl layers for the current store state, plus picking handlers.
 * Subscribes to the integer zoom only (panning re-renders nothing); a filter change changes only the
 * masks, which the layers read through updateTriggers; layer data objects keep their identity.
 */
export function useDeckLayers(): DeckBindings {
  const { t, i18n } = useTranslation();
  const { columns, masks } = useLayerMasks();
  const { flows, mask: flowMask } = useFlowMask();
  const visibility = useAtlasStore((s) => s.layers);
  const selection = useAtlasStore((s) => s.selection);
  const zoomLevel = useAtlasStore((s) => Math.floor(s.view.zoom));
  const manifest = useManifest().data;
  const details = useLoadedDetails();

  const chain = useMemo(() => chainForSelection(flows, selection), [flows, selection]);

  // Facilities of a highlighted chain need their rows to place their rings exactly.
  useEffect(() => {
    for (const key of chain?.nodes ?? []) requestId(manifest, key);
  }, [chain, manifest]);

  const rings = useMemo(
    () => selectionRings(selection, chain, flows, columns, details, zoomLevel),
    [selection, chain, flows, columns, details, zoomLevel],
  );

  const deckLayers = useMemo(() => {
    // Modules read only layers/selection from the state; the view is not a dependency.
    const state = pickAtlasState(useAtlasStore.getState());
    const layers: Layer[] = [];
    for (const module of orderModules(Object.values(POINT_LAYER_MODULES))) {
      const id = module.id as PointLayerId;
      const data = columns[id];
      const mask = masks[id];
      if (!data || !mask) continue;
      layers.push(...module.build({ data: { data, mask, visible: visibility[id] }, state, zoomLevel }));
    }
    if (flows && flowMask) {
      layers.push(...flowsModule.build({ data: { flows, mask: flowMask, visible: visibility.flows, chain }, state, zoomLevel }));
    }
    layers.push(...buildSelectionLayers(rings, true));
    return layers;
  }, [columns, masks, flows, flowMask, visibility, zoomLevel, chain, rings]);

  const onFeatureClick = useCallback(
    (info: PickingInfo) => {
      const store = useAtlasStore.getState();
      const layerId = info.layer?.id;
      if (!info.picked || !layerId || info.index < 0) {
        store.select(null);
        return;
      }
      if (layerId === CHARGER_LAYER_IDS.hexagons) {
        const position = (info.object as { position?: [number, number] } | undefined)?.position;
        if (position) store.flyTo({ center: [position[0], position[1]], zoom: CHARGER_AGGREGATE_BELOW_ZOOM + 1 });
        return;
      }
      const layer = atlasLayerOfDeckLayer(layerId);
      if (layer === 'flows') {
        const flow = info.object as FlowRecord | undefined;
        if (flow) store.select(flow.id);
        return;
      }
      if (!layer) return;
      const id = details[layer]?.[info.index]?.id;
      if (id) store.select(id);
      else
        void requestRow(manifest, layer, info.index).then((record) => {
          if (record) useAtlasStore.getState().select(record.id);
        });
    },
    [details, manifest],
  );

  const language = i18n.language;
  const getTooltip = useCallback(
    (info: PickingInfo): TooltipContent | null => {
      const layer = info.layer ? atlasLayerOfDeckLayer(info.layer.id) : null;
      // Names load by chunk on hover, except the chargers' (rows in id order are scattered across
      // the map, so hovering would fetch chunk after chunk); those load on click or selection.
      if (isPointLayer(layer) && layer !== 'chargers' && !details[layer]?.[info.index]) void requestRow(manifest, layer, info.index);
      const text = tooltipText(info, { t, locale: localeOf(language === 'es' ? 'es' : 'en'), columns, masks, details });
      return text ? { text, style: TOOLTIP_STYLE } : null;
    },
    [t, language, columns, masks, details, manifest],
  );

  return { deckLayers, onFeatureClick, getTooltip };
}
