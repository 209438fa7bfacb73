/** Synthetic layer columns for the map tests (no files, no WebGL). */
import type { ColumnSpec, FlowRecord, PointDatasetId } from '../../src/data/atlas-format.ts';
import { decodeColumns, type LayerColumns } from '../../src/data/atlas-data.ts';
import { ARRAY_TYPES, encodeColumnTable } from '../../src/data/column-codec.ts';

type ColumnInput = { kind: ColumnSpec['kind']; categories?: string[]; values: number[]; type?: ColumnSpec['type'] };

/** Columns encoded and decoded by the shared codec, as the app would read them from a columns.bin. */
export function makeColumns(dataset: PointDatasetId, positions: [number, number][], columns: Record<string, ColumnInput>): LayerColumns {
  const inputs = [
    { name: 'position', kind: 'position' as const, values: new Float32Array(positions.flat()) },
    ...Object.entries(columns).map(([name, input]) => {
      const type = input.type ?? (input.kind === 'number' ? 'float32' : input.kind === 'bitmask' ? 'uint16' : 'uint8');
      return { name, kind: input.kind, categories: input.categories, values: new ARRAY_TYPES[type](input.values) };
    }),
  ];
  const { bytes, specs } = encodeColumnTable(inputs);
  return decodeColumns(dataset, bytes.buffer as ArrayBuffer, specs);
}

export const COUNTRY = { kind: 'category' as const, categories: ['unknown', 'US', 'MX'] };
export const PRECISION = { kind: 'category' as const, categories: ['unknown', 'exact', 'approximate'] };

export function flow(id: string, from: string | null, to: string | null, extra: Partial<FlowRecord> = {}): FlowRecord {
  const end = (facilityId: string | null, lon: number) => ({ name: facilityId ?? `place ${lon}`, lon, lat: 20, country: 'MX', facilityId });
  return {
    id: `flows:${id}`,
    from: end(from, -100 - id.length),
    to: end(to, -90 - id.length),
    material: 'cells',
    relation: 'supply_contract',
    year: 2024,
    volume: null,
    volumeUnit: null,
    crossBorder: false,
    description: '',
    sources: [],
    ...extra,
  };
}
