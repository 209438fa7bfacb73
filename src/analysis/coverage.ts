/**
 * The data-coverage view (issue 15, "Research and knowledge"): how much of what publishers count the atlas
 * maps. Per state: the features mapped (under the filters) beside a published figure for the same layer,
 * and their ratio where a figure exists; "no published figure" elsewhere (unknown, not zero). Pure functions.
 */
import type { PointDatasetId, PublishedFigure, StateRecord } from '../data/atlas-format.ts';
import type { Rgba } from '../map/layer-styles.ts';

/** The layer whose coverage the choropleth shows: the only one with published figures by state. */
export const COVERAGE_DATASET: PointDatasetId = 'chargers';

/** Upper bounds (exclusive) of the ratio classes mapped / published; the last class is "as many or more". */
export const COVERAGE_THRESHOLDS = [0.1, 0.25, 0.5, 1] as const;
/** Viridis, light (little mapped) to dark (all mapped): the same steps as the count choropleth's five classes. */
export const COVERAGE_COLORS: readonly Rgba[] = [
  [223, 227, 24, 225],
  [86, 198, 103, 225],
  [31, 150, 139, 225],
  [51, 99, 141, 225],
  [72, 36, 117, 225],
];
/** A state without a published figure: no fill (unknown), as in the policy view. */
export const NO_FIGURE_COLOR: Rgba = [255, 255, 255, 0];

/** The figure the ratio uses: the most recent published figure for the dataset (the first listed on a tie). */
export function referenceFigure(state: StateRecord, dataset: PointDatasetId = COVERAGE_DATASET): PublishedFigure | null {
  let best: PublishedFigure | null = null;
  for (const figure of state.published) {
    if (figure.dataset !== dataset || !(figure.value > 0)) continue;
    if (!best || figure.asOf > best.asOf) best = figure;
  }
  return best;
}

export interface CoverageRow {
  state: StateRecord;
  mapped: number;
  figure: PublishedFigure | null;
  /** mapped / figure.value, null without a figure */
  ratio: number | null;
  /** index into COVERAGE_COLORS, -1 without a figure */
  classIndex: number;
}

export function coverageClass(ratio: number | null): number {
  if (ratio === null || !Number.isFinite(ratio)) return -1;
  const index = COVERAGE_THRESHOLDS.findIndex((limit) => ratio < limit);
  return index === -1 ? COVERAGE_THRESHOLDS.length : index;
}

/** One row per state: mapped count (from `counts`), the reference figure and the ratio. */
export function coverageRows(states: readonly StateRecord[], counts: ReadonlyMap<string, number> | undefined, dataset: PointDatasetId = COVERAGE_DATASET): CoverageRow[] {
  return states.map((state) => {
    const mapped = counts?.get(state.code) ?? 0;
    const figure = referenceFigure(state, dataset);
    const ratio = figure ? mapped / figure.value : null;
    return { state, mapped, figure, ratio, classIndex: coverageClass(ratio) };
  });
}
