/** The binary column codec: byte-shuffled position columns (issue 13: the first view's largest download). */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ColumnDecodeError, decodeColumnTable, encodeColumnTable } from '../../src/data/column-codec.ts';
import type { ColumnSpec } from '../../src/data/atlas-format.ts';

/** Points scattered over the US and Mexico, as a pipeline would write them (deterministic). */
function positions(count: number): Float32Array {
  const values = new Float32Array(count * 2);
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let row = 0; row < count; row++) {
    values[row * 2] = -125 + random() * 40;
    values[row * 2 + 1] = 15 + random() * 34;
  }
  return values;
}

describe('column codec', () => {
  const position = positions(5000);
  const level = Uint16Array.from({ length: 5000 }, (_, row) => 1 << (row % 3));
  const country = Uint8Array.from({ length: 5000 }, (_, row) => row % 3);
  const table = encodeColumnTable([
    { name: 'position', kind: 'position', values: position, shuffle: true },
    { name: 'level', kind: 'bitmask', values: level },
    { name: 'country', kind: 'category', values: country, categories: ['unknown', 'US', 'MX'], shuffle: true },
  ]);

  it('reads back shuffled and plain columns exactly, marking only multi-byte shuffled columns', () => {
    expect(table.specs.map((spec) => spec.encoding)).toEqual(['byte-shuffle', undefined, undefined]);
    const columns = decodeColumnTable(table.bytes.slice().buffer, table.specs);
    expect(columns.position!.values).toEqual(position);
    expect(columns.level!.values).toEqual(level);
    expect(columns.country!.values).toEqual(country);
  });

  it('stores a shuffled column with every value’s first bytes together, which gzip compresses better', () => {
    const spec = table.specs[0]!;
    const stored = table.bytes.subarray(spec.byteOffset, spec.byteOffset + position.byteLength);
    const plain = new Uint8Array(position.buffer);
    expect(Buffer.from(stored).equals(Buffer.from(plain))).toBe(false);
    expect([...stored.subarray(0, 4)]).toEqual([plain[0], plain[4], plain[8], plain[12]]);
    expect(gzipSync(stored).length).toBeLessThan(gzipSync(plain).length * 0.9);
  });

  it('refuses a truncated shuffled column and an encoding it does not know', () => {
    expect(() => decodeColumnTable(table.bytes.slice(0, 1000).buffer, table.specs)).toThrow(ColumnDecodeError);
    const unknown = [{ ...table.specs[0]!, encoding: 'zigzag' } as unknown as ColumnSpec];
    expect(() => decodeColumnTable(table.bytes.slice().buffer, unknown)).toThrow(/unknown encoding zigzag/);
  });
});
