/**
 * Reference (not a baseline to beat): maplibre-gl alone drawing the atlas's own basemap, its vector tiles, label
 * fonts and style, as the atlas creates it (glyphs drawn while the tiles load, no sky), in a full-page map and
 * without the atlas's interface, data or deck.gl. Its first idle is the floor of the atlas's first view on the
 * same machine: whatever the atlas takes beyond it is the atlas's own work (see bench/README.md).
 * `chargersVisibleAt` holds that first idle (there are no chargers on this page).
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { DEFAULT_VIEW } from '../../src/state/atlas-state.ts';
import { createBasemapStyle } from '../../src/map/basemap-style.ts';
import { warmLabelGlyphs } from '../../src/map/warm-glyphs.ts';
import { skipEmptySky } from '../../src/map/skip-empty-sky.ts';
import { distUrl, installBenchApi, nextFrame } from '../shared/bench-api.ts';

setWorkerUrl(workerUrl);

const api = installBenchApi(() => Promise.reject(new Error('the basemap reference page has no filters')));

const map = new MaplibreMap({
  container: 'map',
  style: createBasemapStyle({ baseUrl: distUrl(''), language: 'en' }),
  center: DEFAULT_VIEW.center,
  zoom: DEFAULT_VIEW.zoom,
  attributionControl: false,
  // as the atlas (its image export reads the canvas)
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
warmLabelGlyphs(map);
skipEmptySky(map);
map.once('idle', () => void nextFrame().then((t) => (api.chargersVisibleAt = t)));
map.on('error', (event) => (api.error = String(event.error?.message ?? event.error)));
