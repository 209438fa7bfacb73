/**
 * The offline basemap: a maplibre style built from the static vector tiles in public/basemap/tiles/ (cut at
 * build time from the GeoJSON in public/basemap/, see data/basemap/README.md) and the Noto Sans woff2 files in
 * public/fonts/. No tile server (plain files), no glyph server, no sprite: labels use maplibre 6's `font-faces`
 * style property.
 *
 * Designed for a projector: light, calm, high contrast; deck.gl data layers drawn on top in
 * saturated colours must stand out, so the basemap stays in warm greys and a pale blue.
 */
import type { ExpressionSpecification, FilterSpecification, FontFacesSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

export type BasemapLanguage = 'en' | 'es';

export interface BasemapStyleOptions {
  /** Absolute URL of the app's base, e.g. `new URL('./', document.baseURI).href`. */
  baseUrl: string;
  language: BasemapLanguage;
  /** a state choropleth: fill colour per ISO 3166-2 code (CSS colours); drawn under the lakes, lines and labels */
  choropleth?: StateFills | null;
}

export interface StateFills {
  /** state code → CSS colour; states not listed are not filled */
  colors: Readonly<Record<string, string>>;
}

/** The maplibre layer id of the state choropleth (queried for hover and click). */
export const CHOROPLETH_LAYER_ID = 'states-choropleth';

/** Frames the contiguous US and all of Mexico at 1280×800. */
export const NORTH_AMERICA_VIEW: { center: [number, number]; zoom: number } = {
  center: [-101, 32.5],
  zoom: 3.25,
};

/**
 * The static vector tiles the style loads (paths relative to the app's base), cut by data/basemap/build-tiles.ts
 * for zoom 0..maxzoom (maplibre overzooms the last zoom beyond) inside `bounds` (lon/lat west, south, east, north).
 * Source layers: countries, borders, state-lines, lakes, rivers, labels, places, and states (the US and MX state
 * polygons with their ISO 3166-2 `code`, drawn only by the choropleth).
 */
export const BASEMAP_TILES = {
  url: 'basemap/tiles/{z}/{x}/{y}.pbf',
  maxzoom: 6,
  bounds: [-180, 5, -50, 72] as [number, number, number, number],
} as const;

/** Font names used in `text-font`, declared in the style's `font-faces`. */
export const BASEMAP_FONTS = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

// Unicode ranges of the @fontsource/noto-sans subsets (its unicode.json).
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/** Palette (exported for legends and tests). */
export const BASEMAP_COLORS = {
  water: '#cfe2ee',
  waterLine: '#aecbdd',
  river: '#b4d0e2',
  landContext: '#e6e3de',
  landFocus: '#f7f5f1',
  borderFocus: '#6f6861',
  borderContext: '#aaa49d',
  stateLine: '#b0a89f',
  provinceLine: '#cdc7c0',
  labelCountryFocus: '#3a3632',
  labelCountryContext: '#948e87',
  labelState: '#67605a',
  labelPlace: '#2f2c29',
  halo: 'rgba(255, 255, 255, 0.9)',
  placeDot: '#4d4842',
} as const;

/** Ids of the layers the basemap adds, bottom to top. Data layers go above all of them. */
export const BASEMAP_LAYER_IDS = [
  'land-context',
  'land-focus',
  'lakes',
  'lakes-edge',
  'rivers',
  'coastline',
  'state-lines-context',
  'state-lines',
  'borders-context',
  'borders-focus',
  'labels-country-context',
  'places-dots',
  'places-labels',
  'labels-state',
  'places-dots-collision',
  'places-labels-major',
  'labels-country-focus',
] as const;
export type BasemapLayerId = (typeof BASEMAP_LAYER_IDS)[number];

function absoluteBase(baseUrl: string): string {
  const url = new URL(baseUrl); // throws on a relative URL: the worker needs absolute ones
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

function fontFaces(base: string): FontFacesSpecification {
  const face = (weight: 400 | 700) => [
    { url: new URL(`fonts/noto-sans-latin-${weight}-normal.woff2`, base).href, 'unicode-range': LATIN_RANGE.split(',') },
    { url: new URL(`fonts/noto-sans-latin-ext-${weight}-normal.woff2`, base).href, 'unicode-range': LATIN_EXT_RANGE.split(',') },
  ];
  return { [BASEMAP_FONTS.regular]: face(400), [BASEMAP_FONTS.bold]: face(700) };
}

/**
 * Which cities are shown, by zoom (integers: maplibre evaluates zoom in filters at integer zooms):
 * below 5 the biggest metropolises and national capitals, from 5 cities over 300,000 and all
 * state capitals, from 6 every place in the file (over 100,000 people); places within 15 km of a
 * bigger one (boroughs, suburbs) from 8, and below 5 only places 50 km from any bigger one.
 */
export const PLACE_MIN_POPULATION = { overview: 1000000, regional: 300000 } as const;
/** Cities whose labels take precedence over state names. */
const MAJOR_PLACE: FilterSpecification = ['any', ['>=', ['get', 'population'], PLACE_MIN_POPULATION.overview], ['==', ['get', 'capital'], true]];
export const PLACE_FILTER: FilterSpecification = [
  'all',
  // Suburbs and boroughs (another, bigger place within 15 km) only when zoomed in.
  [
    'any',
    ['>=', ['zoom'], 8],
    ['==', ['get', 'national_capital'], true],
    ['all', ['>=', ['zoom'], 5], ['any', ['>=', ['get', 'near_larger_km'], 15], ['==', ['get', 'capital'], true]]],
    // In the overview, one name per metropolitan area.
    ['>=', ['get', 'near_larger_km'], 50],
  ],
  [
    'any',
    ['>=', ['get', 'population'], PLACE_MIN_POPULATION.overview],
    ['==', ['get', 'national_capital'], true],
    ['all', ['>=', ['zoom'], 5], ['any', ['>=', ['get', 'population'], PLACE_MIN_POPULATION.regional], ['==', ['get', 'capital'], true]]],
    ['>=', ['zoom'], 6],
  ],
];

function stateFillExpression(colors: Readonly<Record<string, string>>): ExpressionSpecification | string {
  const entries = Object.entries(colors).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return 'rgba(0, 0, 0, 0)';
  return ['match', ['get', 'code'], ...entries.flat(), 'rgba(0, 0, 0, 0)'] as unknown as ExpressionSpecification;
}

export function createBasemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const base = absoluteBase(options.baseUrl);
  const lang = options.language === 'es' ? 'es' : 'en';
  const C = BASEMAP_COLORS;

  // `base` is absolute and ends with '/'; the template is not passed through URL, which would escape its braces
  const sources: Record<string, SourceSpecification> = {
    basemap: { type: 'vector', tiles: [base + BASEMAP_TILES.url], minzoom: 0, maxzoom: BASEMAP_TILES.maxzoom, bounds: BASEMAP_TILES.bounds },
  };

  const countryName: ExpressionSpecification = ['get', lang === 'es' ? 'name_es' : 'name_en'];
  const stateName: ExpressionSpecification = ['coalesce', ['get', lang === 'es' ? 'name_es' : 'name_en'], ['get', 'name']];
  const isFocus: FilterSpecification = ['==', ['get', 'focus'], true];
  const notFocus: FilterSpecification = ['!=', ['get', 'focus'], true];

  // Population tier of a place: 0 (biggest) .. 2, used for dot and text size.
  const placeSizeByPopulation = (small: number, medium: number, large: number): ExpressionSpecification => [
    'step',
    ['get', 'population'],
    small,
    800000,
    medium,
    3000000,
    large,
  ];
  const placeFilter = PLACE_FILTER;

  // No background layer: the sea is the map container's background (`createAtlasMap`), one shader program fewer.
  const layers: LayerSpecification[] = [
    {
      id: 'land-context',
      type: 'fill',
      source: 'basemap',
      'source-layer': 'countries',
      filter: notFocus,
      paint: { 'fill-color': C.landContext, 'fill-antialias': false },
    },
    {
      id: 'land-focus',
      type: 'fill',
      source: 'basemap',
      'source-layer': 'countries',
      filter: isFocus,
      paint: { 'fill-color': C.landFocus, 'fill-antialias': false },
    },
    { id: 'lakes', type: 'fill', source: 'basemap', 'source-layer': 'lakes', paint: { 'fill-color': C.water, 'fill-antialias': false } },
    // the lakes' edges smoothed by a line (the land's by the coastline and borders): a fill's own antialiasing is a
    // second shader program, compiled at load
    { id: 'lakes-edge', type: 'line', source: 'basemap', 'source-layer': 'lakes', paint: { 'line-color': C.water, 'line-width': 0.75 } },
    {
      id: 'rivers',
      type: 'line',
      source: 'basemap',
      'source-layer': 'rivers',
      minzoom: 4,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': C.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 8, 1.6],
      },
    },
    {
      id: 'coastline',
      type: 'line',
      source: 'basemap',
      'source-layer': 'countries',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': C.waterLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 8, 1.2],
      },
    },
    {
      id: 'state-lines-context',
      type: 'line',
      source: 'basemap',
      'source-layer': 'state-lines',
      filter: ['==', ['get', 'country'], 'CA'],
      minzoom: 3,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': C.provinceLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1.2],
      },
    },
    {
      id: 'state-lines',
      type: 'line',
      source: 'basemap',
      'source-layer': 'state-lines',
      filter: ['!=', ['get', 'country'], 'CA'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': C.stateLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 5, 1, 8, 1.8],
      },
    },
    {
      id: 'borders-context',
      type: 'line',
      source: 'basemap',
      'source-layer': 'borders',
      filter: notFocus,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': C.borderContext,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.7, 8, 1.6],
      },
    },
    {
      id: 'borders-focus',
      type: 'line',
      source: 'basemap',
      'source-layer': 'borders',
      filter: isFocus,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': C.borderFocus,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.2, 5, 2, 8, 3],
      },
    },
    {
      id: 'labels-country-context',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'labels',
      filter: ['all', ['==', ['get', 'kind'], 'country'], notFocus, ['>=', ['get', 'area_km2'], 20000]],
      layout: {
        'text-field': countryName,
        'text-font': [BASEMAP_FONTS.regular],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 13, 6, 18],
        'text-letter-spacing': 0.08,
        'text-transform': 'uppercase',
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, ['get', 'area_km2']],
      },
      paint: {
        'text-color': C.labelCountryContext,
        'text-halo-color': C.halo,
        'text-halo-width': 1.2,
      },
    },
    {
      // The dot is the '•' glyph, drawn with the labels' shader program (a circle layer needs one of its own, which
      // software GL compiles at load: issue 13). '•' in Noto Sans is a disc about a seventh of the text size: these
      // sizes and the offset draw the discs of radius 2-3.5 px (zoom 3) to 3.5-5.5 px (zoom 8) with a 1.2 px white
      // rim, as the circles were (compared on screenshots at zoom 3.3, 5, 7 and 9: ink within 3%, centre within 0.1 px).
      id: 'places-dots',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'places',
      filter: placeFilter,
      layout: {
        'text-field': '•',
        'text-font': [BASEMAP_FONTS.regular],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, placeSizeByPopulation(13.6, 17, 23.8), 8, placeSizeByPopulation(24.7, 31.7, 38.8)],
        'text-offset': [0, -0.065],
        'text-padding': 0,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': C.placeDot,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.2,
      },
    },
    {
      id: 'places-labels',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'places',
      filter: ['all', placeFilter, ['!', MAJOR_PLACE]] as FilterSpecification,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [BASEMAP_FONTS.bold],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, placeSizeByPopulation(13, 14, 16), 7, placeSizeByPopulation(15, 16, 18)],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'text-max-width': 9,
        'text-padding': 3,
        'symbol-sort-key': ['-', 0, ['get', 'population']],
      },
      paint: {
        'text-color': C.labelPlace,
        'text-halo-color': C.halo,
        'text-halo-width': 1.6,
      },
    },
    {
      id: 'labels-state',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'labels',
      // Large states from the start, all of them once there is room.
      filter: [
        'all',
        ['==', ['get', 'kind'], 'state'],
        ['any', ['>=', ['zoom'], 7], ['all', ['>=', ['zoom'], 5], ['>=', ['get', 'area_km2'], 5000]], ['>=', ['get', 'area_km2'], 120000]],
      ] as FilterSpecification,
      minzoom: 3.6,
      layout: {
        'text-field': stateName,
        'text-font': [BASEMAP_FONTS.regular],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3.6, 12, 5, 14, 7, 18],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.1,
        'text-max-width': 8,
        'text-variable-anchor': ['center', 'top', 'bottom'],
        'text-radial-offset': 0.8,
        'text-padding': 4,
        'symbol-sort-key': ['-', 0, ['get', 'area_km2']],
      },
      paint: {
        'text-color': C.labelState,
        'text-halo-color': C.halo,
        'text-halo-width': 1.4,
      },
    },
    {
      // Invisible, placed before state and minor city labels: reserves each dot's spot so that they do
      // not cover dots (major city labels, placed earlier, may).
      id: 'places-dots-collision',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'places',
      filter: placeFilter,
      layout: {
        'text-field': '•',
        'text-font': [BASEMAP_FONTS.regular],
        'text-size': 6,
        'text-padding': 0,
        'text-allow-overlap': true,
        'text-ignore-placement': false,
      },
      paint: { 'text-opacity': 0 },
    },
    {
      id: 'places-labels-major',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'places',
      filter: ['all', placeFilter, MAJOR_PLACE] as FilterSpecification,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [BASEMAP_FONTS.bold],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, placeSizeByPopulation(13, 14, 16), 7, placeSizeByPopulation(15, 16, 18)],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'text-max-width': 9,
        'text-padding': 3,
        'symbol-sort-key': ['-', 0, ['get', 'population']],
      },
      paint: {
        'text-color': C.labelPlace,
        'text-halo-color': C.halo,
        'text-halo-width': 1.6,
      },
    },
    {
      id: 'labels-country-focus',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'labels',
      filter: ['all', ['==', ['get', 'kind'], 'country'], isFocus],
      layout: {
        'text-field': countryName,
        'text-font': [BASEMAP_FONTS.bold],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 16, 4, 24, 7, 30],
        'text-letter-spacing': 0.12,
        'text-transform': 'uppercase',
        'text-max-width': 12,
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': C.labelCountryFocus,
        'text-halo-color': C.halo,
        'text-halo-width': 2,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 6, 1, 7.5, 0.55],
      },
    },
  ];

  if (options.choropleth) {
    const lakes = layers.findIndex((layer) => layer.id === 'lakes');
    layers.splice(lakes, 0, {
      id: CHOROPLETH_LAYER_ID,
      type: 'fill',
      source: 'basemap',
      'source-layer': 'states',
      paint: { 'fill-color': stateFillExpression(options.choropleth.colors), 'fill-opacity': 0.88, 'fill-outline-color': C.stateLine },
    });
  }

  return {
    version: 8,
    name: 'US–MX electrification atlas basemap',
    sources,
    layers,
    'font-faces': fontFaces(base),
  };
}
