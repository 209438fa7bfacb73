import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { useTranslation } from 'react-i18next';
import type { FlowRecord, PointDatasetId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { useAtlasStore, pickAtlasState } from '../state/store.ts';
import { useFlowMask, useLayerMasks } from '../filters/use-layer-masks.ts';
import { localeOf } from '../i18n/i18n.ts';
import { LAYER_SPECS, buildSelectionLayers, layerOfDeckLayer, pointLayerOfDataset, type SelectionRing } from './layers/index.ts';
import { chainEndpoints, chainForSelection, type SupplyChain } from './supply-chain.ts';
import { isPointDataset, datasetOfId, requestId, requestRow, resolveIdToIndex, useLoadedDetails } from './selection.ts';
import { useManifest } from '../data/queries.ts';
import type { SparseRows } from '../data/detail-rows.ts';
import { TOOLTIP_STYLE, tooltipText, type TooltipContent } from './tooltip.ts';
import { useQuery } from '@tanstack/react-query';
import { useGapAnalysis } from '../analysis/use-gap.ts';
import { withoutNeverShown } from './never-shown.ts';

export interface DeckBindings {
  deckLayers: Layer[];
  onFeatureClick?: (info: PickingInfo) => void;
  getTooltip?: (info: PickingInfo) => { text: string } | null;
}

type Details = Partial<Record<PointDatasetId, SparseRows>>;
type Columns = Partial<Record<PointDatasetId, LayerColumns>>;

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
    const layer = datasetOfId(id);
    if (!isPointDataset(layer)) return null;
    const data = columns[layer];
    const records = details[layer];
    const spec = pointLayerOfDataset(layer);
    if (!data || !records || !spec) return null;
    const index = resolveIdToIndex(records, id);
    if (index < 0) return null;
    const position: [number, number] = [data.position[index * 2]!, data.position[index * 2 + 1]!];
    return { position, radius: spec.symbolRadius(data, index, zoomLevel), primary };
  };
  const selectedLayer = datasetOfId(selection);
  if (isPointDataset(selectedLayer)) {
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
  const choropleth = useAtlasStore((s) => s.choropleth);
  // issue 15: the plant layers read the theme (human capital: sized by reported jobs)
  const theme = useAtlasStore((s) => s.theme);
  // issue 15: a policy or the coverage view hides the charger hexagons like a choropleth
  const policy = useAtlasStore((s) => s.policy);
  const coverage = useAtlasStore((s) => s.coverage);
  // the overseas flows' labels are in the interface language
  const interfaceLanguage = useAtlasStore((s) => s.language);
  const zoomLevel = useAtlasStore((s) => Math.floor(s.view.zoom));
  const manifest = useManifest().data;
  const details = useLoadedDetails();
  const gapOn = useAtlasStore((s) => s.gap);
  const gap = useGapAnalysis().analysis;
  // the gap layer's code (deck.gl's TextLayer for the candidate numbers) loads with the first gap view
  const gapLayer = useQuery({ queryKey: ['gap-layer-module'], queryFn: () => import('./layers/gap.ts'), enabled: gapOn, staleTime: Infinity, gcTime: Infinity }).data
    ?.gapLayer;

  const chain = useMemo(() => chainForSelection(flows, selection), [flows, selection]);

  // Facilities of a highlighted chain need their rows to place their rings exactly.
  useEffect(() => {
    for (const key of chain?.nodes ?? []) requestId(manifest, key);
  }, [chain, manifest]);

  const rings = useMemo(() => selectionRings(selection, chain, flows, columns, details, zoomLevel), [selection, chain, flows, columns, details, zoomLevel]);
  // deck.gl layers that have been visible at least once (see withoutNeverShown)
  const [shownDeckLayers] = useState(() => new Set<string>());

  const deckLayers = useMemo(() => {
    // Layers read only visibility, selection and the choropleth from the state; the view is not a dependency.
    const state = { ...pickAtlasState(useAtlasStore.getState()), choropleth, theme, policy, coverage, language: interfaceLanguage };
    const layers: Layer[] = [];
    for (const spec of LAYER_SPECS) {
      const visible = visibility[spec.id] ?? false;
      if (spec.kind === 'points') {
        const data = columns[spec.dataset];
        const mask = masks[spec.id];
        if (data && mask) layers.push(...spec.build({ input: { data, mask, visible }, state, zoomLevel }));
      } else if (flows && flowMask) {
        layers.push(...spec.build({ input: { flows, mask: flowMask, visible, chain }, state, zoomLevel }));
      }
    }
    // the charging gap (population points by distance band, candidate sites) above the layers, below the selection
    if (gap && gapOn && gapLayer) {
      const input = { points: gap.points, distances: gap.result.distances, candidates: gap.result.candidates, visible: true };
      layers.push(...gapLayer.build({ input, state, zoomLevel }));
    }
    layers.push(...buildSelectionLayers(rings, true));
    return withoutNeverShown(layers, shownDeckLayers);
  }, [
    columns,
    masks,
    flows,
    flowMask,
    visibility,
    zoomLevel,
    chain,
    rings,
    choropleth,
    theme,
    policy,
    coverage,
    interfaceLanguage,
    gap,
    gapOn,
    gapLayer,
    shownDeckLayers,
  ]);

  const onFeatureClick = useCallback(
    (info: PickingInfo) => {
      const store = useAtlasStore.getState();
      const layerId = info.layer?.id;
      if (!info.picked || !layerId || info.index < 0) {
        store.select(null);
        return;
      }
      const spec = layerOfDeckLayer(layerId);
      if (spec?.aggregate?.deckLayerId === layerId) {
        const view = spec.aggregate.clickView(info.object);
        if (view) store.flyTo(view);
        return;
      }
      if (spec?.kind === 'flows') {
        const flow = info.object as FlowRecord | undefined;
        if (flow) store.select(flow.id);
        return;
      }
      if (!spec) return;
      const layer = spec.dataset;
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
      const spec = info.layer ? layerOfDeckLayer(info.layer.id) : undefined;
      // Names load by chunk on hover for searchable facility layers only (the chargers' rows in id
      // order are scattered across the map, so hovering would fetch chunk after chunk); the others load on click or selection.
      if (spec?.kind === 'points' && spec.searchable && !details[spec.dataset]?.[info.index]) void requestRow(manifest, spec.dataset, info.index);
      const text = tooltipText(info, { t, locale: localeOf(language === 'es' ? 'es' : 'en'), columns, masks, details });
      return text ? { text, style: TOOLTIP_STYLE } : null;
    },
    [t, language, columns, masks, details, manifest],
  );

  return { deckLayers, onFeatureClick, getTooltip };
}
