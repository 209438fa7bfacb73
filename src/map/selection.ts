/**
 * Selection: atlas ids (in the store and the URL) ↔ rows of the layers, loading the layers'
 * details (names, ids) lazily — only when a feature of that layer is hovered, clicked or selected
 * (the chargers' details, ~20 MB, only on click or selection, never on hover).
 */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { LAYER_IDS, POINT_LAYER_IDS, type DetailRecord, type FlowRecord, type LayerId, type PointLayerId } from '../data/atlas-format.ts';
import { useFlows, useLayerDetails } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';

/** The layer an atlas id belongs to ('chargers:afdc:1' → 'chargers', 'flows:x' → 'flows'), or null. */
export function layerOfId(id: string | null | undefined): LayerId | null {
  if (!id) return null;
  const prefix = id.slice(0, id.indexOf(':'));
  return (LAYER_IDS as readonly string[]).includes(prefix) ? (prefix as LayerId) : null;
}

export function isPointLayer(layer: LayerId | null): layer is PointLayerId {
  return layer !== null && (POINT_LAYER_IDS as readonly string[]).includes(layer);
}

const indexCache = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Row index of `id` in a layer's details (same row order as its columns) or in flows.json; -1 when absent. O(1) after the first call per array. */
export function resolveIdToIndex(records: readonly { id: string }[], id: string): number {
  let index = indexCache.get(records);
  if (!index) {
    index = new Map(records.map((record, i) => [record.id, i]));
    indexCache.set(records, index);
  }
  return index.get(id) ?? -1;
}

/** Atlas id of row `index`, or null when out of range. */
export function resolveIndexToId(records: readonly { id: string }[], index: number): string | null {
  return records[index]?.id ?? null;
}

export type SelectedFeature =
  | { layer: PointLayerId; index: number; record: DetailRecord }
  | { layer: 'flows'; index: number; record: FlowRecord };

export type SelectionStatus =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'missing'; id: string }
  | { status: 'found'; id: string; feature: SelectedFeature };

/** Which layers' details were asked for (hover, click), and a click waiting for details to learn its id. */
interface DetailRequests {
  requested: Partial<Record<PointLayerId, true>>;
  pendingPick: { layer: PointLayerId; index: number } | null;
  request(layer: PointLayerId): void;
  pick(layer: PointLayerId, index: number): void;
  clearPending(): void;
}
export const useDetailRequests = create<DetailRequests>()((set, get) => ({
  requested: {},
  pendingPick: null,
  request: (layer) => {
    if (!get().requested[layer]) set((s) => ({ requested: { ...s.requested, [layer]: true } }));
  },
  pick: (layer, index) => set((s) => ({ requested: { ...s.requested, [layer]: true }, pendingPick: { layer, index } })),
  clearPending: () => set({ pendingPick: null }),
}));

/** Asks for a layer's details (idempotent; safe to call from event handlers). */
export function requestLayerDetails(layer: PointLayerId): void {
  useDetailRequests.getState().request(layer);
}

/** Details of every point layer that has been requested or holds the selection (undefined until loaded). */
export function useRequestedDetails(): Partial<Record<PointLayerId, DetailRecord[]>> {
  const requested = useDetailRequests((s) => s.requested);
  const selectedLayer = layerOfId(useAtlasStore((s) => s.selection));
  const on = (layer: PointLayerId) => !!requested[layer] || selectedLayer === layer;
  const chargers = useLayerDetails('chargers', on('chargers')).data;
  const minerals = useLayerDetails('minerals', on('minerals')).data;
  const battery = useLayerDetails('battery-plants', on('battery-plants')).data;
  const assembly = useLayerDetails('assembly-plants', on('assembly-plants')).data;
  return useMemo(
    () => ({ chargers, minerals, 'battery-plants': battery, 'assembly-plants': assembly }),
    [chargers, minerals, battery, assembly],
  );
}

/** Resolves a click made before the layer's details had loaded, once they have. */
export function usePendingPickResolver(details: Partial<Record<PointLayerId, DetailRecord[]>>): void {
  const pending = useDetailRequests((s) => s.pendingPick);
  useEffect(() => {
    if (!pending) return;
    const records = details[pending.layer];
    if (!records) return;
    const id = resolveIndexToId(records, pending.index);
    useDetailRequests.getState().clearPending();
    if (id) useAtlasStore.getState().select(id);
  }, [pending, details]);
}

/** Pure: the selection's status given the loaded records. */
export function resolveSelection(
  selection: string | null,
  details: DetailRecord[] | undefined,
  flows: FlowRecord[] | undefined,
  failed = false,
): SelectionStatus {
  if (!selection) return { status: 'none' };
  const layer = layerOfId(selection);
  if (!layer) return { status: 'missing', id: selection };
  if (layer === 'flows') {
    if (!flows) return failed ? { status: 'missing', id: selection } : { status: 'loading', id: selection };
    const index = resolveIdToIndex(flows, selection);
    return index < 0 ? { status: 'missing', id: selection } : { status: 'found', id: selection, feature: { layer, index, record: flows[index]! } };
  }
  if (!details) return failed ? { status: 'missing', id: selection } : { status: 'loading', id: selection };
  const index = resolveIdToIndex(details, selection);
  return index < 0 ? { status: 'missing', id: selection } : { status: 'found', id: selection, feature: { layer, index, record: details[index]! } };
}

/** The selection with its loading state ('missing' for an id no longer in the data, e.g. an old link). */
export function useSelectionStatus(): SelectionStatus {
  const selection = useAtlasStore((s) => s.selection);
  const layer = layerOfId(selection);
  const pointLayer = isPointLayer(layer) ? layer : 'chargers';
  const detailsQuery = useLayerDetails(pointLayer, isPointLayer(layer));
  const flowsQuery = useFlows(layer === 'flows');
  const details = isPointLayer(layer) ? detailsQuery.data : undefined;
  const failed = layer === 'flows' ? flowsQuery.isError : detailsQuery.isError;
  return useMemo(() => resolveSelection(selection, details, flowsQuery.data, failed), [selection, details, flowsQuery.data, failed]);
}

/** The selected feature: `{ layer, index, record }` (record: DetailRecord, or FlowRecord when layer is 'flows'), or null. */
export function useSelectedFeature(): SelectedFeature | null {
  const status = useSelectionStatus();
  return status.status === 'found' ? status.feature : null;
}
