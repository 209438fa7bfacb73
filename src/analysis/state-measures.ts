/**
 * State analysis: counts of the features that pass the filters, per state, from a layer's `state`
 * column and its mask (one pass over a uint8 column, no data rebuilt), and the measures derived from
 * them with the states dataset (population, area, battery-EV registrations). Pure functions.
 */
import type { StateRecord } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';

export const STATE_MEASURES = ['count', 'per100k', 'per10kKm2', 'bevPerCharger', 'shareBeyondR'] as const;
export type StateMeasure = (typeof STATE_MEASURES)[number];

/** Visible features per state code (states with none are absent). */
export function countByState(data: LayerColumns, mask: Uint8Array): Map<string, number> {
  const column = data.columns.state;
  const result = new Map<string, number>();
  if (!column) return result;
  const categories = column.spec.categories ?? [];
  const counts = new Float64Array(categories.length);
  const values = column.values;
  const n = Math.min(values.length, mask.length);
  for (let row = 0; row < n; row++) if (mask[row]) counts[values[row]!]! += 1;
  categories.forEach((code, i) => {
    if (code !== 'unknown' && counts[i]) result.set(code, counts[i]!);
  });
  return result;
}

/** Visible features with no state (outside every state polygon), for honest totals. */
export function countWithoutState(data: LayerColumns, mask: Uint8Array): number {
  const column = data.columns.state;
  if (!column) return 0;
  const unknownIndex = (column.spec.categories ?? []).indexOf('unknown');
  let count = 0;
  for (let row = 0; row < Math.min(column.values.length, mask.length); row++) if (mask[row] && column.values[row] === unknownIndex) count++;
  return count;
}

/** Whether a measure applies to a layer and a state ('bevPerCharger': US chargers only, where registrations are published). */
export function measureApplies(measure: StateMeasure, layerId: string, state: StateRecord): boolean {
  if (measure === 'bevPerCharger') return layerId === 'chargers' && state.country === 'US' && state.bevRegistrations2023 != null;
  if (measure === 'shareBeyondR') return layerId === 'chargers' && state.population > 0;
  if (measure === 'per100k') return state.population > 0;
  if (measure === 'per10kKm2') return state.areaKm2 > 0;
  return true;
}

/**
 * The value of a measure for a state, or null when it does not apply or is undefined (battery EVs per
 * charger with no charger mapped). Unknown is null, never zero.
 */
export function measureValue(measure: StateMeasure, layerId: string, state: StateRecord, count: number, gapShare?: number | null): number | null {
  if (!measureApplies(measure, layerId, state)) return null;
  switch (measure) {
    case 'count':
      return count;
    case 'per100k':
      return (count / state.population) * 100_000;
    case 'per10kKm2':
      return (count / state.areaKm2) * 10_000;
    case 'bevPerCharger':
      return count > 0 ? state.bevRegistrations2023! / count : null;
    case 'shareBeyondR':
      // share (0..1) of the state's people farther than R km from a visible charger (src/analysis/gap.ts); unknown until computed
      return gapShare ?? null;
  }
}

export interface StateValue {
  state: StateRecord;
  count: number;
  value: number | null;
  /** 1 = highest value, among the states of its country / of both countries with a value; null without a value */
  rankInCountry: number | null;
  rankBinational: number | null;
}

function rankOf(values: readonly StateValue[], pick: (v: StateValue) => boolean): Map<StateRecord, number> {
  const sorted = values.filter((v) => pick(v) && v.value !== null).sort((a, b) => b.value! - a.value!);
  const ranks = new Map<StateRecord, number>();
  sorted.forEach((v, i) => {
    const previous = sorted[i - 1];
    ranks.set(v.state, previous && previous.value === v.value ? ranks.get(previous.state)! : i + 1);
  });
  return ranks;
}

/** Every state's count, value and ranks (ties share a rank) for one layer and measure. */
export function stateValues(
  states: readonly StateRecord[],
  counts: ReadonlyMap<string, number>,
  layerId: string,
  measure: StateMeasure,
  gapShares?: ReadonlyMap<string, number | null>,
): StateValue[] {
  const values: StateValue[] = states.map((state) => {
    const count = counts.get(state.code) ?? 0;
    return { state, count, value: measureValue(measure, layerId, state, count, gapShares?.get(state.code)), rankInCountry: null, rankBinational: null };
  });
  const binational = rankOf(values, () => true);
  const us = rankOf(values, (v) => v.state.country === 'US');
  const mx = rankOf(values, (v) => v.state.country === 'MX');
  for (const v of values) {
    v.rankBinational = binational.get(v.state) ?? null;
    v.rankInCountry = (v.state.country === 'US' ? us : mx).get(v.state) ?? null;
  }
  return values;
}
