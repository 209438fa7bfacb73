/**
 * Which rows of a point layer pass the current filters: one byte per row (1 = visible).
 * Built from lookup tables over the typed-array columns, so a filter change costs one pass over
 * small integer arrays and never rebuilds layer data. The legend counts and the map use the same mask.
 */
import type { LayerColumns } from '../data/atlas-data.ts';
import type { FilterDecl, PointLayerSpec } from '../map/layer-spec.ts';
import { pointLayerOfDataset } from '../map/layers/index.ts';
import type { AtlasState } from '../state/atlas-state.ts';

type RowTest = (row: number) => boolean;

function categoryTest(values: ArrayLike<number>, categories: readonly string[], allowed: readonly string[]): RowTest {
  const allowedIndex = new Uint8Array(256);
  categories.forEach((category, index) => {
    if (allowed.includes(category)) allowedIndex[index] = 1;
  });
  return (row) => allowedIndex[values[row]!] === 1;
}

/** A bitmask row passes when it has any allowed bit, or no bit at all and 'unknown' is allowed. */
function bitmaskTest(values: ArrayLike<number>, categories: readonly string[], allowed: readonly string[]): RowTest {
  let allowedBits = 0;
  categories.forEach((category, bit) => {
    if (allowed.includes(category)) allowedBits |= 1 << bit;
  });
  const allowUnknown = allowed.includes('unknown');
  return (row) => {
    const bits = values[row]!;
    return bits === 0 ? allowUnknown : (bits & allowedBits) !== 0;
  };
}

function columnTest(data: LayerColumns, column: string, allowed: readonly string[]): RowTest | null {
  const entry = data.columns[column];
  if (!entry) return null;
  const categories = entry.spec.categories ?? [];
  return entry.spec.kind === 'bitmask' ? bitmaskTest(entry.values, categories, allowed) : categoryTest(entry.values, categories, allowed);
}

export type MaskInput = Pick<AtlasState, 'countries' | 'filters'>;

/**
 * `filters`: the user filters of the layer drawing the data (by default, the point layer of its
 * dataset); `where`: the layer's fixed restrictions (PointLayerSpec.where).
 */
export function computeLayerMask(
  data: LayerColumns,
  input: MaskInput,
  filters: readonly FilterDecl[] = pointLayerOfDataset(data.dataset)?.filters ?? [],
  where: PointLayerSpec['where'] = [],
  target = new Uint8Array(data.rowCount),
): Uint8Array {
  const tests: RowTest[] = [];
  for (const { column, values } of where) {
    const test = columnTest(data, column, values);
    if (test) tests.push(test);
  }
  const countryTest = columnTest(data, 'country', input.countries);
  if (countryTest) tests.push(countryTest);
  const states = input.filters.state;
  if (states !== null && states !== undefined) {
    const stateTest = columnTest(data, 'state', states);
    if (stateTest) tests.push(stateTest);
  }
  for (const { param, column } of filters) {
    const allowed = input.filters[param];
    if (allowed === null || allowed === undefined) continue;
    const test = columnTest(data, column, allowed);
    if (test) tests.push(test);
  }
  for (let row = 0; row < data.rowCount; row++) {
    let visible = 1;
    for (const test of tests) {
      if (!test(row)) {
        visible = 0;
        break;
      }
    }
    target[row] = visible;
  }
  return target;
}

export function countVisible(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  return count;
}
