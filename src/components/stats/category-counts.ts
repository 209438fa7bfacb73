/**
 * Counts per category of what passes the filters, read from the typed-array columns with a layer's
 * mask (one pass, no data rebuilt), and from the flows with the flow mask. Pure functions.
 */
import type { FlowRecord } from '../../data/atlas-format.ts';
import type { LayerColumns } from '../../data/atlas-data.ts';

export interface CategoryCount {
  /** category id ('unknown' for no value) */
  value: string;
  count: number;
}

/**
 * Rows per category of a category or bitmask column among the rows whose mask byte is 1, in the
 * column's category order with 'unknown' last. A bitmask row counts once in every bit it has (so the
 * counts may add up to more than the rows); a bitmask row with no bit counts as 'unknown'.
 * Returns null when the dataset has no such column.
 */
export function countColumnCategories(data: LayerColumns, column: string, mask: Uint8Array): CategoryCount[] | null {
  const entry = data.columns[column];
  if (!entry || (entry.spec.kind !== 'category' && entry.spec.kind !== 'bitmask')) return null;
  const categories = entry.spec.categories ?? [];
  const values = entry.values;
  const n = Math.min(values.length, mask.length);
  if (entry.spec.kind === 'category') {
    const counts = new Float64Array(Math.max(categories.length, 1));
    for (let row = 0; row < n; row++) if (mask[row]) counts[values[row]!]! += 1;
    const result = categories.map((value, i) => ({ value, count: counts[i]! }));
    if (!categories.includes('unknown')) result.push({ value: 'unknown', count: 0 });
    return unknownLast(result);
  }
  const counts = new Float64Array(16);
  let none = 0;
  for (let row = 0; row < n; row++) {
    if (!mask[row]) continue;
    const bits = values[row]!;
    if (bits === 0) {
      none += 1;
      continue;
    }
    for (let bit = 0; bit < categories.length && bit < 16; bit++) if (bits & (1 << bit)) counts[bit]! += 1;
  }
  const result = categories.map((value, i) => ({ value, count: counts[i]! })).filter((c) => c.value !== 'unknown');
  result.push({ value: 'unknown', count: none });
  return result;
}

/** Flows per value of a field (material, relation) among the flows whose mask byte is 1, in `domain` order. */
export function countFlowField(flows: readonly FlowRecord[], mask: Uint8Array, field: string, domain: readonly string[]): CategoryCount[] {
  const counts = new Map<string, number>(domain.map((value) => [value, 0]));
  let unknown = 0;
  flows.forEach((flow, i) => {
    if (!mask[i]) return;
    const value = (flow as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && counts.has(value)) counts.set(value, counts.get(value)! + 1);
    else unknown += 1;
  });
  const result = [...counts].map(([value, count]) => ({ value, count }));
  // a value outside the domain (an older build) is not dropped: it is counted as unknown, and shown only then
  if (unknown > 0) result.push({ value: 'unknown', count: unknown });
  return result;
}

function unknownLast(counts: CategoryCount[]): CategoryCount[] {
  return [...counts.filter((c) => c.value !== 'unknown'), ...counts.filter((c) => c.value === 'unknown')];
}

/** Rows that pass the mask. */
export function maskTotal(mask: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < mask.length; i++) total += mask[i]!;
  return total;
}
