/** Loads the pipeline's output (see atlas-format.ts) from public/data/ relative to the page. */
import type { AtlasManifest, ColumnSpec, DetailChunk, DetailRecord, FlowRecord, PointDatasetId, StateRecord } from './atlas-format.ts';
import { ATLAS_FORMAT_VERSION } from './atlas-format.ts';
import { ColumnDecodeError, decodeColumnTable, type ColumnArray } from './column-codec.ts';
import { DataUnavailableError, fetchVerifiedBytes, parseJsonBytes, readVerified, type ByteProgress } from './integrity.ts';
import { bytesOf, checksumOf, versionedDataFile } from './data-version.ts';
import { clearProgress, reportProgress } from './load-progress.ts';

export type { ColumnArray };

/** A point dataset's columns, decoded. */
export interface LayerColumns {
  dataset: PointDatasetId;
  rowCount: number;
  /** lon,lat interleaved */
  position: Float32Array;
  columns: Record<string, { spec: ColumnSpec; values: ColumnArray }>;
}

export { DataUnavailableError };

export function dataUrl(file: string): string {
  return new URL(`data/${file}`, document.baseURI).href;
}

/** A data file listed by the manifest: fetched under its versioned name, with progress, checked against files.bytes/files.sha256. */
export function fetchDataFile(manifest: AtlasManifest, file: string, onProgress?: (progress: ByteProgress) => void): Promise<Uint8Array> {
  const progress = onProgress ?? ((p: ByteProgress) => reportProgress(file, p));
  return fetchVerifiedBytes(dataUrl(versionedDataFile(manifest, file)), file, {
    expected: { bytes: bytesOf(manifest, file), sha256: checksumOf(manifest, file) },
    onProgress: progress,
  }).finally(() => clearProgress(file));
}

/** Fetches, checks and reads a data file; a readable file of another length is reported as another data build. */
function readDataFile<T>(manifest: AtlasManifest, file: string, read: (bytes: Uint8Array) => T): Promise<T> {
  return readVerified(() => fetchDataFile(manifest, file), file, read);
}

export async function fetchManifest(): Promise<AtlasManifest> {
  // revalidated with the server (or answered by the service worker's precache, which is one build)
  const manifest = await readVerified(
    () =>
      fetchVerifiedBytes(dataUrl('manifest.json'), 'manifest.json', { cache: 'no-cache', onProgress: (p) => reportProgress('manifest.json', p) }).finally(() =>
        clearProgress('manifest.json'),
      ),
    'manifest.json',
    (bytes) => {
      const value = parseJsonBytes(bytes) as AtlasManifest;
      if (!value || typeof value !== 'object' || typeof value.layers !== 'object' || value.layers === null) throw new Error('not an atlas manifest');
      return value;
    },
  );
  if (manifest.formatVersion !== ATLAS_FORMAT_VERSION) {
    throw new DataUnavailableError(`manifest.json has format ${manifest.formatVersion}, the app reads ${ATLAS_FORMAT_VERSION}`, undefined, 'version', 'manifest.json');
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
  if (!entry?.files.columns || !entry.columns) throw new DataUnavailableError(`${layer}: not in manifest`, undefined, 'version');
  const specs = entry.columns;
  return readDataFile(manifest, entry.files.columns, (bytes) => decodeColumns(layer, alignedBuffer(bytes), specs));
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

export async function fetchDetailChunk(chunk: DetailChunk, manifest?: AtlasManifest): Promise<DetailRecord[]> {
  const read = (bytes: Uint8Array) => {
    const records = parseJsonBytes(bytes) as DetailRecord[];
    if (!Array.isArray(records)) throw new DataUnavailableError(`${chunk.file}: not a list of records`, undefined, 'damaged', chunk.file);
    if (records.length !== chunk.rowCount)
      throw new DataUnavailableError(`${chunk.file}: ${records.length} records, expected ${chunk.rowCount}`, undefined, 'version', chunk.file);
    return records;
  };
  if (manifest) return readDataFile(manifest, chunk.file, read);
  return readVerified(() => fetchVerifiedBytes(dataUrl(chunk.file), chunk.file), chunk.file, read);
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
      parts[index] = await fetchDetailChunk(chunks[index]!, manifest);
      onProgress?.(++done / chunks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, chunks.length) }, worker));
  return parts.flat();
}

export async function fetchFlows(manifest: AtlasManifest): Promise<FlowRecord[]> {
  const file = manifest.layers.flows?.files.flows;
  if (!file) return [];
  return readDataFile(manifest, file, (bytes) => {
    const records = parseJsonBytes(bytes);
    if (!Array.isArray(records)) throw new DataUnavailableError(`${file}: not a list of flows`, undefined, 'damaged', file);
    return records as FlowRecord[];
  });
}

/** states.json: the states auxiliary dataset. */
export async function fetchStates(file: string, manifest?: AtlasManifest): Promise<StateRecord[]> {
  const read = (bytes: Uint8Array) => {
    const records = parseJsonBytes(bytes);
    if (!Array.isArray(records)) throw new DataUnavailableError(`${file}: not a list of states`, undefined, 'damaged', file);
    return records as StateRecord[];
  };
  if (manifest) return readDataFile(manifest, file, read);
  return readVerified(() => fetchVerifiedBytes(dataUrl(file), file), file, read);
}

/** The bytes as a whole ArrayBuffer (typed-array views need the buffer; a sub-view is copied). */
function alignedBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}
