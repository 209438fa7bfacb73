/**
 * Baseline (a): Leaflet 1.9 + Leaflet.markercluster 1.5 with chunkedLoading, the common choice in
 * policy dashboards. Basemap: the atlas's own GeoJSON (countries, state lines, lakes) drawn with
 * L.geoJSON on one canvas renderer; no tiles. Chargers: circle markers (no icon images) in a cluster group.
 */
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_VIEW } from '../../src/state/atlas-state.ts';
import { BASEMAP_COLORS as C } from '../../src/map/basemap-style.ts';
import { fetchJson, filterFeatures, installBenchApi, nextFrame, type ChargerFeature, type FilterName } from '../shared/bench-api.ts';

// maplibre uses 512-px tiles, Leaflet 256-px ones: the same scale is one zoom level higher in Leaflet.
const LEAFLET_ZOOM = DEFAULT_VIEW.zoom + 1;

let onChunksDone: (() => void) | null = null;
const map = L.map('map', { minZoom: 1, maxZoom: 18, zoomSnap: 0, zoomControl: true, attributionControl: false, preferCanvas: true });
map.setView([DEFAULT_VIEW.center[1], DEFAULT_VIEW.center[0]], LEAFLET_ZOOM, { animate: false });
const renderer = L.canvas({ padding: 0.5 });
map.getContainer().style.background = C.water;

const cluster = L.markerClusterGroup({
  chunkedLoading: true,
  chunkProgress: (processed: number, total: number) => {
    if (processed === total && onChunksDone) {
      const done = onChunksDone;
      onChunksDone = null;
      done();
    }
  },
});

let markers: { feature: ChargerFeature; marker: L.CircleMarker }[] = [];

/** Adds markers with chunked loading; resolves at the first animation frame after the one that drew them. */
async function showMarkers(list: L.Layer[]): Promise<number> {
  const done = new Promise<void>((resolve) => (onChunksDone = resolve));
  cluster.addLayers(list);
  if (list.length === 0) onChunksDone?.();
  await done;
  // Leaflet redraws its canvas and positions cluster icons in the next animation frame:
  // the first rAF lands in that frame, the second one starts the frame after it was drawn.
  await nextFrame();
  return nextFrame();
}

const api = installBenchApi(async (name: FilterName) => {
  const t0 = performance.now();
  const wanted = new Set(
    filterFeatures(
      markers.map((m) => m.feature),
      name,
    ),
  );
  const list = markers.filter((m) => wanted.has(m.feature)).map((m) => m.marker);
  cluster.clearLayers();
  api.shown = list.length;
  const t1 = await showMarkers(list);
  return t1 - t0;
});

async function main() {
  const basemapStyle = (file: string, style: L.PathOptions) => fetchJson<FeatureCollection>(file).then((data) => ({ data, style }));
  const basemap = Promise.all([
    basemapStyle('basemap/countries.geojson', { stroke: false, fillColor: C.landFocus, fillOpacity: 1 }),
    basemapStyle('basemap/lakes.geojson', { stroke: false, fillColor: C.water, fillOpacity: 1 }),
    basemapStyle('basemap/state-lines.geojson', { color: C.stateLine, weight: 0.8, fill: false }),
    basemapStyle('basemap/borders.geojson', { color: C.borderFocus, weight: 1.2, fill: false }),
  ]);
  const chargers = fetchJson<FeatureCollection>('data/chargers.geojson');
  for (const { data, style } of await basemap) {
    // GeoJSON options are passed on to each path it creates, so `renderer` puts them all on one canvas.
    const options = {
      renderer,
      interactive: false,
      style: (feature?: GeoJSON.Feature) => (feature?.properties?.focus === false ? { ...style, fillColor: C.landContext } : style),
    } as L.GeoJSONOptions;
    L.geoJSON(data, options).addTo(map);
  }
  const features = (await chargers).features as ChargerFeature[];
  markers = features.map((feature) => ({
    feature,
    marker: L.circleMarker([feature.geometry.coordinates[1]!, feature.geometry.coordinates[0]!], {
      renderer,
      radius: 4,
      weight: 1,
      color: '#ffffff',
      fillColor: Array.isArray(feature.properties.level) && feature.properties.level.includes('DC') ? '#d7301f' : '#2b8cbe',
      fillOpacity: 0.9,
    }),
  }));
  cluster.addTo(map);
  api.shown = markers.length;
  api.chargersVisibleAt = await showMarkers(markers.map((m) => m.marker));
}

main().catch((error) => (api.error = String(error)));
