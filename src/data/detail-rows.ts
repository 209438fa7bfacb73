/**
 * Details records loaded chunk by chunk, as one sparse array per layer (row index → record), so a
 * click, a hover or a link's selection loads only the chunk it needs. Each loaded chunk produces a
 * new array, so React and memoised consumers see the change.
 */
import { create } from 'zustand';
import type { AtlasManifest, DetailRecord, PointDatasetId } from './atlas-format.ts';
import { chunkIndexOfId, chunkIndexOfRow, detailChunksOf, fetchDetailChunk } from './atlas-data.ts';

export type SparseRows = readonly (DetailRecord | undefined)[];

interface DetailRowsState {
  rows: Partial<Record<PointDatasetId, SparseRows>>;
  /** `${layer}:${chunkIndex}` of every chunk loaded */
  loadedChunks: Record<string, true>;
  failedChunks: Record<string, true>;
}

export const useDetailRows = create<DetailRowsState>()(() => ({ rows: {}, loadedChunks: {}, failedChunks: {} }));

const inFlight = new Map<string, Promise<void>>();

export function chunkKey(layer: PointDatasetId, chunkIndex: number): string {
  return `${layer}:${chunkIndex}`;
}

/** Loads one chunk once (concurrent callers share the request). */
export function ensureChunk(manifest: AtlasManifest, layer: PointDatasetId, chunkIndex: number): Promise<void> {
  const key = chunkKey(layer, chunkIndex);
  if (useDetailRows.getState().loadedChunks[key]) return Promise.resolve();
  const pending = inFlight.get(key);
  if (pending) return pending;
  const chunk = detailChunksOf(manifest, layer)[chunkIndex];
  if (!chunk) return Promise.resolve();
  const request = fetchDetailChunk(chunk, manifest)
    .then((records) => {
      useDetailRows.setState((state) => {
        const rows = [...(state.rows[layer] ?? new Array<DetailRecord | undefined>(manifest.layers[layer].count))];
        records.forEach((record, offset) => {
          rows[chunk.firstRow + offset] = record;
        });
        return { rows: { ...state.rows, [layer]: rows }, loadedChunks: { ...state.loadedChunks, [key]: true } };
      });
    })
    .catch(() => {
      useDetailRows.setState((state) => ({ failedChunks: { ...state.failedChunks, [key]: true } }));
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

/** Loads the chunk holding `row`; resolves to the record, or undefined when it cannot be loaded. */
export async function ensureRow(manifest: AtlasManifest, layer: PointDatasetId, row: number): Promise<DetailRecord | undefined> {
  const chunkIndex = chunkIndexOfRow(detailChunksOf(manifest, layer), row);
  if (chunkIndex < 0) return undefined;
  await ensureChunk(manifest, layer, chunkIndex);
  return useDetailRows.getState().rows[layer]?.[row];
}

/** Loads the chunk whose id range holds `id`; false when no chunk can hold it (an id not in this build). */
export function ensureId(manifest: AtlasManifest, layer: PointDatasetId, id: string): Promise<boolean> {
  const chunkIndex = chunkIndexOfId(detailChunksOf(manifest, layer), id);
  if (chunkIndex < 0) return Promise.resolve(false);
  return ensureChunk(manifest, layer, chunkIndex).then(() => true);
}

/** Whether the chunk that would hold `id` has been loaded or failed ('absent' when no chunk can hold it). */
export function idChunkState(manifest: AtlasManifest, layer: PointDatasetId, id: string, state: DetailRowsState): 'absent' | 'loaded' | 'failed' | 'pending' {
  const chunkIndex = chunkIndexOfId(detailChunksOf(manifest, layer), id);
  if (chunkIndex < 0) return 'absent';
  const key = chunkKey(layer, chunkIndex);
  if (state.loadedChunks[key]) return 'loaded';
  return state.failedChunks[key] ? 'failed' : 'pending';
}
