/**
 * Cuts the basemap GeoJSON into static Mapbox Vector Tiles (issue 13), so the browser never tiles GeoJSON:
 *   <out>/{z}/{x}/{y}.pbf  layers countries, borders, state-lines, lakes, rivers, labels, places and states (US + MX
 *                          state polygons, not buffered over water, for the choropleth: maplibre decodes a layer
 *                          only when a style layer draws it)
 *   <out>/tiles.json       zoom range, bounds, layers, tile counts and bytes
 * The tiles are cut by @maplibre/geojson-vt (the slicer maplibre itself runs on GeoJSON sources in the browser) and
 * encoded by @maplibre/vt-pbf, zoom 0..TILES_MAX_ZOOM; maplibre overzooms the last zoom beyond. Below the last zoom
 * geojson-vt simplifies each zoom (Douglas-Peucker, TOLERANCE tile units) and drops polygons smaller than that, so
 * the continental zooms carry continental detail; the last zoom keeps every vertex of the input. Places are
 * pre-filtered per zoom with the style's own filter (a tile of zoom z is drawn only between z and z + 1), so the
 * overview tiles carry only the cities the overview shows. Every tile inside the bounds is written, those without a
 * feature (open sea) as empty files: maplibre would take a 404 as an empty tile, but offline the service worker has
 * no answer for a file it did not precache and the map would report an error (the style's `bounds` keeps maplibre
 * from asking outside the box).
 *
 * Usage: tsx build-tiles.ts <basemap dir with the GeoJSON> <states GeoJSON, not buffered> <out dir>
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, GeometryCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_TILES, PLACE_FILTER } from '../../src/map/basemap-style.ts';

const { maxzoom: MAX_ZOOM, bounds: BOUNDS } = BASEMAP_TILES;
const EXTENT = 4096;
/**
 * geojson-vt's tolerance in tile units (4096 per 512-px tile): 4 = 0.5 px. A tile of zoom z is drawn from z up to z + 1,
 * at most twice its size, so below the last zoom no line strays more than one screen pixel from the input. (It was 2
 * until issue 13 measured the first view: the continental tiles then carried a third more vertices for maplibre's
 * worker to parse and triangulate and the GPU to draw, for differences no one could see.)
 */
const TOLERANCE = 4;
const BUFFER = 64;

type Properties = Record<string, unknown>;

/** A FeatureCollection (mapshaper writes layers without attributes as a GeometryCollection). */
function read(path: string): FeatureCollection<Geometry, Properties> {
  const json = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Geometry, Properties> | GeometryCollection;
  if (json.type === 'GeometryCollection') {
    return { type: 'FeatureCollection', features: json.geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) };
  }
  return json;
}

/** Keeps only the listed properties (the style reads no others). */
function pick(fc: FeatureCollection<Geometry, Properties>, keys: string[], keep: (f: Feature<Geometry, Properties>) => boolean = () => true) {
  return {
    type: 'FeatureCollection' as const,
    features: fc.features.filter(keep).map((f) => ({
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: Object.fromEntries(keys.flatMap((k) => (f.properties?.[k] === undefined || f.properties[k] === null ? [] : [[k, f.properties[k]]]))),
    })),
  };
}

type Layers = Record<string, { data: FeatureCollection<Geometry, Properties>; atZoom?: (z: number) => FeatureCollection<Geometry, Properties> }>;

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToY(lat: number, z: number): number {
  const s = Math.sin((lat * Math.PI) / 180);
  return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z);
}

interface TilesetStats {
  layers: string[];
  tiles: number;
  /** tiles without a feature, written as empty files */
  empty: number;
  bytes: number;
  byZoom: Record<number, { tiles: number; empty: number; bytes: number }>;
}

function cut(dir: string, layers: Layers): TilesetStats {
  for (let z = 0; z <= 24; z++) rmSync(join(dir, String(z)), { recursive: true, force: true });
  const options = { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER };
  const indexOf = new Map<string, GeoJSONVT>();
  const index = (layer: string, z: number): GeoJSONVT => {
    const spec = layers[layer]!;
    const key = spec.atZoom ? `${layer}@${z}` : layer;
    let found = indexOf.get(key);
    if (!found) {
      found = new GeoJSONVT(spec.atZoom ? spec.atZoom(z) : spec.data, options);
      indexOf.set(key, found);
    }
    return found;
  };
  const stats: TilesetStats = { layers: Object.keys(layers), tiles: 0, empty: 0, bytes: 0, byZoom: {} };
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const n = 2 ** z;
    const [x0, x1] = [Math.max(0, lonToX(BOUNDS[0], z)), Math.min(n - 1, lonToX(BOUNDS[2], z))];
    const [y0, y1] = [Math.max(0, latToY(BOUNDS[3], z)), Math.min(n - 1, latToY(BOUNDS[1], z))];
    const zoomStats = { tiles: 0, empty: 0, bytes: 0 };
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tile: Record<string, GeoJSONVTTile> = {};
        for (const layer of Object.keys(layers)) {
          const t = index(layer, z).getTile(z, x, y);
          if (t && t.features.length > 0) tile[layer] = t;
        }
        const pbf = Object.keys(tile).length === 0 ? new Uint8Array(0) : fromGeojsonVt(tile, { version: 2, extent: EXTENT });
        mkdirSync(join(dir, String(z), String(x)), { recursive: true });
        writeFileSync(join(dir, String(z), String(x), `${y}.pbf`), pbf);
        zoomStats.tiles++;
        if (pbf.length === 0) zoomStats.empty++;
        zoomStats.bytes += pbf.length;
      }
    }
    stats.byZoom[z] = zoomStats;
    stats.tiles += zoomStats.tiles;
    stats.empty += zoomStats.empty;
    stats.bytes += zoomStats.bytes;
  }
  return stats;
}

function main(): void {
  const [srcDir, statesPath, outDir] = process.argv.slice(2);
  if (!srcDir || !statesPath || !outDir) {
    console.error('usage: tsx build-tiles.ts <basemap dir> <states GeoJSON> <out dir>');
    process.exit(2);
  }
  const places = pick(read(join(srcDir, 'places.geojson')), ['name', 'population', 'country', 'capital', 'national_capital', 'near_larger_km']);
  const placeFilter = featureFilter(PLACE_FILTER, 'filter');
  // the tiles of the last zoom are drawn at every zoom beyond it: they keep every place
  const placesAtZoom = (z: number) =>
    z >= MAX_ZOOM ? places : { ...places, features: places.features.filter((f) => placeFilter.filter({ zoom: z }, { type: 1, properties: f.properties })) };
  const layers: Layers = {
    countries: { data: pick(read(join(srcDir, 'countries.geojson')), ['iso_a2', 'focus']) },
    borders: { data: pick(read(join(srcDir, 'borders.geojson')), ['focus']) },
    'state-lines': { data: pick(read(join(srcDir, 'state-lines.geojson')), ['country']) },
    lakes: { data: pick(read(join(srcDir, 'lakes.geojson')), []) },
    rivers: { data: pick(read(join(srcDir, 'rivers.geojson')), []) },
    labels: { data: pick(read(join(srcDir, 'labels.geojson')), ['kind', 'code', 'name', 'name_en', 'name_es', 'country', 'focus', 'area_km2']) },
    places: { data: places, atZoom: placesAtZoom },
  };
  const focusStates = (f: Feature<Geometry, Properties>) => f.properties?.country === 'US' || f.properties?.country === 'MX';
  layers.states = { data: pick(read(statesPath), ['code'], focusStates) };

  mkdirSync(outDir, { recursive: true });
  const summary = {
    generator: '@maplibre/geojson-vt + @maplibre/vt-pbf (data/basemap/build-tiles.ts)',
    minzoom: 0,
    maxzoom: MAX_ZOOM,
    bounds: BOUNDS,
    extent: EXTENT,
    tolerance: TOLERANCE,
    ...cut(outDir, layers),
  };
  writeFileSync(join(outDir, 'tiles.json'), JSON.stringify(summary, null, 1) + '\n');
  const zooms = Object.values(summary.byZoom).map((b) => `${b.tiles}:${(b.bytes / 1024).toFixed(0)}K`);
  console.log(`tiles: ${summary.tiles} tiles (${summary.empty} empty), ${(summary.bytes / 1024).toFixed(0)} KiB (z0..${MAX_ZOOM} ${zooms.join(' ')})`);
}

main();
