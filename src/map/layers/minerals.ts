/**
 * Mineral sites: colour by primary commodity (the first in COMMODITY_PRIORITY the site has), fill
 * alpha and outline by status (STATUS_STYLE). Styles are precomputed per row into binary attributes; sites hidden
 * under an identical one at the current zoom are not drawn (./declutter.ts).
 */
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import type { LayerColumns } from '../../data/atlas-data.ts';
import type { PointLayerSpec } from '../layer-spec.ts';
import { COMMODITY_COLORS, LAYER_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import {
  FILTER_EXTENSION,
  FILTER_RANGE,
  binaryPoints,
  categoryAt,
  computeRowStyle,
  facilityScale,
  firstBitInPriority,
  perColumns,
  statusFill,
  statusOutline,
  type BinaryPointData,
} from './common.ts';
import { RowsScatterplotLayer, lookIds, pointsOfRows, topmostRows } from './declutter.ts';

/** Which commodity colours a site that has several. */
export const COMMODITY_PRIORITY = ['lithium', 'nickel', 'cobalt', 'graphite', 'manganese', 'rare_earths', 'copper'] as const;

/** Symbol radius in pixels at the national view (scaled up with zoom by facilityScale). */
export const MINERAL_RADIUS_PIXELS = 4;
/**
 * Radius by status: active projects stand out; the ~14,000 sites of unknown status, known
 * occurrences and past producers are drawn small and without a heavy outline, so they read as
 * a texture under the plants and flows instead of burying them.
 */
export const MINERAL_STATUS_RADIUS: Record<string, number> = {
  producing: 6,
  construction: 6,
  evaluation: 5,
  disputed: 5.5,
  past_producer: 2.75,
  occurrence: 2.5,
  unknown: 2.25,
};
export function mineralRadius(status: string): number {
  return MINERAL_STATUS_RADIUS[status] ?? MINERAL_RADIUS_PIXELS;
}

export function primaryCommodityAt(data: LayerColumns, row: number): string {
  const column = data.columns.commodities;
  if (!column) return 'unknown';
  return firstBitInPriority(column.values[row]!, column.spec.categories ?? [], COMMODITY_PRIORITY);
}

export function mineralStyle(data: LayerColumns, row: number): { fill: Rgba; line: Rgba; lineWidth: number; radius: number } {
  const status = categoryAt(data, 'status', row);
  const outline = statusOutline(status);
  return {
    fill: statusFill(colorOf(COMMODITY_COLORS, primaryCommodityAt(data, row)), status),
    line: outline.color,
    lineWidth: mineralRadius(status) < 3 ? 0.5 : outline.width,
    radius: mineralRadius(status),
  };
}

const mineralStyleOf = perColumns((data) => computeRowStyle(data, (row) => mineralStyle(data, row)));
const mineralPoints = perColumns((data) => binaryPoints(data, mineralStyleOf(data)));
const mineralLooks = perColumns((data) => lookIds(mineralStyleOf(data), data.rowCount));
const NOTHING_DRAWN = { rows: new Uint32Array(0), points: { length: 0, attributes: {} } };
const drawnMinerals = new WeakMap<LayerColumns, { mask: Uint8Array; zoomLevel: number; rows: Uint32Array; points: BinaryPointData }>();

/** The mineral sites drawn for this mask and zoom: the shown rows not covered by an identical later one (./declutter.ts). */
function drawnMineralPoints(data: LayerColumns, mask: Uint8Array, zoomLevel: number): { rows: Uint32Array; points: BinaryPointData } {
  const last = drawnMinerals.get(data);
  if (last && last.mask === mask && last.zoomLevel === zoomLevel) return last;
  const rows = topmostRows(data.position, mask, mineralLooks(data), zoomLevel);
  const drawn = { mask, zoomLevel, rows, points: pointsOfRows(mineralPoints(data), rows) };
  drawnMinerals.set(data, drawn);
  return drawn;
}

export const mineralsLayer: PointLayerSpec = {
  kind: 'points',
  id: 'minerals',
  dataset: 'minerals',
  order: 20,
  color: LAYER_COLORS.minerals,
  defaultVisible: true,
  searchable: true,
  filters: [
    { param: 'mineralCommodity', column: 'commodities' },
    { param: 'mineralStatus', column: 'status' },
  ],
  symbol: { domain: 'commodity', valueAt: primaryCommodityAt },
  symbolRadius: (data, row, zoomLevel) => Math.max(4, mineralRadius(categoryAt(data, 'status', row))) * facilityScale(zoomLevel),
  legend: [
    { kind: 'palette', title: 'legend.commodities', domain: 'commodity', keys: Object.keys(COMMODITY_COLORS), palette: COMMODITY_COLORS, shape: 'dot' },
    { kind: 'status', domain: 'mineralStatus', keys: ['producing', 'construction', 'evaluation', 'past_producer', 'disputed'] },
    { kind: 'approximate' },
  ],
  labels: {
    en: { name: 'Battery-mineral sites', filters: { mineralCommodity: 'Commodity', mineralStatus: 'Status' } },
    es: { name: 'Sitios de minerales para baterías', filters: { mineralCommodity: 'Mineral', mineralStatus: 'Estado' } },
  },
  pickableDeckLayerIds: ['minerals'],
  build: ({ input: { data, mask, visible }, zoomLevel }) => {
    // a hidden layer keeps what it drew: every filter change would otherwise redo the selection (all layers' data
    // load with the chargers view, for the legend counts)
    const { rows, points } = visible ? drawnMineralPoints(data, mask, zoomLevel) : (drawnMinerals.get(data) ?? NOTHING_DRAWN);
    return [
      new RowsScatterplotLayer<DataFilterExtensionProps>({
        id: 'minerals',
        data: points,
        rows,
        visible,
        pickable: true,
        radiusUnits: 'pixels',
        radiusScale: facilityScale(zoomLevel),
        stroked: true,
        lineWidthUnits: 'pixels',
        // the drawn rows are shown ones; the filter extension keeps the plants' scatterplot shader program
        getFilterValue: 1,
        filterRange: FILTER_RANGE,
        extensions: [FILTER_EXTENSION],
      }),
    ];
  },
};
