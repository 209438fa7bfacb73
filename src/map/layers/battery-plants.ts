/**
 * Battery supply-chain plants: colour by stage, area by capacity (GWh) or, when unknown, by capex
 * (USD M), fill/outline by status. Approximate locations get a second, dark ring drawn
 * APPROXIMATE_RING.gapPixels outside the symbol (legend: "double ring = approximate location").
 */
import { maskVersion } from '../../filters/mask-version.ts';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LayerColumns } from '../../data/atlas-data.ts';
import type { PointLayerSpec } from '../layer-spec.ts';
import { LAYER_COLORS, PLANT_STAGE_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import {
  APPROXIMATE_RING,
  FACILITY_STATUS_LEGEND_KEYS,
  FILTER_EXTENSION,
  FILTER_RANGE,
  binaryPoints,
  categoryAt,
  computeRowStyle,
  facilityScale,
  maskAccessor,
  maskAndAccessor,
  numberAt,
  perColumns,
  statusFill,
  statusOutline,
} from './common.ts';
import { jobsSizedLayers } from './jobs-sizing.ts';

/**
 * Plant symbol radius in pixels (national view), sqrt scale so that area follows the quantity:
 * capacity known: 5 + 1.6·√GWh (1 GWh → 6.6 px, 10 → 10 px, 45 → 15.7 px);
 * else capex known: 5 + 0.2·√USD M (100 → 7 px, 1,000 → 11 px, 5,000 → 19 → 18 px);
 * else PLANT_MIN_RADIUS_PIXELS. Capped at PLANT_MAX_RADIUS_PIXELS (18).
 */
export const PLANT_MIN_RADIUS_PIXELS = 5;
export const PLANT_MAX_RADIUS_PIXELS = 18;

export function plantRadius(capacityGwh: number | null | undefined, capexMusd: number | null | undefined): number {
  let radius = PLANT_MIN_RADIUS_PIXELS;
  if (capacityGwh != null && Number.isFinite(capacityGwh) && capacityGwh > 0) radius += 1.6 * Math.sqrt(capacityGwh);
  else if (capexMusd != null && Number.isFinite(capexMusd) && capexMusd > 0) radius += 0.2 * Math.sqrt(capexMusd);
  return Math.min(PLANT_MAX_RADIUS_PIXELS, radius);
}

export function batteryPlantStyle(data: LayerColumns, row: number): { fill: Rgba; line: Rgba; lineWidth: number; radius: number } {
  const status = categoryAt(data, 'status', row);
  const outline = statusOutline(status);
  return {
    fill: statusFill(colorOf(PLANT_STAGE_COLORS, categoryAt(data, 'stage', row)), status),
    line: outline.color,
    lineWidth: outline.width,
    radius: plantRadius(numberAt(data, 'capacityGwh', row), numberAt(data, 'capexMusd', row)),
  };
}

const styleOf = perColumns((data) => computeRowStyle(data, (row) => batteryPlantStyle(data, row)));
const plantData = perColumns((data) => binaryPoints(data, styleOf(data)));
const ringData = perColumns((data) => binaryPoints(data, styleOf(data), APPROXIMATE_RING.gapPixels));

export const batteryPlantsLayer: PointLayerSpec = {
  kind: 'points',
  id: 'battery-plants',
  dataset: 'battery-plants',
  order: 30,
  color: LAYER_COLORS['battery-plants'],
  defaultVisible: true,
  searchable: true,
  filters: [
    { param: 'plantStage', column: 'stage' },
    { param: 'plantStatus', column: 'status' },
  ],
  symbol: { domain: 'plantStage', valueAt: (data, row) => categoryAt(data, 'stage', row) },
  symbolRadius: (data, row, zoomLevel) => plantRadius(numberAt(data, 'capacityGwh', row), numberAt(data, 'capexMusd', row)) * facilityScale(zoomLevel),
  legend: [
    { kind: 'palette', title: 'legend.stages', domain: 'plantStage', keys: Object.keys(PLANT_STAGE_COLORS), palette: PLANT_STAGE_COLORS, shape: 'dot' },
    { kind: 'status', domain: 'facilityStatus', keys: FACILITY_STATUS_LEGEND_KEYS },
    { kind: 'approximate' },
  ],
  labels: {
    en: { name: 'Battery supply-chain plants', filters: { plantStage: 'Stage', plantStatus: 'Status' } },
    es: { name: 'Plantas de la cadena de baterías', filters: { plantStage: 'Etapa', plantStatus: 'Estado' } },
  },
  // issue 15: '<id>-jobs' draws the plants sized by reported jobs (human capital theme)
  pickableDeckLayerIds: ['battery-plants', 'battery-plants-jobs'],
  build: ({ input: { data, mask, visible }, zoomLevel, state }) => {
    // issue 15: the human capital theme sizes plants by reported jobs
    if (state.theme === 'human') return jobsSizedLayers('battery-plants', data, mask, visible, zoomLevel);
    const scale = facilityScale(zoomLevel);
    return [
      new ScatterplotLayer({
        id: 'battery-plants-approximate',
        data: ringData(data),
        visible,
        pickable: false,
        radiusUnits: 'pixels',
        radiusScale: scale,
        filled: false,
        stroked: true,
        getLineColor: APPROXIMATE_RING.color,
        lineWidthUnits: 'pixels',
        getLineWidth: APPROXIMATE_RING.widthPixels,
        getFilterValue: maskAndAccessor(mask, styleOf(data).approximate),
        filterRange: FILTER_RANGE,
        updateTriggers: { getFilterValue: maskVersion(mask) },
        extensions: [FILTER_EXTENSION],
      }),
      new ScatterplotLayer({
        id: 'battery-plants',
        data: plantData(data),
        visible,
        pickable: true,
        radiusUnits: 'pixels',
        radiusScale: scale,
        stroked: true,
        lineWidthUnits: 'pixels',
        getFilterValue: maskAccessor(mask),
        filterRange: FILTER_RANGE,
        updateTriggers: { getFilterValue: maskVersion(mask) },
        extensions: [FILTER_EXTENSION],
      }),
    ];
  },
};
