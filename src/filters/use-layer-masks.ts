import { useDeferredValue, useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { POINT_DATASET_IDS, type FlowRecord, type PointDatasetId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { columnsQuery, useFlows, useManifest } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import type { AtlasState } from '../state/atlas-state.ts';
import { FLOW_LAYER_SPECS, POINT_LAYER_SPECS, type LayerId } from '../map/layers/index.ts';
import type { PointLayerSpec } from '../map/layer-spec.ts';
import { computeLayerMask, countVisible } from './layer-mask.ts';
import { computeFlowMask } from './flow-filter.ts';
import { restrictFlowMask, restrictMask, useChainRestriction } from '../map/chain-filter.ts';

export type DatasetColumns = Partial<Record<PointDatasetId, LayerColumns>>;
export type LayerMasks = Partial<Record<LayerId, Uint8Array>>;

/** Columns of every point dataset (undefined while loading or when unavailable). */
export function usePointLayerColumns(): DatasetColumns {
  const manifest = useManifest().data;
  return useQueries({ queries: POINT_DATASET_IDS.map((dataset) => columnsQuery(manifest, dataset)), combine: columnsByDataset });
}

function columnsByDataset(results: readonly { data?: LayerColumns | undefined }[]): DatasetColumns {
  const columns: DatasetColumns = {};
  POINT_DATASET_IDS.forEach((dataset, i) => {
    const data = results[i]?.data;
    if (data) columns[dataset] = data;
  });
  return columns;
}

/**
 * One mask per layer, data and filter state, shared by every component that asks (the map and the
 * legend read the same mask; it is computed once per filter change).
 */
const maskCache = new WeakMap<LayerColumns, Map<string, { countries: AtlasState['countries']; filters: AtlasState['filters']; mask: Uint8Array }>>();

export function getLayerMask(spec: PointLayerSpec, data: LayerColumns, countries: AtlasState['countries'], filters: AtlasState['filters']): Uint8Array {
  let byLayer = maskCache.get(data);
  if (!byLayer) maskCache.set(data, (byLayer = new Map()));
  const cached = byLayer.get(spec.id);
  if (cached && cached.countries === countries && cached.filters === filters) return cached.mask;
  const mask = computeLayerMask(data, { countries, filters }, spec.filters, spec.where);
  byLayer.set(spec.id, { countries, filters, mask });
  return mask;
}

export function useLayerMasks(): { columns: DatasetColumns; masks: LayerMasks } {
  const columns = usePointLayerColumns();
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  // issue 14: "show this chain only" keeps the chain's facilities
  const restriction = useChainRestriction();
  const masks = useMemo(() => {
    const result: LayerMasks = {};
    for (const spec of POINT_LAYER_SPECS) {
      const data = columns[spec.dataset];
      if (!data) continue;
      const mask = getLayerMask(spec, data, countries, filters);
      result[spec.id] = restriction ? restrictMask(mask, restriction.rows[spec.dataset]) : mask;
    }
    return result;
  }, [columns, countries, filters, restriction]);
  return { columns, masks };
}

export function useFlowMask() {
  const flows = useFlows().data;
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  const restriction = useChainRestriction();
  const mask = useMemo(() => {
    if (!flows) return undefined;
    const all = getFlowMask(flows, countries, filters);
    return restriction ? restrictFlowMask(all, flows, restriction.chain) : all;
  }, [flows, countries, filters, restriction]);
  return { flows, mask };
}

/** The flows' mask for a filter state, shared like the point masks (the map, legend and export ask for the same). */
const flowMaskCache = new WeakMap<readonly FlowRecord[], { countries: AtlasState['countries']; filters: AtlasState['filters']; mask: Uint8Array }>();

function getFlowMask(flows: readonly FlowRecord[], countries: AtlasState['countries'], filters: AtlasState['filters']): Uint8Array {
  const cached = flowMaskCache.get(flows);
  if (cached && cached.countries === countries && cached.filters === filters) return cached.mask;
  const mask = computeFlowMask(flows, { countries, filters });
  flowMaskCache.set(flows, { countries, filters, mask });
  return mask;
}

/** Counts of the masks, which are never changed once made: the legend, the toolbar and the export ask for the same. */
const visibleCounts = new WeakMap<Uint8Array, number>();

/** `countVisible`, counted once per mask. */
export function visibleCount(mask: Uint8Array): number {
  let count = visibleCounts.get(mask);
  if (count === undefined) visibleCounts.set(mask, (count = countVisible(mask)));
  return count;
}

/**
 * Features of each layer that pass the current filters (undefined while a layer loads), for counts shown beside the
 * map: a deferred value, so after a filter change the map's render goes first and the counts follow in their own.
 */
export function useDeferredVisibleCounts(): Partial<Record<LayerId, number>> {
  const { masks } = useLayerMasks();
  const { mask: flowMask } = useFlowMask();
  const deferred = useDeferredValue(useMemo(() => ({ masks, flowMask }), [masks, flowMask]));
  return useMemo(() => visibleCountsOf(deferred.masks, deferred.flowMask), [deferred]);
}

/** Features passing the filters per layer, from the layers' masks and the flows' mask. */
export function visibleCountsOf(masks: LayerMasks, flowMask: Uint8Array | undefined): Partial<Record<LayerId, number>> {
  const counts: Partial<Record<LayerId, number>> = {};
  for (const [id, mask] of Object.entries(masks)) if (mask) counts[id] = visibleCount(mask);
  if (flowMask) for (const spec of FLOW_LAYER_SPECS) counts[spec.id] = visibleCount(flowMask);
  return counts;
}
