/** State and city names from the offline basemap (public/basemap), for search, filters and the details panel. */
import { useQuery } from '@tanstack/react-query';

export interface StateName {
  code: string;
  country: 'US' | 'MX';
  en: string;
  es: string;
  /** the local name (e.g. "Nuevo León") */
  name: string;
  lon: number;
  lat: number;
}
export interface CityName {
  name: string;
  country: 'US' | 'MX';
  population: number;
  lon: number;
  lat: number;
}

interface PointFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

function basemapUrl(file: string): string {
  return new URL(`basemap/${file}`, document.baseURI).href;
}

async function fetchFeatures(file: string): Promise<PointFeature[]> {
  const response = await fetch(basemapUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const json = (await response.json()) as { features?: PointFeature[] };
  return Array.isArray(json.features) ? json.features : [];
}

function pointOf(feature: PointFeature): [number, number] | null {
  const coordinates = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : null;
  if (!Array.isArray(coordinates) || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number') return null;
  return [coordinates[0], coordinates[1]];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const isFocusCountry = (value: unknown): value is 'US' | 'MX' => value === 'US' || value === 'MX';

export async function fetchStateNames(): Promise<StateName[]> {
  const states: StateName[] = [];
  for (const feature of await fetchFeatures('labels.geojson')) {
    const p = feature.properties ?? {};
    const point = pointOf(feature);
    const code = str(p.code);
    const country = code.slice(0, 2);
    if (p.kind !== 'state' || !point || !isFocusCountry(country)) continue;
    const name = str(p.name) || code;
    states.push({ code, country, name, en: str(p.name_en) || name, es: str(p.name_es) || name, lon: point[0], lat: point[1] });
  }
  return states;
}

export async function fetchCityNames(): Promise<CityName[]> {
  const cities: CityName[] = [];
  for (const feature of await fetchFeatures('places.geojson')) {
    const p = feature.properties ?? {};
    const point = pointOf(feature);
    if (!point || !isFocusCountry(p.country) || !str(p.name)) continue;
    cities.push({ name: str(p.name), country: p.country, population: typeof p.population === 'number' ? p.population : 0, lon: point[0], lat: point[1] });
  }
  return cities;
}

const STATIC = { staleTime: Infinity, gcTime: Infinity, retry: false } as const;

export function useStateNames(enabled = true) {
  return useQuery({ queryKey: ['basemap', 'states'], queryFn: fetchStateNames, enabled, ...STATIC });
}

export function useCityNames(enabled = true) {
  return useQuery({ queryKey: ['basemap', 'cities'], queryFn: fetchCityNames, enabled, ...STATIC });
}

/** code → { en, es } for labelling state codes. */
export function stateNameMap(states: readonly StateName[] | undefined): Map<string, { en: string; es: string }> | undefined {
  if (!states) return undefined;
  return new Map(states.map((s) => [s.code, { en: s.en, es: s.es }]));
}
