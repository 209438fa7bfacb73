/**
 * Reported jobs at plants (issue 15): sums of the `jobs` column (the one figure a source reports per facility;
 * NaN = not reported) over the rows that pass the filters, per state and per country, with how many facilities
 * report a figure and how many do not. Reported figures only: nothing is estimated. Pure functions.
 */
import type { LayerColumns } from '../data/atlas-data.ts';

/** The plant layers that carry a `jobs` column. */
export const JOBS_LAYER_IDS = ['battery-plants', 'assembly-plants'] as const;

export interface JobsTally {
  /** sum of the reported figures */
  reported: number;
  /** facilities with a reported figure */
  facilities: number;
  /** facilities passing the filters without a reported figure */
  withoutFigure: number;
}

export function emptyTally(): JobsTally {
  return { reported: 0, facilities: 0, withoutFigure: 0 };
}

function categoryColumn(data: LayerColumns, name: string): { values: ArrayLike<number>; categories: string[] } | null {
  const column = data.columns[name];
  return column ? { values: column.values, categories: column.spec.categories ?? [] } : null;
}

/** Tallies per state code ('unknown' for rows outside every state) and per country, of the rows passing `mask`. */
export function tallyJobs(data: LayerColumns, mask: Uint8Array): { byState: Map<string, JobsTally>; byCountry: Map<string, JobsTally> } {
  const byState = new Map<string, JobsTally>();
  const byCountry = new Map<string, JobsTally>();
  const jobs = data.columns.jobs?.values;
  const state = categoryColumn(data, 'state');
  const country = categoryColumn(data, 'country');
  const n = Math.min(data.rowCount, mask.length);
  for (let row = 0; row < n; row++) {
    if (!mask[row]) continue;
    const value = jobs ? jobs[row]! : NaN;
    const known = Number.isFinite(value) && value >= 0;
    for (const [map, column] of [
      [byState, state],
      [byCountry, country],
    ] as const) {
      const key = column ? (column.categories[column.values[row]!] ?? 'unknown') : 'unknown';
      let tally = map.get(key);
      if (!tally) map.set(key, (tally = emptyTally()));
      if (known) {
        tally.reported += value;
        tally.facilities += 1;
      } else tally.withoutFigure += 1;
    }
  }
  return { byState, byCountry };
}

/** Adds tallies (several layers) into one map. */
export function mergeTallies(target: Map<string, JobsTally>, source: ReadonlyMap<string, JobsTally>): Map<string, JobsTally> {
  for (const [key, tally] of source) {
    const into = target.get(key) ?? emptyTally();
    into.reported += tally.reported;
    into.facilities += tally.facilities;
    into.withoutFigure += tally.withoutFigure;
    target.set(key, into);
  }
  return target;
}

/** The sum of several tallies. */
export function sumTallies(tallies: Iterable<JobsTally>): JobsTally {
  const sum = emptyTally();
  for (const tally of tallies) {
    sum.reported += tally.reported;
    sum.facilities += tally.facilities;
    sum.withoutFigure += tally.withoutFigure;
  }
  return sum;
}
