/**
 * Human capital theme (issue 15): battery and assembly plants drawn as circles in their layer's colour with the
 * area proportional to the jobs a source reports for the plant (the `jobs` column: reported, never estimated).
 * Plants without a reported figure are small hollow grey circles ("no reported figure"), never sized as zero.
 * Drawn as `<layer id>-jobs` (a deck.gl layer of another class than the plant layer's own, so another id), listed in
 * the plant spec's pickableDeckLayerIds: hover, click and selection work as in the normal view.
 */
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LayerColumns } from '../../data/atlas-data.ts';
import { maskVersion } from '../../filters/mask-version.ts';
import { LAYER_COLORS, type Rgba } from '../layer-styles.ts';
import { binaryPoints, computeRowStyle, facilityScale, FILTER_EXTENSION, FILTER_RANGE, maskAccessor, numberAt, perColumns } from './common.ts';

/** Radius in pixels at the national view: 3 + 0.18·√jobs (100 → 4.8 px, 1,000 → 8.7, 5,000 → 15.7), at most 24. */
export const JOBS_RADIUS = { base: 3, perSqrtJob: 0.18, max: 24, noFigure: 3.5 } as const;
/** Outline of a plant with no reported figure (hollow grey). */
export const NO_FIGURE_LINE: Rgba = [120, 120, 120, 230];

/** The reported jobs of a row, or null when none is reported (NaN in the column). */
export function reportedJobs(data: LayerColumns, row: number): number | null {
  const jobs = numberAt(data, 'jobs', row);
  return Number.isFinite(jobs) && jobs >= 0 ? jobs : null;
}

export function jobsRadius(jobs: number | null): number {
  if (jobs === null || !(jobs > 0)) return JOBS_RADIUS.noFigure;
  return Math.min(JOBS_RADIUS.max, JOBS_RADIUS.base + JOBS_RADIUS.perSqrtJob * Math.sqrt(jobs));
}

export function jobsStyle(data: LayerColumns, row: number): { fill: Rgba; line: Rgba; lineWidth: number; radius: number } {
  const jobs = reportedJobs(data, row);
  if (jobs === null) return { fill: [255, 255, 255, 0], line: NO_FIGURE_LINE, lineWidth: 1.5, radius: JOBS_RADIUS.noFigure };
  const [r, g, b] = LAYER_COLORS[data.dataset as 'battery-plants' | 'assembly-plants'] ?? [90, 90, 90];
  return { fill: [r, g, b, 150], line: [r, g, b, 255], lineWidth: 1.5, radius: jobsRadius(jobs) };
}

const jobsData = perColumns((data) =>
  binaryPoints(
    data,
    computeRowStyle(data, (row) => jobsStyle(data, row)),
  ),
);

/** The plant layer in the human capital theme (replaces its normal symbols). */
export function jobsSizedLayers(id: string, data: LayerColumns, mask: Uint8Array, visible: boolean, zoomLevel: number): Layer[] {
  return [
    new ScatterplotLayer({
      id: `${id}-jobs`,
      data: jobsData(data),
      visible,
      pickable: true,
      radiusUnits: 'pixels',
      radiusScale: facilityScale(zoomLevel),
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getFilterValue: maskAccessor(mask),
      filterRange: FILTER_RANGE,
      updateTriggers: { getFilterValue: maskVersion(mask) },
      extensions: [FILTER_EXTENSION],
    }),
  ];
}
