/** Loads the pipeline's output (see atlas-format.ts) from public/data/ relative to the page. */
import type { AtlasManifest, ColumnSpec, DetailChunk, DetailRecord, FlowRecord, PointDatasetId, StateRecord } from './atlas-format.ts';
import { ATLAS_FORMAT_VERSION } from './atlas-format.ts';
import { ColumnDecodeError, decodeColumnTable, type ColumnArray } from './column-codec.ts';

export type { ColumnArray };

/** A point dataset's columns, decoded. */
export interface LayerColumns {
  dataset: PointDatasetId;
  rowCount: number;
  /** lon,lat interleaved */
  position: Float32Array;
  columns: Record<string, { spec: ColumnSpec; values: ColumnArray }>;
}

export class DataUnavailableError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'DataUnavailableError';
  }
}

export function dataUrl(file: string): string {
  return new URL(`data/${file}`, document.baseURI).href;
}

async function fetchOk(file: string): Promise<Response> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new DataUnavailableError(`${file}: HTTP ${response.status}`, response.status);
  return response;
}

export async function fetchManifest(): Promise<AtlasManifest> {
  const manifest = (await (await fetchOk('manifest.json')).json()) as AtlasManifest;
  if (manifest.formatVersion !== ATLAS_FORMAT_VERSION) {
    throw new DataUnavailableError(`manifest.json has format ${manifest.formatVersion}, the app reads ${ATLAS_FORMAT_VERSION}`);
  }
  return manifest;
}

export function decodeColumns(dataset: PointDatasetId, buffer: ArrayBuffer, specs: ColumnSpec[]): LayerColumns {
  let columns: LayerColumns['columns'];
  try {
    columns = decodeColumnTable(buffer, specs);
  } catch (error) {
    if (error instanceof ColumnDecodeError) throw new DataUnavailableError(`${dataset}.columns.bin: ${error.message}`);
    throw error;
  }
  const position = columns.position?.values;
  if (!(position instanceof Float32Array)) throw new DataUnavailableError(`${dataset}: no position column`);
  return { dataset, rowCount: position.length / 2, position, columns };
}

export async function fetchLayerColumns(manifest: AtlasManifest, layer: PointDatasetId): Promise<LayerColumns> {
  const entry = manifest.layers[layer];
  if (!entry?.files.columns || !entry.columns) throw new DataUnavailableError(`${layer}: not in manifest`);
  const buffer = await (await fetchOk(entry.files.columns)).arrayBuffer();
  return decodeColumns(layer, buffer, entry.columns);
}

/** The details files of a layer as chunks of consecutive rows (a single file is one chunk). */
export function detailChunksOf(manifest: AtlasManifest, layer: PointDatasetId): DetailChunk[] {
  const entry = manifest.layers[layer];
  if (!entry) return [];
  if (entry.files.detailChunks) return entry.files.detailChunks;
  if (entry.files.details) return [{ file: entry.files.details, firstRow: 0, rowCount: entry.count, firstId: '', lastId: '\uffff' }];
  return [];
}

/** Index of the chunk holding `row`, or -1. */
export function chunkIndexOfRow(chunks: readonly DetailChunk[], row: number): number {
  return chunks.findIndex((chunk) => row >= chunk.firstRow && row < chunk.firstRow + chunk.rowCount);
}

/** Index of the chunk whose id range holds `id` (records are sorted by id), or -1. */
export function chunkIndexOfId(chunks: readonly DetailChunk[], id: string): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const chunk = chunks[middle]!;
    if (id < chunk.firstId) high = middle - 1;
    else if (id > chunk.lastId) low = middle + 1;
    else return middle;
  }
  return -1;
}

export async function fetchDetailChunk(chunk: DetailChunk): Promise<DetailRecord[]> {
  const records = (await (await fetchOk(chunk.file)).json()) as DetailRecord[];
  if (records.length !== chunk.rowCount) throw new DataUnavailableError(`${chunk.file}: ${records.length} records, expected ${chunk.rowCount}`);
  return records;
}

/** Every details record of a layer in row order; `onProgress` gets the share of chunks loaded. */
export async function fetchLayerDetails(manifest: AtlasManifest, layer: PointDatasetId, onProgress?: (fraction: number) => void): Promise<DetailRecord[]> {
  const chunks = detailChunksOf(manifest, layer);
  if (chunks.length === 0) throw new DataUnavailableError(`${layer}: no details file`);
  const parts: DetailRecord[][] = new Array(chunks.length);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      parts[index] = await fetchDetailChunk(chunks[index]!);
      onProgress?.(++done / chunks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, chunks.length) }, worker));
  return parts.flat();
}

export async function fetchFlows(manifest: AtlasManifest): Promise<FlowRecord[]> {
  const file = manifest.layers.flows?.files.flows;
  if (!file) return [];
  return (await (await fetchOk(file)).json()) as FlowRecord[];
}

/** states.json: the states auxiliary dataset. */
export async function fetchStates(file: string): Promise<StateRecord[]> {
  const records = (await (await fetchOk(file)).json()) as unknown;
  if (!Array.isArray(records)) throw new DataUnavailableError(`${file}: not a list of states`);
  return records as StateRecord[];
}
