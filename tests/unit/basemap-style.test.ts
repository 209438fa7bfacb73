import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_LAYER_IDS, BASEMAP_TILES, CHOROPLETH_LAYER_ID, createBasemapStyle, NORTH_AMERICA_VIEW, PLACE_MIN_POPULATION } from '../../src/map/basemap-style.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC = path.join(ROOT, 'public');
const BASE = 'http://127.0.0.1:4173/some/sub/path/';

const readGeojson = (rel: string): FeatureCollection => JSON.parse(fs.readFileSync(path.join(PUBLIC, rel), 'utf8')) as FeatureCollection;

/** Every string value anywhere in the style that looks like a URL. */
function urlsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('//')) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => urlsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => urlsIn(v, out));
  return out;
}

describe('createBasemapStyle', () => {
  const style = createBasemapStyle({ baseUrl: BASE, language: 'en' });

  it('is a valid maplibre style in both languages, with and without a state choropleth', () => {
    for (const language of ['en', 'es'] as const)
      for (const choropleth of [undefined, { colors: { 'US-TX': '#b30000', 'MX-JAL': '#fdbb84' } }]) {
        const errors = validateStyleMin(createBasemapStyle({ baseUrl: BASE, language, choropleth }));
        expect(
          errors.map((error) => error.message),
          `${language} ${choropleth ? 'with' : 'without'} a choropleth`,
        ).toEqual([]);
      }
  });

  it('has no glyphs, no sprite and no URL outside the app base', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const urls = urlsIn(style);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
  });

  it('draws from one vector tile source under the app base (no GeoJSON for the browser to tile), with the built zoom range and bounds', () => {
    expect(Object.keys(style.sources)).toEqual(['basemap']);
    const source = style.sources.basemap as { type: string; tiles: string[]; maxzoom: number; bounds: number[] };
    expect(source.type).toBe('vector');
    expect(source.tiles).toEqual([`${BASE}basemap/tiles/{z}/{x}/{y}.pbf`]);
    const built = tilesJson();
    expect(source.maxzoom).toBe(built.maxzoom);
    expect(source.bounds).toEqual(built.bounds);
    // every source layer a style layer draws is in the tiles, the choropleth's included
    const withChoropleth = createBasemapStyle({ baseUrl: BASE, language: 'en', choropleth: { colors: { 'US-TX': '#ff0000' } } });
    expect(withChoropleth.layers.some((l) => l.id === CHOROPLETH_LAYER_ID)).toBe(true);
    for (const layer of withChoropleth.layers) {
      if (layer.type === 'background') continue;
      expect((layer as { source: string }).source).toBe('basemap');
      expect(built.layers, layer.id).toContain((layer as { 'source-layer': string })['source-layer']);
    }
  });

  it('declares Noto Sans through font-faces with files that exist', () => {
    const faces = style['font-faces'];
    expect(faces).toBeDefined();
    const fontsUsed = new Set(style.layers.flatMap((l) => ((l.layout as Record<string, unknown> | undefined)?.['text-font'] as string[]) ?? []));
    for (const font of fontsUsed) expect(faces).toHaveProperty([font]);
    for (const declarations of Object.values(faces ?? {})) {
      for (const d of Array.isArray(declarations) ? declarations : [{ url: declarations }]) {
        expect(d.url.startsWith(`${BASE}fonts/`)).toBe(true);
        expect(fs.existsSync(path.join(PUBLIC, d.url.slice(BASE.length))), d.url).toBe(true);
      }
    }
  });

  it('accepts a base without a trailing slash and rejects a relative one', () => {
    const s = createBasemapStyle({ baseUrl: 'http://127.0.0.1:4173/app', language: 'en' });
    expect((s.sources.basemap as { tiles: string[] }).tiles).toEqual(['http://127.0.0.1:4173/app/basemap/tiles/{z}/{x}/{y}.pbf']);
    expect(() => createBasemapStyle({ baseUrl: './', language: 'en' })).toThrow();
  });

  it('lists its layer ids in order', () => {
    expect(style.layers.map((l) => l.id)).toEqual([...BASEMAP_LAYER_IDS]);
  });

  it('switches country labels with the language', () => {
    const field = (lang: 'en' | 'es') =>
      createBasemapStyle({ baseUrl: BASE, language: lang })
        .layers.filter((l) => l.id.startsWith('labels-country'))
        .map((l) => (l.layout as Record<string, unknown>)['text-field']);
    expect(field('en')).toEqual([
      ['get', 'name_en'],
      ['get', 'name_en'],
    ]);
    expect(field('es')).toEqual([
      ['get', 'name_es'],
      ['get', 'name_es'],
    ]);
  });

  it('frames North America', () => {
    const [lon, lat] = NORTH_AMERICA_VIEW.center;
    expect(lon).toBeGreaterThan(-110);
    expect(lon).toBeLessThan(-90);
    expect(lat).toBeGreaterThan(25);
    expect(lat).toBeLessThan(40);
  });
});

describe('basemap GeoJSON', () => {
  it('all files exist', () => {
    const files = ['countries', 'borders', 'state-lines', 'lakes', 'rivers', 'labels', 'places', 'states'].map((name) => `basemap/${name}.geojson`);
    for (const rel of [...files, 'basemap/ATTRIBUTION.md']) {
      expect(fs.existsSync(path.join(PUBLIC, rel)), rel).toBe(true);
    }
  });

  const states = readGeojson('basemap/states.geojson');
  const codes = (country: string) => new Set(states.features.filter((f) => f.properties?.country === country).map((f) => f.properties?.code as string));

  it('states.geojson has 51 US codes (with DC) and 32 Mexican codes', () => {
    expect(codes('US').size).toBe(51);
    expect(codes('US').has('US-DC')).toBe(true);
    expect(codes('MX').size).toBe(32);
    for (const code of [...codes('US'), ...codes('MX')]) expect(code).toMatch(/^(US-[A-Z]{2}|MX-[A-Z]{3})$/);
  });

  it('Mexico City is MX-CMX "Ciudad de México", never "Distrito Federal"', () => {
    const cdmx = states.features.filter((f) => f.properties?.code === 'MX-CMX');
    expect(cdmx).toHaveLength(1);
    expect(cdmx[0]?.properties?.name).toBe('Ciudad de México');
    for (const file of ['basemap/states.geojson', 'basemap/labels.geojson', 'basemap/places.geojson']) {
      expect(fs.readFileSync(path.join(PUBLIC, file), 'utf8')).not.toMatch(/Distrito Federal/);
    }
    expect(states.features.find((f) => f.properties?.code === 'MX-NLE')?.properties?.name).toBe('Nuevo León');
    expect(states.features.find((f) => f.properties?.code === 'MX-MEX')?.properties?.name).toBe('Estado de México');
  });

  it('country labels carry English and Spanish names', () => {
    const labels = readGeojson('basemap/labels.geojson');
    const mx = labels.features.find((f) => f.properties?.kind === 'country' && f.properties?.code === 'MX');
    expect(mx?.properties).toMatchObject({ name_en: 'Mexico', name_es: 'México' });
    const us = labels.features.find((f) => f.properties?.kind === 'country' && f.properties?.code === 'US');
    expect(us?.properties).toMatchObject({ name_es: 'Estados Unidos' });
  });
});

interface TilesJson {
  maxzoom: number;
  bounds: [number, number, number, number];
  layers: string[];
  tiles: number;
}
const tilesJson = (): TilesJson => JSON.parse(fs.readFileSync(path.join(PUBLIC, 'basemap/tiles/tiles.json'), 'utf8')) as TilesJson;

/** The tile of zoom z under a lon/lat (web mercator). */
function tileAt(lon: number, lat: number, z: number): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * 2 ** z), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z)];
}
function readTile(z: number, x: number, y: number): VectorTile {
  return new VectorTile(
    new PbfReader(fs.readFileSync(path.join(PUBLIC, BASEMAP_TILES.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))))),
  );
}
function propertiesOf(tile: VectorTile, layer: string): Record<string, unknown>[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : [];
}

describe('basemap vector tiles (data/basemap/build-tiles.ts)', () => {
  const built = tilesJson();

  it('has a file for every tile inside the bounds at every zoom (open sea as an empty file: nothing to miss offline)', () => {
    const [west, south, east, north] = built.bounds;
    let count = 0;
    for (let z = 0; z <= built.maxzoom; z++) {
      const [x0, y0] = tileAt(west, north, z);
      const [x1, y1] = tileAt(east, south, z);
      for (let x = Math.max(0, x0); x <= x1; x++) {
        for (let y = Math.max(0, y0); y <= y1; y++) {
          expect(fs.existsSync(path.join(PUBLIC, `basemap/tiles/${z}/${x}/${y}.pbf`)), `${z}/${x}/${y}`).toBe(true);
          count++;
        }
      }
    }
    expect(count).toBe(built.tiles);
  });

  it('the tile over Monterrey and Texas has land, both states with their codes, the border, and state labels in English and Spanish', () => {
    for (const z of [3, built.maxzoom]) {
      const tile = readTile(z, ...tileAt(-100.3, 25.7, z));
      expect(propertiesOf(tile, 'countries').map((p) => p.iso_a2)).toEqual(expect.arrayContaining(['US', 'MX']));
      expect(propertiesOf(tile, 'states').map((p) => p.code)).toEqual(expect.arrayContaining(['US-TX', 'MX-NLE', 'MX-COA']));
      expect(propertiesOf(tile, 'borders').some((p) => p.focus === true)).toBe(true);
      expect(propertiesOf(tile, 'state-lines').length).toBeGreaterThan(0);
      const nle = propertiesOf(tile, 'labels').find((p) => p.code === 'MX-NLE');
      expect(nle).toMatchObject({ kind: 'state', name: 'Nuevo León', name_en: 'Nuevo León', name_es: 'Nuevo León' });
    }
  });

  it('is generalised per zoom: the overview tile is far smaller than the detail under it and carries only the overview cities', () => {
    const [x3, y3] = tileAt(-100.3, 25.7, 3);
    const size = (z: number, x: number, y: number) => fs.statSync(path.join(PUBLIC, `basemap/tiles/${z}/${x}/${y}.pbf`)).size;
    const shift = built.maxzoom - 3;
    let detail = 0;
    for (let dx = 0; dx < 2 ** shift; dx++) for (let dy = 0; dy < 2 ** shift; dy++) detail += size(built.maxzoom, (x3 << shift) + dx, (y3 << shift) + dy);
    expect(size(3, x3, y3) * 2).toBeLessThan(detail);
    const overview = propertiesOf(readTile(3, x3, y3), 'places');
    expect(overview.map((p) => p.name)).toContain('Monterrey');
    // below zoom 5 a place needs a million people or to be a national capital
    for (const p of overview) expect(Number(p.population) >= PLACE_MIN_POPULATION.overview || p.national_capital === true, String(p.name)).toBe(true);
    let detailPlaces = 0;
    for (let dx = 0; dx < 2 ** shift; dx++)
      for (let dy = 0; dy < 2 ** shift; dy++) detailPlaces += propertiesOf(readTile(built.maxzoom, (x3 << shift) + dx, (y3 << shift) + dy), 'places').length;
    expect(detailPlaces).toBeGreaterThan(overview.length * 3);
  });
});
