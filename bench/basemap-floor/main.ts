/**
 * Reference (not a baseline to beat): the atlas's own map and basemap (`createAtlasMap`, as the atlas's map view
 * starts it: vector tiles, label fonts, glyphs drawn while the tiles load, no sky) in a full-page map, without the
 * atlas's interface, data or deck.gl. Its first idle is the floor of the atlas's first view on the same machine:
 * whatever the atlas takes beyond it is the atlas's own work (see bench/README.md).
 * `chargersVisibleAt` holds that first idle (there are no chargers on this page).
 */
import { DEFAULT_VIEW } from '../../src/state/atlas-state.ts';
import { createAtlasMap } from '../../src/map/create-map.ts';
import { distUrl, installBenchApi, nextFrame } from '../shared/bench-api.ts';

const api = installBenchApi(() => Promise.reject(new Error('the basemap reference page has no filters')));

const map = createAtlasMap({ container: 'map', baseUrl: distUrl(''), language: 'en', view: DEFAULT_VIEW });
map.once('idle', () => void nextFrame().then((t) => (api.chargersVisibleAt = t)));
map.on('error', (event) => (api.error = String(event.error?.message ?? event.error)));
