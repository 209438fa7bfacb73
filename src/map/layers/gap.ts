/**
 * The charging gap: population points (US county population centres, Mexican municipio centres) as
 * circles whose area is proportional to population, coloured by the distance band to the nearest charger
 * passing the filters; candidate sites as numbered markers. The points' positions and radii are built
 * once per population data; a filter or R change swaps only the colours (updateTriggers) and the markers.
 */
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { NO_CHARGER_BAND, DISTANCE_BANDS_KM, distanceBand } from '../../analysis/gap-constants.ts';
import type { CandidateSite, PopulationPoints } from '../../analysis/gap.ts';
import type { GapLayerSpec } from '../layer-spec.ts';
import type { Rgba } from '../layer-styles.ts';

/** Near (blue) to far (red), a colour-blind-safe diverging ramp (RdBu) without its pale middle; no charger at all: dark wine. */
export const GAP_BAND_COLORS: readonly Rgba[] = [
  [33, 102, 172, 220],
  [67, 147, 195, 215],
  [146, 197, 222, 215],
  [244, 165, 130, 220],
  [214, 96, 77, 225],
  [178, 24, 43, 230],
  [90, 0, 40, 235],
];

/** Circle radius in pixels: area proportional to people (about 18 px for Los Angeles County's 10 million). */
export function gapPointRadius(population: number, zoomLevel: number): number {
  const scale = Math.max(1, 1 + (zoomLevel - 4) * 0.35);
  return Math.max(1.5, (Math.sqrt(Math.max(0, population)) / 180) * scale);
}

const GAP_LAYER_IDS = { points: 'gap-points', candidates: 'gap-candidates', labels: 'gap-candidate-labels' } as const;

const binaryCache = new WeakMap<PopulationPoints, { length: number; attributes: { getPosition: { value: Float32Array; size: 2 } } }>();
function binaryOf(points: PopulationPoints) {
  let data = binaryCache.get(points);
  if (!data) binaryCache.set(points, (data = { length: points.rowCount, attributes: { getPosition: { value: points.position, size: 2 } } }));
  return data;
}

const colorCache = new WeakMap<Float64Array, Uint8Array>();
/** One RGBA per row by distance band; rows outside the analysis (NaN) are transparent. */
export function bandColorsOf(distances: Float64Array): Uint8Array {
  let colors = colorCache.get(distances);
  if (colors) return colors;
  colors = new Uint8Array(distances.length * 4);
  for (let row = 0; row < distances.length; row++) {
    const km = distances[row]!;
    if (Number.isNaN(km)) continue;
    colors.set(GAP_BAND_COLORS[distanceBand(km)] ?? GAP_BAND_COLORS[NO_CHARGER_BAND]!, row * 4);
  }
  colorCache.set(distances, colors);
  return colors;
}

let distanceVersion = 0;
const versions = new WeakMap<Float64Array, number>();
function versionOf(distances: Float64Array): number {
  let v = versions.get(distances);
  if (v === undefined) versions.set(distances, (v = ++distanceVersion));
  return v;
}

export const gapLayer: GapLayerSpec = {
  kind: 'gap',
  id: 'gap',
  dataset: 'population',
  order: 60,
  color: [178, 24, 43, 230],
  defaultVisible: false,
  filters: [],
  legend: [],
  bandColors: GAP_BAND_COLORS,
  labels: { en: { name: 'Charging gap', filters: {} }, es: { name: 'Brecha de carga', filters: {} } },
  pickableDeckLayerIds: [],
  build: ({ input: { points, distances, candidates, visible }, zoomLevel }) => {
    if (!visible) return [];
    const colors = bandColorsOf(distances);
    const radii = new Float32Array(points.rowCount);
    // points outside the analysis (another country or state than the filters keep) are not drawn
    for (let row = 0; row < points.rowCount; row++) radii[row] = Number.isNaN(distances[row]!) ? 0 : gapPointRadius(points.population[row]!, zoomLevel);
    const data = {
      ...binaryOf(points),
      attributes: { ...binaryOf(points).attributes, getFillColor: { value: colors, size: 4, normalized: true }, getRadius: { value: radii, size: 1 } },
    };
    const layers: Layer[] = [
      new ScatterplotLayer({
        id: GAP_LAYER_IDS.points,
        data,
        pickable: false,
        radiusUnits: 'pixels',
        stroked: true,
        getLineColor: [30, 30, 30, 150],
        lineWidthUnits: 'pixels',
        getLineWidth: 0.6,
        updateTriggers: { getFillColor: versionOf(distances), getRadius: [zoomLevel, versionOf(distances)] },
      }),
      new ScatterplotLayer<CandidateSite>({
        id: GAP_LAYER_IDS.candidates,
        data: [...candidates],
        pickable: false,
        radiusUnits: 'pixels',
        getPosition: (c) => [c.lon, c.lat],
        getRadius: 11,
        getFillColor: [20, 20, 20, 235],
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
      new TextLayer<CandidateSite>({
        id: GAP_LAYER_IDS.labels,
        data: [...candidates],
        getPosition: (c) => [c.lon, c.lat],
        getText: (c) => String(c.rank),
        getSize: 13,
        getColor: [255, 255, 255, 255],
        fontWeight: 700,
        fontFamily: 'Noto Sans, sans-serif',
        characterSet: '0123456789',
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
    ];
    return layers;
  },
};

/** The legend's bands: [from, to] in km (to = null for the last), then the no-charger band. */
export function gapLegendBands(): { from: number | null; to: number | null; color: Rgba; none?: boolean }[] {
  const bounds = [null, ...DISTANCE_BANDS_KM];
  const bands: { from: number | null; to: number | null; color: Rgba; none?: boolean }[] = bounds.map((from, i) => ({
    from,
    to: DISTANCE_BANDS_KM[i] ?? null,
    color: GAP_BAND_COLORS[i]!,
  }));
  bands.push({ from: null, to: null, color: GAP_BAND_COLORS[NO_CHARGER_BAND]!, none: true });
  return bands;
}
