/**
 * The atlas's maplibre map with its basemap, as the first view starts it: used by the map view and by the
 * benchmark's basemap reference page (bench/basemap-floor), so the reference draws exactly what the atlas draws.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'virtual:maplibre-worker-url';
import { BASEMAP_COLORS, createBasemapStyle } from './basemap-style.ts';
import { warmLabelGlyphs } from './warm-glyphs.ts';
import { skipEmptySky } from './skip-empty-sky.ts';
import { skipStalePlacementRepaint } from './skip-stale-placement.ts';
import { VIEW_LIMITS, type Language, type MapView } from '../state/atlas-state.ts';

setWorkerUrl(workerUrl);

export interface AtlasMapOptions {
  container: HTMLElement | string;
  /** where public/ is served (the basemap's tiles and fonts) */
  baseUrl: string;
  language: Language;
  view: MapView;
}

/** Throws where maplibre cannot create its WebGL context. */
export function createAtlasMap({ container, baseUrl, language, view }: AtlasMapOptions): MaplibreMap {
  const style = createBasemapStyle({ baseUrl, language });
  const map = new MaplibreMap({
    container,
    style,
    center: view.center,
    zoom: view.zoom,
    minZoom: VIEW_LIMITS.minZoom,
    maxZoom: VIEW_LIMITS.maxZoom,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  // the sea: maplibre's canvas is transparent where the style draws nothing (the style has no background layer)
  map.getContainer().style.backgroundColor = BASEMAP_COLORS.water;
  warmLabelGlyphs(map, style);
  skipEmptySky(map);
  skipStalePlacementRepaint(map);
  return map;
}
