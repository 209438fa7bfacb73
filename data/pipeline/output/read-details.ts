import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetailRecord, LayerManifest } from '../../../src/data/atlas-format.ts';

/** Every details record of a built layer, in row order, whether written as one file or in chunks. */
export function readLayerDetails(builtDir: string, layer: LayerManifest): DetailRecord[] {
  const files = layer.files.detailChunks?.map((chunk) => chunk.file) ?? (layer.files.details ? [layer.files.details] : []);
  return files.flatMap((file) => JSON.parse(readFileSync(join(builtDir, file), 'utf8')) as DetailRecord[]);
}
