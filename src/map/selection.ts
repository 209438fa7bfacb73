/**
 * Selection: atlas ids (in the store and the URL) ↔ rows of the layers. Details (names, ids) load
 * by chunk, only for the rows a hover, a click, a link or a supply chain needs.
 */
import { useEffect, useMemo } from 'react';
import { DATASET_IDS, POINT_DATASET_IDS, type AtlasManifest, type DetailRecord, type FlowRecord, type DatasetId, type PointDatasetId } from '../data/atlas-format.ts';
import { useFlows, useManifest } from '../data/queries.ts';
import { ensureId, ensureRow, idChunkState, useDetailRows, type SparseRows } from '../data/detail-rows.ts';
import { useAtlasStore } from '../state/store.ts';

/** Selection ids of state profiles: 'states:US-CA'. */
export const STATE_SELECTION_PREFIX = 'states:';

/** The dataset an atlas id belongs to ('chargers:afdc:1' → 'chargers', 'flows:x' → 'flows'), or null. */
export function datasetOfId(id: string | null | undefined): DatasetId | null {
  if (!id) return null;
  const prefix = id.slice(0, id.indexOf(':'));
  return (DATASET_IDS as readonly string[]).includes(prefix) ? (prefix as DatasetId) : null;
}

export function isPointDataset(layer: DatasetId | null): layer is PointDatasetId {
  return layer !== null && (POINT_DATASET_IDS as readonly string[]).includes(layer);
}

const indexCache = new WeakMap<readonly ({ id: string } | undefined)[], Map<string, number>>();

/**
 * Row index of `id` in a layer's details (same row order as its columns; rows not loaded yet are
 * holes) or in flows.json; -1 when absent. O(1) after the first call per array.
 */
export function resolveIdToIndex(records: readonly ({ id: string } | undefined)[], id: string): number {
  let index = indexCache.get(records);
  if (!index) {
    const built = new Map<string, number>();
    records.forEach((record, i) => {
      if (record) built.set(record.id, i);
    });
    indexCache.set(records, built);
    index = built;
  }
  return index.get(id) ?? -1;
}

/** Atlas id of row `index`, or null when out of range or not loaded. */
export function resolveIndexToId(records: readonly ({ id: string } | undefined)[], index: number): string | null {
  return records[index]?.id ?? null;
}

export type SelectedFeature = { layer: PointDatasetId; index: number; record: DetailRecord } | { layer: 'flows'; index: number; record: FlowRecord };

export type SelectionStatus =
  { status: 'none' } | { status: 'loading'; id: string } | { status: 'missing'; id: string } | { status: 'found'; id: string; feature: SelectedFeature };

/** Loaded details rows per point layer (sparse: only the chunks loaded so far), for tooltips, clicks and rings. */
export function useLoadedDetails(): Partial<Record<PointDatasetId, SparseRows>> {
  return useDetailRows((s) => s.rows);
}

/** Loads the record of a row of a layer (a click, a hover); resolves to it, or undefined. */
export function requestRow(manifest: AtlasManifest | undefined, layer: PointDatasetId, row: number): Promise<DetailRecord | undefined> {
  return manifest ? ensureRow(manifest, layer, row) : Promise.resolve(undefined);
}

/** Loads the chunk that holds a facility id (a link's selection, the nodes of a supply chain). */
export function requestId(manifest: AtlasManifest | undefined, id: string): void {
  const layer = datasetOfId(id);
  if (manifest && isPointDataset(layer)) void ensureId(manifest, layer, id);
}

/** Pure: the selection's status given the loaded records. */
export function resolveSelection(selection: string | null, details: SparseRows | undefined, flows: FlowRecord[] | undefined, failed = false): SelectionStatus {
  if (!selection) return { status: 'none' };
  const layer = datasetOfId(selection);
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
  const layer = datasetOfId(selection);
  const manifest = useManifest().data;
  const detailRows = useDetailRows();
  const flowsQuery = useFlows(layer === 'flows');
  useEffect(() => {
    if (selection) requestId(manifest, selection);
  }, [manifest, selection]);
  return useMemo(() => {
    if (!selection || !isPointDataset(layer)) return resolveSelection(selection, undefined, flowsQuery.data, flowsQuery.isError);
    if (!manifest) return { status: 'loading', id: selection };
    const chunk = idChunkState(manifest, layer, selection, detailRows);
    const rows = chunk === 'pending' || chunk === 'failed' ? undefined : (detailRows.rows[layer] ?? []);
    return resolveSelection(selection, rows, undefined, chunk === 'failed');
  }, [selection, layer, manifest, detailRows, flowsQuery.data, flowsQuery.isError]);
}
