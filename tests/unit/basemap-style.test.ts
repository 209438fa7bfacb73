import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_FILES, BASEMAP_LAYER_IDS, createBasemapStyle, NORTH_AMERICA_VIEW } from '../../src/map/basemap-style.ts';

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

  it('has no glyphs, no sprite and no URL outside the app base', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const urls = urlsIn(style);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
  });

  it('loads every GeoJSON source from an absolute URL that exists in public/', () => {
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      const data = (source as { data: string }).data;
      expect(data.startsWith(BASE)).toBe(true);
      expect(fs.existsSync(path.join(PUBLIC, data.slice(BASE.length))), data).toBe(true);
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
    expect((s.sources.countries as { data: string }).data).toBe('http://127.0.0.1:4173/app/basemap/countries.geojson');
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
    for (const rel of [...Object.values(BASEMAP_FILES), 'basemap/states.geojson', 'basemap/ATTRIBUTION.md']) {
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
