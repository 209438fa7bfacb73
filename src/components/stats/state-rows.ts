/**
 * Rows of the statistics panel's state table: every state of the selected countries (and of the state
 * filter, when one is set) with its population and the layer's measures under the current filters.
 * Pure functions.
 */
import type { CoverageNote, Country, PointDatasetId, PublishedFigure, StateRecord } from '../../data/atlas-format.ts';
import { measureValue } from '../../analysis/state-measures.ts';

/** The numeric columns of the state table, in display order (also the `data-measure` test hooks): the layer's figures first, population last. */
export const TABLE_MEASURES = ['count', 'per100k', 'per10kKm2', 'bevPerCharger', 'population'] as const;
export type TableMeasure = (typeof TABLE_MEASURES)[number];
export type SortKey = 'name' | TableMeasure;
export type SortDirection = 'ascending' | 'descending';

export interface StateRow {
  state: StateRecord;
  /** the layer's coverage in the state's country ('none': nothing mapped there, so counts are unknown, not zero) */
  coverage: CoverageNote['level'] | undefined;
  /** null: not applicable or unknown (shown as "–", never as 0) */
  values: Record<TableMeasure, number | null>;
  /** figures published by others for the layer's dataset in this state */
  published: PublishedFigure[];
}

export function stateRows(
  states: readonly StateRecord[],
  counts: ReadonlyMap<string, number> | undefined,
  layerId: string,
  dataset: PointDatasetId,
  countries: readonly Country[],
  stateFilter: readonly string[] | null | undefined,
  coverage: Partial<Record<Country, CoverageNote>> | undefined,
): StateRow[] {
  return states
    .filter((state) => countries.includes(state.country) && (stateFilter == null || stateFilter.includes(state.code)))
    .map((state) => {
      const level = coverage?.[state.country]?.level;
      const known = counts !== undefined && level !== 'none';
      const count = counts?.get(state.code) ?? 0;
      const value = (measure: Exclude<TableMeasure, 'population'>) => (known ? measureValue(measure, layerId, state, count) : null);
      return {
        state,
        coverage: level,
        values: {
          population: state.population > 0 ? state.population : null,
          count: value('count'),
          per100k: value('per100k'),
          per10kKm2: value('per10kKm2'),
          bevPerCharger: value('bevPerCharger'),
        },
        published: (state.published ?? []).filter((figure) => figure.dataset === dataset),
      };
    });
}

/** Rows sorted by a column; rows without a value go last whatever the direction; ties by name. */
export function sortStateRows(rows: readonly StateRow[], key: SortKey, direction: SortDirection, nameOf: (state: StateRecord) => string, locale: string): StateRow[] {
  const collator = new Intl.Collator(locale);
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: StateRow, b: StateRow) => collator.compare(nameOf(a.state), nameOf(b.state));
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a.values[key];
    const y = b.values[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/** The first state rows by a measure (value above zero only), highest first. */
export function topStateRows(rows: readonly StateRow[], measure: 'count' | 'per100k', limit: number, nameOf: (state: StateRecord) => string, locale: string): StateRow[] {
  return sortStateRows(
    rows.filter((row) => (row.values[measure] ?? 0) > 0),
    measure,
    'descending',
    nameOf,
    locale,
  ).slice(0, limit);
}
