import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalizeText, searchEntries } from '../../src/search/search-index.ts';
import type { DetailRecord } from '../../src/data/atlas-format.ts';

const states = [
  { code: 'MX-NLE', country: 'MX' as const, name: 'Nuevo León', en: 'Nuevo León', es: 'Nuevo León', lon: -99.8, lat: 25.8 },
  { code: 'MX-QUE', country: 'MX' as const, name: 'Querétaro', en: 'Querétaro', es: 'Querétaro', lon: -99.8, lat: 20.8 },
  { code: 'US-NY', country: 'US' as const, name: 'New York', en: 'New York', es: 'Nueva York', lon: -75, lat: 43 },
  { code: 'MX-CMX', country: 'MX' as const, name: 'Ciudad de México', en: 'Mexico City', es: 'Ciudad de México', lon: -99.1, lat: 19.3 },
];
const cities = [
  { name: 'Santiago de Querétaro', country: 'MX' as const, population: 626_495, lon: -100.39, lat: 20.59 },
  { name: 'New York City', country: 'US' as const, population: 8_175_133, lon: -74, lat: 40.7 },
];
const plant: DetailRecord = {
  id: 'battery-plants:x:1',
  name: 'Ultium Cells Spring Hill',
  country: 'US',
  state: 'US-TN',
  lon: -86.9,
  lat: 35.7,
  precision: 'exact',
  sources: [],
  attributes: {},
};
const index = buildSearchIndex(searchEntries({ states, cities, facilities: { 'battery-plants': [plant] }, flows: [] }));

describe('search', () => {
  it('normalises accents and case', () => {
    expect(normalizeText('Nuevo León')).toBe('nuevo leon');
    expect(normalizeText('QUERÉTARO')).toBe('queretaro');
  });

  it('finds states without accents, in English or Spanish', () => {
    expect(index.search('Nuevo Leon')[0]!.label.es).toBe('Nuevo León');
    expect(index.search('queretaro')[0]!.id).toBe('state:MX-QUE');
    expect(index.search('queretaro').map((e) => e.id)).toContain('city:0');
    expect(index.search('nueva york')[0]!.id).toBe('state:US-NY');
    expect(index.search('mexico city')[0]!.id).toBe('state:MX-CMX');
    expect(index.search('ciudad de mexico')[0]!.id).toBe('state:MX-CMX');
  });

  it('finds facilities by prefix and with a typo, with the zoom and the id to select', () => {
    const [hit] = index.search('ultium spr');
    expect(hit).toMatchObject({ kind: 'facility', selectId: 'battery-plants:x:1', zoom: 10 });
    expect(index.search('ultiun')[0]?.id).toBe('battery-plants:x:1');
    expect(index.search('   ')).toEqual([]);
  });
});
