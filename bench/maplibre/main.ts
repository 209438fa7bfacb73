/**
 * Baseline (b): maplibre-gl 6 with the atlas's own offline basemap style and the chargers as a
 * clustered GeoJSON source with circle layers, the common modern choice. Filters replace the source
 * data (setData), since a clustered source's counts cannot be filtered with setFilter.
 */
import { Map as MaplibreMap, setWorkerUrl, type GeoJSONSource, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_VIEW } from '../../src/state/atlas-state.ts';
import { createBasemapStyle } from '../../src/map/basemap-style.ts';
import { distUrl, filterFeatures, installBenchApi, nextFrame, type ChargerFeature, type FilterName } from '../shared/bench-api.ts';

setWorkerUrl(workerUrl);

// The app keeps the FeatureCollection to filter it, so it fetches it itself (in parallel with the style).
const chargersData = fetch(distUrl('data/chargers.geojson')).then(async (response) => {
  if (!response.ok) throw new Error(`chargers.geojson: HTTP ${response.status}`);
  return (await response.json()) as FeatureCollection;
});
let features: ChargerFeature[] = [];

/**
 * The atlas's style with its basemap read from the GeoJSON files the atlas's vector tiles are cut from (one GeoJSON
 * source per tile layer, tiled by maplibre's worker in the page, as the atlas itself did before issue 13): what a
 * plain maplibre page does, and the same baseline as the earlier runs.
 */
function withGeojsonBasemap(style: StyleSpecification): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  const layers = style.layers.map((layer): LayerSpecification => {
    if (!('source-layer' in layer) || !layer['source-layer']) return layer;
    const { 'source-layer': name, ...rest } = layer;
    sources[name] ??= { type: 'geojson', data: distUrl(`basemap/${name}.geojson`), tolerance: 0.25 };
    return { ...rest, source: name } as LayerSpecification;
  });
  return { ...style, sources, layers };
}

const style: StyleSpecification = withGeojsonBasemap(createBasemapStyle({ baseUrl: distUrl(''), language: 'en' }));
const chargerLayers: LayerSpecification[] = [
  {
    id: 'charger-clusters',
    type: 'circle',
    source: 'chargers',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['step', ['get', 'point_count'], '#7fcdbb', 100, '#41b6c4', 1000, '#225ea8'],
      'circle-radius': ['step', ['get', 'point_count'], 12, 100, 16, 1000, 22],
      'circle-opacity': 0.85,
    },
  },
  {
    id: 'charger-cluster-count',
    type: 'symbol',
    source: 'chargers',
    filter: ['has', 'point_count'],
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans Bold'], 'text-size': 11 },
  },
  {
    id: 'charger-points',
    type: 'circle',
    source: 'chargers',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': ['case', ['in', 'DC', ['coalesce', ['get', 'level'], ['literal', []]]], '#d7301f', '#2b8cbe'],
      'circle-radius': 4,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  },
];

const map = new MaplibreMap({
  container: 'map',
  style,
  center: DEFAULT_VIEW.center,
  zoom: DEFAULT_VIEW.zoom,
  attributionControl: false,
});

/** The next `idle` (everything loaded and drawn), then the first animation frame after that frame. */
const nextIdleFrame = () => new Promise<void>((resolve) => map.once('idle', () => resolve())).then(nextFrame);

const api = installBenchApi(async (name: FilterName) => {
  const t0 = performance.now();
  const filtered = filterFeatures(features, name);
  api.shown = filtered.length;
  const idle = nextIdleFrame();
  (map.getSource('chargers') as GeoJSONSource).setData({ type: 'FeatureCollection', features: filtered });
  return (await idle) - t0;
});

map.on('load', () => {
  chargersData
    .then((data) => {
      features = data.features as ChargerFeature[];
      api.shown = features.length;
      map.addSource('chargers', { type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: 12 });
      for (const layer of chargerLayers) map.addLayer(layer);
      map.on('idle', function firstIdle() {
        if (!map.getSource('chargers') || !map.isSourceLoaded('chargers')) return;
        map.off('idle', firstIdle);
        void nextFrame().then((t) => (api.chargersVisibleAt = t));
      });
    })
    .catch((error) => (api.error = String(error)));
});
map.on('error', (event) => (api.error = String(event.error?.message ?? event.error)));
