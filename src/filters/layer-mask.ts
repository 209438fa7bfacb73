/**
 * Which rows of a point layer pass the current filters: one byte per row (1 = visible).
 * Built from lookup tables over the typed-array columns, so a filter change costs one tight pass per
 * active filter over small integer arrays and never rebuilds layer data. The legend counts and the map use the same mask.
 */
import type { LayerColumns } from '../data/atlas-data.ts';
import type { FilterDecl, PointLayerSpec } from '../map/layer-spec.ts';
import { pointLayerOfDataset } from '../map/layers/index.ts';
import type { AtlasState } from '../state/atlas-state.ts';

/** Clears, in one pass over a typed-array column, the rows one filter rejects (a tight loop per filter). */
type ColumnPass = (target: Uint8Array) => void;

function categoryPass(values: ArrayLike<number>, categories: readonly string[], allowed: readonly string[]): ColumnPass {
  const allowedIndex = new Uint8Array(256);
  categories.forEach((category, index) => {
    if (allowed.includes(category)) allowedIndex[index] = 1;
  });
  return (target) => {
    for (let row = 0; row < target.length; row++) target[row]! &= allowedIndex[values[row]!] ?? 0;
  };
}

/** A bitmask row passes when it has any allowed bit, or no bit at all and 'unknown' is allowed. */
function bitmaskPass(values: ArrayLike<number>, categories: readonly string[], allowed: readonly string[]): ColumnPass {
  let allowedBits = 0;
  categories.forEach((category, bit) => {
    if (allowed.includes(category)) allowedBits |= 1 << bit;
  });
  const unknown = allowed.includes('unknown') ? 1 : 0;
  return (target) => {
    for (let row = 0; row < target.length; row++) {
      const bits = values[row]!;
      target[row]! &= bits === 0 ? unknown : (bits & allowedBits) !== 0 ? 1 : 0;
    }
  };
}

/** The pass of one filter, or null when the column is absent or the filter allows every value it can hold. */
function columnPass(data: LayerColumns, column: string, allowed: readonly string[]): ColumnPass | null {
  const entry = data.columns[column];
  if (!entry) return null;
  const categories = entry.spec.categories ?? [];
  const allowsAll = categories.every((category) => allowed.includes(category)) && (entry.spec.kind !== 'bitmask' || allowed.includes('unknown'));
  if (allowsAll && categories.length > 0) return null;
  return entry.spec.kind === 'bitmask' ? bitmaskPass(entry.values, categories, allowed) : categoryPass(entry.values, categories, allowed);
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
  const passes: ColumnPass[] = [];
  for (const { column, values } of where) {
    const pass = columnPass(data, column, values);
    if (pass) passes.push(pass);
  }
  const countryPass = columnPass(data, 'country', input.countries);
  if (countryPass) passes.push(countryPass);
  const states = input.filters.state;
  if (states !== null && states !== undefined) {
    const statePass = columnPass(data, 'state', states);
    if (statePass) passes.push(statePass);
  }
  for (const { param, column } of filters) {
    const allowed = input.filters[param];
    if (allowed === null || allowed === undefined) continue;
    const pass = columnPass(data, column, allowed);
    if (pass) passes.push(pass);
  }
  target.fill(1);
  for (const pass of passes) pass(target);
  return target;
}

export function countVisible(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  return count;
}
