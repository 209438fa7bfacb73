/** Loads the pipeline's output (see atlas-format.ts) from public/data/ relative to the page. */
import type { AtlasManifest, ColumnSpec, DetailRecord, FlowRecord, PointLayerId } from './atlas-format.ts';
import { ATLAS_FORMAT_VERSION } from './atlas-format.ts';

export type ColumnArray = Float32Array | Uint8Array | Uint16Array | Uint32Array;

export interface LayerColumns {
  layer: PointLayerId;
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

const ARRAY_TYPES = { float32: Float32Array, uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array } as const;

export function decodeColumns(layer: PointLayerId, buffer: ArrayBuffer, specs: ColumnSpec[]): LayerColumns {
  const columns: LayerColumns['columns'] = {};
  for (const spec of specs) {
    const ArrayType = ARRAY_TYPES[spec.type];
    const end = spec.byteOffset + spec.length * ArrayType.BYTES_PER_ELEMENT;
    if (spec.byteOffset % ArrayType.BYTES_PER_ELEMENT !== 0 || end > buffer.byteLength) {
      throw new DataUnavailableError(`${layer}.columns.bin: column ${spec.name} lies outside the file (truncated download?)`);
    }
    columns[spec.name] = { spec, values: new ArrayType(buffer, spec.byteOffset, spec.length) };
  }
  const position = columns.position?.values;
  if (!(position instanceof Float32Array)) throw new DataUnavailableError(`${layer}: no position column`);
  return { layer, rowCount: position.length / 2, position, columns };
}

export async function fetchLayerColumns(manifest: AtlasManifest, layer: PointLayerId): Promise<LayerColumns> {
  const entry = manifest.layers[layer];
  if (!entry?.files.columns || !entry.columns) throw new DataUnavailableError(`${layer}: not in manifest`);
  const buffer = await (await fetchOk(entry.files.columns)).arrayBuffer();
  return decodeColumns(layer, buffer, entry.columns);
}

export async function fetchLayerDetails(manifest: AtlasManifest, layer: PointLayerId): Promise<DetailRecord[]> {
  const file = manifest.layers[layer]?.files.details;
  if (!file) throw new DataUnavailableError(`${layer}: no details file`);
  return (await (await fetchOk(file)).json()) as DetailRecord[];
}

export async function fetchFlows(manifest: AtlasManifest): Promise<FlowRecord[]> {
  const file = manifest.layers.flows?.files.flows;
  if (!file) return [];
  return (await (await fetchOk(file)).json()) as FlowRecord[];
}
