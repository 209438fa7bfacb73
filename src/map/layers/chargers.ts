/**
 * Chargers: 50,000+ points. Below CHARGER_AGGREGATE_BELOW_ZOOM they are binned into hexagons whose
 * colour says how many chargers (passing the filters) fall in the cell; from that zoom on, points
 * coloured by level (DC > L2 > L1 > unknown when a station has several).
 *
 * Both layers always exist (stable ids); the zoom only flips `visible`. The hexagons are binned once
 * per dataset (./hexbin.ts); a filter change only recolours each cell from its visible rows, the
 * points only their filter attribute.
 */
import { maskVersion } from '../../filters/mask-version.ts';
import { ColumnLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerColumns } from '../../data/atlas-data.ts';
import type { PointLayerSpec } from '../layer-spec.ts';
import { CHARGER_LEVEL_COLORS, LAYER_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import { FILTER_EXTENSION, FILTER_RANGE, binaryPoints, firstBitInPriority, maskAccessor, perColumns } from './common.ts';
import { HEXAGON_VERTICES, hexagonCells, type HexagonCell } from './hexbin.ts';

/** Hexagons below this zoom, points from it on. */
export const CHARGER_AGGREGATE_BELOW_ZOOM = 6;

/** Level drawn for a station with several levels. */
export const CHARGER_LEVEL_PRIORITY = ['DC', 'L2', 'L1'] as const;

/**
 * Hexbin colour ramp: a cell with `min` or more visible chargers (and fewer than the next step's
 * `min`) takes `color`. Translucent so the basemap (state lines, labels) stays legible under it.
 */
export const HEXBIN_RAMP: readonly { min: number; color: Rgba }[] = [
  { min: 1, color: [161, 218, 180, 165] },
  { min: 5, color: [102, 194, 164, 175] },
  { min: 25, color: [65, 174, 196, 185] },
  { min: 100, color: [33, 113, 181, 195] },
  { min: 400, color: [37, 52, 148, 205] },
  { min: 1500, color: [8, 29, 88, 215] },
];

/**
 * Hexagon radius in Web Mercator common units (512 around the world): 8 px on screen at zoom 3, 16 px at zoom 4, up to
 * 64 px just below CHARGER_AGGREGATE_BELOW_ZOOM, the same at every latitude.
 */
export const HEXBIN_RADIUS_COMMON = 1;

/** Ramp step of a cell holding `count` visible chargers, or NaN (cell hidden) when none. */
export function hexbinStep(count: number): number {
  if (!(count >= HEXBIN_RAMP[0]!.min)) return NaN;
  let step = 0;
  for (let i = 1; i < HEXBIN_RAMP.length; i++) if (count >= HEXBIN_RAMP[i]!.min) step = i;
  return step;
}

/** Point radius in pixels by integer zoom: small at the threshold, growing as one zooms in. */
export function chargerPointRadius(zoomLevel: number): number {
  return Math.min(8, 2.5 + Math.max(0, zoomLevel - CHARGER_AGGREGATE_BELOW_ZOOM) * 0.9);
}

export function chargerLevelAt(data: LayerColumns, row: number): string {
  const level = data.columns.level;
  if (!level) return 'unknown';
  return firstBitInPriority(level.values[row]!, level.spec.categories ?? [], CHARGER_LEVEL_PRIORITY);
}

export function chargerColor(data: LayerColumns, row: number): Rgba {
  return colorOf(CHARGER_LEVEL_COLORS, chargerLevelAt(data, row));
}

const pointData = perColumns((data) => {
  const n = data.rowCount;
  const fill = new Uint8Array(n * 4);
  for (let row = 0; row < n; row++) fill.set(chargerColor(data, row), row * 4);
  const binary = binaryPoints(data);
  binary.attributes.getFillColor = { value: fill, size: 4, normalized: true };
  return binary;
});
/** The chargers' hexagons, whatever the filters (a filter change recolours them). */
const chargerHexagons = perColumns((data) => hexagonCells(data.position, data.rowCount, HEXBIN_RADIUS_COMMON));

const HIDDEN: Rgba = [0, 0, 0, 0];

/** Number of rows among `indices` that pass the mask. */
export function countVisibleRows(indices: ArrayLike<number>, mask: Uint8Array): number {
  let count = 0;
  for (let k = 0; k < indices.length; k++) count += mask[indices[k]!] ?? 0;
  return count;
}

/** A hexagon's colour value: the ramp step of its rows passing the mask, NaN (not drawn) when none does. */
export function hexbinCellValue(indices: ArrayLike<number>, mask: Uint8Array): number {
  return hexbinStep(countVisibleRows(indices, mask));
}

const CHARGER_LAYER_IDS = { hexagons: 'chargers-hexagons', points: 'chargers' } as const;

export const chargersLayer: PointLayerSpec = {
  kind: 'points',
  id: 'chargers',
  dataset: 'chargers',
  order: 10,
  color: LAYER_COLORS.chargers,
  defaultVisible: true,
  searchable: false,
  filters: [
    { param: 'chargerLevel', column: 'level' },
    { param: 'chargerNetwork', column: 'network' },
    { param: 'chargerStatus', column: 'status' },
    { param: 'chargerAccess', column: 'access' },
  ],
  symbol: { domain: 'chargerLevel', valueAt: chargerLevelAt },
  symbolRadius: (_data, _row, zoomLevel) => (zoomLevel < CHARGER_AGGREGATE_BELOW_ZOOM ? 6 : chargerPointRadius(zoomLevel)),
  legend: [
    { kind: 'palette', title: 'legend.levels', domain: 'chargerLevel', keys: ['DC', 'L2', 'L1', 'unknown'], palette: CHARGER_LEVEL_COLORS, shape: 'dot' },
    { kind: 'ramp', title: 'legend.density', steps: HEXBIN_RAMP, note: { key: 'legend.pointsFromZoom', values: { zoom: CHARGER_AGGREGATE_BELOW_ZOOM } } },
  ],
  labels: {
    en: { name: 'EV chargers', filters: { chargerLevel: 'Charging level', chargerNetwork: 'Network', chargerStatus: 'Status', chargerAccess: 'Access' } },
    es: { name: 'Cargadores de VE', filters: { chargerLevel: 'Nivel de carga', chargerNetwork: 'Red', chargerStatus: 'Estado', chargerAccess: 'Acceso' } },
  },
  pickableDeckLayerIds: [CHARGER_LAYER_IDS.hexagons, CHARGER_LAYER_IDS.points],
  aggregate: {
    deckLayerId: CHARGER_LAYER_IDS.hexagons,
    tooltip: (object, mask, t, locale) => {
      const rows = (object as Partial<HexagonCell> | undefined)?.rows;
      if (!rows) return null;
      const count = countVisibleRows(rows, mask);
      return `${t('atlasMap.tooltip.hexCount', { count, formatted: count.toLocaleString(locale) })}\n${t('atlasMap.tooltip.zoomIn')}`;
    },
    clickView: (object) => {
      const position = (object as Partial<HexagonCell> | undefined)?.position;
      return position ? { center: [position[0], position[1]], zoom: CHARGER_AGGREGATE_BELOW_ZOOM + 1 } : null;
    },
  },
  build: ({ input: { data, mask, visible }, state, zoomLevel }) => {
    const aggregated = zoomLevel < CHARGER_AGGREGATE_BELOW_ZOOM;
    // a state choropleth shows the same counts by state: the hexagons would hide it
    // (issue 15: so would a policy or the coverage view)
    const hexagonsVisible = visible && aggregated && state.choropleth === null && state.policy === null && !state.coverage;
    const layers: Layer[] = [
      new ColumnLayer<HexagonCell>({
        id: CHARGER_LAYER_IDS.hexagons,
        data: chargerHexagons(data),
        visible: hexagonsVisible,
        pickable: true,
        getPosition: (cell) => cell.position,
        // a cell with no charger passing the filters is transparent, which deck.gl neither draws nor picks
        getFillColor: (cell) => {
          const step = hexbinCellValue(cell.rows, mask);
          return Number.isNaN(step) ? HIDDEN : HEXBIN_RAMP[step]!.color;
        },
        updateTriggers: { getFillColor: maskVersion(mask) },
        diskResolution: 6,
        vertices: HEXAGON_VERTICES,
        radiusUnits: 'common',
        radius: HEXBIN_RADIUS_COMMON,
        coverage: 0.92,
        extruded: false,
      }),
      new ScatterplotLayer({
        id: CHARGER_LAYER_IDS.points,
        data: pointData(data),
        visible: visible && !aggregated,
        pickable: true,
        radiusUnits: 'pixels',
        getRadius: 1,
        radiusScale: chargerPointRadius(zoomLevel),
        stroked: true,
        getLineColor: [255, 255, 255, 200],
        lineWidthUnits: 'pixels',
        getLineWidth: 0.75,
        getFilterValue: maskAccessor(mask),
        filterRange: FILTER_RANGE,
        updateTriggers: { getFilterValue: maskVersion(mask) },
        extensions: [FILTER_EXTENSION],
      }),
    ];
    return layers;
  },
};
