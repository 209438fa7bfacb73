/** Synthetic layer columns for the map tests (no files, no WebGL). */
import type { ColumnSpec, FlowRecord, PointLayerId } from '../../src/data/atlas-format.ts';
import type { ColumnArray, LayerColumns } from '../../src/data/atlas-data.ts';

type ColumnInput = { kind: ColumnSpec['kind']; categories?: string[]; values: number[]; type?: ColumnSpec['type'] };

export function makeColumns(layer: PointLayerId, positions: [number, number][], columns: Record<string, ColumnInput>): LayerColumns {
  const position = new Float32Array(positions.flat());
  const result: LayerColumns['columns'] = {
    position: { spec: { name: 'position', type: 'float32', byteOffset: 0, length: position.length, kind: 'position' }, values: position },
  };
  for (const [name, input] of Object.entries(columns)) {
    const type = input.type ?? (input.kind === 'number' ? 'float32' : input.kind === 'bitmask' ? 'uint16' : 'uint8');
    const values: ColumnArray =
      type === 'float32' ? new Float32Array(input.values) : type === 'uint16' ? new Uint16Array(input.values) : new Uint8Array(input.values);
    result[name] = { spec: { name, type, byteOffset: 0, length: input.values.length, kind: input.kind, categories: input.categories }, values };
  }
  return { layer, rowCount: positions.length, position, columns: result };
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
