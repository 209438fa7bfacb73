/**
 * Vehicle assembly plants: squares (to tell them from the round battery plants), colour by EV
 * production, size by capex when known, fill/outline by status, and an outer square frame for
 * approximate locations. Squares come from a tiny SVG icon atlas generated here as a data: URL
 * (no network, no font), tinted per row (mask icons).
 */
import { maskVersion } from '../../filters/mask-version.ts';
import { IconLayer } from '@deck.gl/layers';
import type { LayerColumns } from '../../data/atlas-data.ts';
import type { PointLayerSpec } from '../layer-spec.ts';
import { ASSEMBLY_EV_COLORS, LAYER_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import {
  APPROXIMATE_RING,
  FACILITY_STATUS_LEGEND_KEYS,
  FILTER_EXTENSION,
  FILTER_RANGE,
  categoryAt,
  computeRowStyle,
  facilityScale,
  maskAccessor,
  maskAndAccessor,
  numberAt,
  perColumns,
  statusFill,
  statusOutline,
  type RowStyle,
} from './common.ts';
import { jobsSizedLayers } from './jobs-sizing.ts';

const CELL = 64;
const FRAME = 6;
const THIN = 3;
/** Icon atlas: a filled square and a square frame, white (tinted by getColor). */
export const SQUARE_ICON_ATLAS =
  'data:image/svg+xml;charset=utf-8,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL * 3}" height="${CELL}">` +
      `<rect x="0" y="0" width="${CELL}" height="${CELL}" fill="#fff"/>` +
      `<rect x="${CELL + FRAME / 2}" y="${FRAME / 2}" width="${CELL - FRAME}" height="${CELL - FRAME}" fill="none" stroke="#fff" stroke-width="${FRAME}"/>` +
      `<rect x="${CELL * 2 + THIN / 2}" y="${THIN / 2}" width="${CELL - THIN}" height="${CELL - THIN}" fill="none" stroke="#fff" stroke-width="${THIN}"/>` +
      `</svg>`,
  );

/**
 * The same atlas as pixels (RGBA, white where the SVG paints, transparent elsewhere: its rectangles sit on whole
 * pixels). Given as pixels, deck.gl has the icons at its first draw; given as an image URL, it draws once without
 * them and again when the image has decoded (issue 13: one full redraw less in the default view).
 */
export function squareIconPixels(): { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> } {
  const width = CELL * 3;
  const data = new Uint8ClampedArray(width * CELL * 4);
  const border = [CELL, FRAME, THIN];
  for (let y = 0; y < CELL; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.floor(x / CELL);
      const cx = x - cell * CELL;
      const edge = Math.min(cx, y, CELL - 1 - cx, CELL - 1 - y);
      if (edge < border[cell]!) data.fill(255, (y * width + x) * 4, (y * width + x) * 4 + 4);
    }
  }
  return { width, height: CELL, data };
}

/**
 * The atlas deck.gl gets: pixels in a browser, the SVG where ImageData does not exist (tests in Node). deck.gl's
 * `image` props take pixel data (made into a texture at once), though its types only name a URL or a Texture.
 */
function squareIconAtlas(): string {
  if (typeof ImageData === 'undefined') return SQUARE_ICON_ATLAS;
  const { width, height, data } = squareIconPixels();
  return new ImageData(data, width, height) as unknown as string;
}
export const SQUARE_ICON_MAPPING = {
  square: { x: 0, y: 0, width: CELL, height: CELL, mask: true },
  frame: { x: CELL, y: 0, width: CELL, height: CELL, mask: true },
  thinFrame: { x: CELL * 2, y: 0, width: CELL, height: CELL, mask: true },
} as const;

/** Half-side in pixels (national view): 5.5 when capex is unknown, 5.5 + 0.12·√USD M otherwise (1,000 → 9.3, 5,000 → 14), at most 14. */
export const ASSEMBLY_MIN_HALF_SIDE_PIXELS = 5.5;
export const ASSEMBLY_MAX_HALF_SIDE_PIXELS = 14;
export function assemblyHalfSide(capexMusd: number | null | undefined): number {
  if (capexMusd == null || !Number.isFinite(capexMusd) || capexMusd <= 0) return ASSEMBLY_MIN_HALF_SIDE_PIXELS;
  return Math.min(ASSEMBLY_MAX_HALF_SIDE_PIXELS, ASSEMBLY_MIN_HALF_SIDE_PIXELS + 0.12 * Math.sqrt(capexMusd));
}

export function assemblyStyle(data: LayerColumns, row: number): { fill: Rgba; line: Rgba; lineWidth: number; radius: number } {
  const status = categoryAt(data, 'status', row);
  const outline = statusOutline(status);
  return {
    fill: statusFill(colorOf(ASSEMBLY_EV_COLORS, categoryAt(data, 'ev', row)), status),
    line: outline.color,
    lineWidth: outline.width,
    radius: assemblyHalfSide(numberAt(data, 'capexMusd', row)),
  };
}

const styleOf = perColumns((data) => computeRowStyle(data, (row) => assemblyStyle(data, row)));

function iconData(data: LayerColumns, style: RowStyle, color: 'fill' | 'line' | 'ring', extraPixels: number) {
  const sizes = new Float32Array(data.rowCount);
  for (let i = 0; i < sizes.length; i++) sizes[i] = 2 * style.radius[i]! + extraPixels;
  const attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }> = {
    getPosition: { value: data.position, size: 2 },
    getSize: { value: sizes, size: 1 },
  };
  if (color !== 'ring') attributes.getColor = { value: color === 'fill' ? style.fill : style.line, size: 4, normalized: true };
  return { length: data.rowCount, attributes };
}
const fillData = perColumns((data) => iconData(data, styleOf(data), 'fill', 0));
const outlineData = perColumns((data) => iconData(data, styleOf(data), 'line', 0));
const ringData = perColumns((data) => iconData(data, styleOf(data), 'ring', 2 * (APPROXIMATE_RING.gapPixels + 2)));

const common = {
  iconAtlas: squareIconAtlas(),
  iconMapping: SQUARE_ICON_MAPPING,
  sizeUnits: 'pixels' as const,
  billboard: true,
  filterRange: FILTER_RANGE,
  extensions: [FILTER_EXTENSION],
};

export const assemblyPlantsLayer: PointLayerSpec = {
  kind: 'points',
  id: 'assembly-plants',
  dataset: 'assembly-plants',
  order: 40,
  color: LAYER_COLORS['assembly-plants'],
  defaultVisible: true,
  searchable: true,
  filters: [
    { param: 'assemblyEv', column: 'ev' },
    { param: 'assemblyStatus', column: 'status' },
  ],
  symbol: { domain: 'ev', valueAt: (data, row) => categoryAt(data, 'ev', row) },
  symbolRadius: (data, row, zoomLevel) => assemblyHalfSide(numberAt(data, 'capexMusd', row)) * facilityScale(zoomLevel) * 1.3,
  legend: [
    { kind: 'palette', title: 'legend.ev', domain: 'ev', keys: Object.keys(ASSEMBLY_EV_COLORS), palette: ASSEMBLY_EV_COLORS, shape: 'dot' },
    { kind: 'status', domain: 'facilityStatus', keys: FACILITY_STATUS_LEGEND_KEYS },
    { kind: 'approximate' },
  ],
  labels: {
    en: { name: 'Vehicle assembly plants', filters: { assemblyEv: 'EV production', assemblyStatus: 'Status' } },
    es: { name: 'Plantas de ensamble de vehículos', filters: { assemblyEv: 'Producción de VE', assemblyStatus: 'Estado' } },
  },
  // issue 15: '<id>-jobs' draws the plants sized by reported jobs (human capital theme)
  pickableDeckLayerIds: ['assembly-plants', 'assembly-plants-jobs'],
  build: ({ input: { data, mask, visible }, zoomLevel, state }) => {
    // issue 15: the human capital theme sizes plants by reported jobs
    if (state.theme === 'human') return jobsSizedLayers('assembly-plants', data, mask, visible, zoomLevel);
    const sizeScale = facilityScale(zoomLevel);
    return [
      new IconLayer({
        ...common,
        id: 'assembly-plants-approximate',
        data: ringData(data),
        visible,
        pickable: false,
        sizeScale,
        getIcon: () => 'thinFrame',
        getColor: APPROXIMATE_RING.color,
        getFilterValue: maskAndAccessor(mask, styleOf(data).approximate),
        updateTriggers: { getFilterValue: maskVersion(mask) },
      }),
      new IconLayer({
        ...common,
        id: 'assembly-plants',
        data: fillData(data),
        visible,
        pickable: true,
        sizeScale,
        getIcon: () => 'square',
        getFilterValue: maskAccessor(mask),
        updateTriggers: { getFilterValue: maskVersion(mask) },
      }),
      new IconLayer({
        ...common,
        id: 'assembly-plants-outline',
        data: outlineData(data),
        visible,
        pickable: false,
        sizeScale,
        getIcon: () => 'frame',
        getFilterValue: maskAccessor(mask),
        updateTriggers: { getFilterValue: maskVersion(mask) },
      }),
    ];
  },
};
