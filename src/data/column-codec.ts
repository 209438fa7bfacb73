/**
 * The one binary-column codec: typed arrays concatenated into one buffer, each 4-byte aligned,
 * described by ColumnSpec[] (atlas-format.ts). The pipeline writes with it, the app reads with it,
 * the test fixtures and the benchmark build files with it.
 */
import type { ColumnSpec, ColumnType } from './atlas-format.ts';

export type ColumnArray = Float32Array | Uint8Array | Uint16Array | Uint32Array;

export const ARRAY_TYPES = { float32: Float32Array, uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array } as const;

export interface ColumnInput {
  name: string;
  kind: ColumnSpec['kind'];
  values: ColumnArray;
  categories?: readonly string[];
  /** store the bytes shuffled (ColumnSpec.encoding 'byte-shuffle'); for columns of more than one byte per value */
  shuffle?: boolean;
}

/**
 * The bytes read as a rows × columns table, written column by column. Byte-shuffling a column of `count` values
 * of `width` bytes is transposeBytes(bytes, count, width) (every value's byte k, one run per k); reading it back is
 * transposeBytes(bytes, width, count).
 */
function transposeBytes(bytes: Uint8Array, rows: number, columns: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  for (let column = 0; column < columns; column++) for (let row = 0; row < rows; row++) out[column * rows + row] = bytes[row * columns + column]!;
  return out;
}

export function columnTypeOf(values: ColumnArray): ColumnType {
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Uint8Array) return 'uint8';
  if (values instanceof Uint16Array) return 'uint16';
  return 'uint32';
}

/** Concatenates the columns (4-byte aligned) and describes them. */
export function encodeColumnTable(columns: readonly ColumnInput[]): { bytes: Uint8Array; specs: ColumnSpec[] } {
  const specs: ColumnSpec[] = [];
  let offset = 0;
  for (const column of columns) {
    specs.push({
      name: column.name,
      type: columnTypeOf(column.values),
      byteOffset: offset,
      length: column.values.length,
      kind: column.kind,
      ...(column.categories ? { categories: [...column.categories] } : {}),
      ...(column.shuffle && column.values.BYTES_PER_ELEMENT > 1 ? { encoding: 'byte-shuffle' as const } : {}),
    });
    offset += column.values.byteLength;
    offset += (4 - (offset % 4)) % 4;
  }
  const bytes = new Uint8Array(offset);
  columns.forEach((column, i) => {
    const spec = specs[i]!;
    const raw = new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength);
    bytes.set(spec.encoding === 'byte-shuffle' ? transposeBytes(raw, column.values.length, column.values.BYTES_PER_ELEMENT) : raw, spec.byteOffset);
  });
  return { bytes, specs };
}

export class ColumnDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ColumnDecodeError';
  }
}

/**
 * Views over `buffer` for each spec (no copy when aligned). Throws ColumnDecodeError when a column
 * lies outside the buffer (a truncated file) or is misaligned.
 */
export function decodeColumnTable(buffer: ArrayBuffer, specs: readonly ColumnSpec[], byteOffset = 0): Record<string, { spec: ColumnSpec; values: ColumnArray }> {
  const columns: Record<string, { spec: ColumnSpec; values: ColumnArray }> = {};
  for (const spec of specs) {
    const ArrayType = ARRAY_TYPES[spec.type];
    if (!ArrayType) throw new ColumnDecodeError(`column ${spec.name}: unknown type ${String(spec.type)}`);
    const start = byteOffset + spec.byteOffset;
    const end = start + spec.length * ArrayType.BYTES_PER_ELEMENT;
    if (end > buffer.byteLength) throw new ColumnDecodeError(`column ${spec.name} lies outside the file (truncated download?)`);
    let values: ColumnArray;
    if (spec.encoding === 'byte-shuffle')
      values = new ArrayType(transposeBytes(new Uint8Array(buffer, start, end - start), ArrayType.BYTES_PER_ELEMENT, spec.length).buffer);
    else if (spec.encoding !== undefined) throw new ColumnDecodeError(`column ${spec.name}: unknown encoding ${String(spec.encoding)}`);
    else values = start % ArrayType.BYTES_PER_ELEMENT === 0 ? new ArrayType(buffer, start, spec.length) : new ArrayType(buffer.slice(start, end));
    columns[spec.name] = { spec, values };
  }
  return columns;
}
