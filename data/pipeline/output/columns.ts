/** <layer>.columns.bin writer: concatenated typed arrays, each 4-byte aligned, described by ColumnSpec[]. */
import {
  CHARGER_ACCESS, CHARGER_LEVELS, CHARGER_STATUSES, COMMODITIES, EV_PRODUCTION, FACILITY_STATUSES, MINERAL_STATUSES,
  PLANT_STAGES, VEHICLE_CLASSES, type ColumnSpec, type ColumnType, type DetailRecord, type PointLayerId,
} from '../../../src/data/atlas-format.ts';

type Col =
  | { name: string; kind: 'position' }
  | { name: string; kind: 'number'; get: (r: DetailRecord) => unknown }
  | { name: string; kind: 'category'; categories: string[]; get: (r: DetailRecord) => unknown }
  | { name: string; kind: 'bitmask'; categories: readonly string[]; get: (r: DetailRecord) => unknown };

const attr = (k: string) => (r: DetailRecord) => r.attributes[k];
const withUnknown = (xs: readonly string[]) => ['unknown', ...xs];
export const NETWORK_TOP_N = 15;

/** Network categories: 'unknown', the top 15 networks by record count (ties by name), 'other'. */
export function networkCategories(records: DetailRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const n = r.attributes.network;
    if (typeof n === 'string' && n) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, NETWORK_TOP_N).map(([n]) => n);
  return ['unknown', ...top, 'other'];
}

export function columnsFor(layer: PointLayerId, records: DetailRecord[]): Col[] {
  const states = ['unknown', ...[...new Set(records.map((r) => r.state).filter((s): s is string => !!s))].sort()];
  const base: Col[] = [
    { name: 'position', kind: 'position' },
    { name: 'country', kind: 'category', categories: ['unknown', 'US', 'MX'], get: (r) => r.country },
    { name: 'state', kind: 'category', categories: states, get: (r) => r.state },
    { name: 'precision', kind: 'category', categories: ['unknown', 'exact', 'approximate'], get: (r) => r.precision },
  ];
  switch (layer) {
    case 'chargers': {
      const nets = networkCategories(records);
      return [
        ...base,
        { name: 'level', kind: 'bitmask', categories: CHARGER_LEVELS, get: attr('level') },
        { name: 'network', kind: 'category', categories: nets, get: (r) => (r.attributes.network == null ? null : nets.includes(String(r.attributes.network)) ? r.attributes.network : 'other') },
        { name: 'status', kind: 'category', categories: withUnknown(CHARGER_STATUSES), get: attr('status') },
        { name: 'access', kind: 'category', categories: withUnknown(CHARGER_ACCESS), get: attr('access') },
        { name: 'ports', kind: 'number', get: attr('ports') },
        { name: 'maxPowerKw', kind: 'number', get: attr('maxPowerKw') },
      ];
    }
    case 'minerals':
      return [
        ...base,
        { name: 'commodities', kind: 'bitmask', categories: COMMODITIES, get: attr('commodities') },
        { name: 'status', kind: 'category', categories: withUnknown(MINERAL_STATUSES), get: attr('status') },
      ];
    case 'battery-plants':
      return [
        ...base,
        { name: 'stage', kind: 'category', categories: withUnknown(PLANT_STAGES), get: attr('stage') },
        { name: 'status', kind: 'category', categories: withUnknown(FACILITY_STATUSES), get: attr('status') },
        { name: 'capacityGwh', kind: 'number', get: attr('capacityGwh') },
        { name: 'capexMusd', kind: 'number', get: attr('capexMusd') },
      ];
    case 'assembly-plants':
      return [
        ...base,
        { name: 'vehicleClass', kind: 'category', categories: withUnknown(VEHICLE_CLASSES), get: attr('vehicleClass') },
        { name: 'ev', kind: 'category', categories: withUnknown(EV_PRODUCTION), get: attr('ev') },
        { name: 'status', kind: 'category', categories: withUnknown(FACILITY_STATUSES), get: attr('status') },
        { name: 'capexMusd', kind: 'number', get: attr('capexMusd') },
      ];
  }
}

export interface EncodedColumns {
  bytes: Buffer;
  columns: ColumnSpec[];
  /** categorical/bitmask values not in the category list (encoded as unknown): column -> value -> count */
  unmapped: Record<string, Record<string, number>>;
}

const SIZE: Record<ColumnType, number> = { float32: 4, uint8: 1, uint16: 2, uint32: 4 };

export function encodeColumns(layer: PointLayerId, records: DetailRecord[]): EncodedColumns {
  const n = records.length;
  const cols = columnsFor(layer, records);
  const specs: ColumnSpec[] = [];
  const chunks: Buffer[] = [];
  const unmapped: EncodedColumns['unmapped'] = {};
  let offset = 0;
  const note = (col: string, v: unknown) => {
    const m = (unmapped[col] ??= {});
    const k = String(v);
    m[k] = (m[k] ?? 0) + 1;
  };
  for (const c of cols) {
    let type: ColumnType;
    let arr: Float32Array | Uint8Array | Uint16Array;
    if (c.kind === 'position') {
      type = 'float32';
      const a = new Float32Array(n * 2);
      records.forEach((r, i) => {
        a[i * 2] = r.lon;
        a[i * 2 + 1] = r.lat;
      });
      arr = a;
    } else if (c.kind === 'number') {
      type = 'float32';
      const a = new Float32Array(n);
      records.forEach((r, i) => {
        const v = c.get(r);
        a[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
      });
      arr = a;
    } else if (c.kind === 'category') {
      if (c.categories.length > 256) throw new Error(`${layer}.${c.name}: more than 256 categories`);
      type = 'uint8';
      const idx = new Map(c.categories.map((k, i) => [k, i]));
      const a = new Uint8Array(n);
      records.forEach((r, i) => {
        const v = c.get(r);
        if (v === null || v === undefined) return;
        const j = idx.get(String(v));
        if (j === undefined) note(c.name, v);
        a[i] = j ?? 0;
      });
      arr = a;
    } else {
      type = 'uint16';
      const idx = new Map(c.categories.map((k, i) => [k, i]));
      const a = new Uint16Array(n);
      records.forEach((r, i) => {
        const v = c.get(r);
        if (!Array.isArray(v)) return;
        let m = 0;
        for (const x of v) {
          const j = idx.get(String(x));
          if (j === undefined) note(c.name, x);
          else m |= 1 << j;
        }
        a[i] = m;
      });
      arr = a;
    }
    const buf = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
    specs.push({
      name: c.name,
      type,
      byteOffset: offset,
      length: arr.length,
      kind: c.kind,
      ...(c.kind === 'category' || c.kind === 'bitmask' ? { categories: [...c.categories] } : {}),
    });
    chunks.push(buf);
    offset += buf.byteLength;
    const pad = (4 - (offset % 4)) % 4;
    if (pad) {
      chunks.push(Buffer.alloc(pad));
      offset += pad;
    }
    void SIZE;
  }
  return { bytes: Buffer.concat(chunks), columns: specs, unmapped };
}

/** Read a column back (used by tests and the exporter). */
export function decodeColumn(bytes: Buffer, spec: ColumnSpec): Float32Array | Uint8Array | Uint16Array | Uint32Array {
  const ab = bytes.buffer.slice(bytes.byteOffset + spec.byteOffset, bytes.byteOffset + spec.byteOffset + spec.length * SIZE[spec.type]);
  switch (spec.type) {
    case 'float32': return new Float32Array(ab);
    case 'uint8': return new Uint8Array(ab);
    case 'uint16': return new Uint16Array(ab);
    case 'uint32': return new Uint32Array(ab);
  }
}
