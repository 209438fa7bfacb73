/**
 * Place and facility search: US and Mexican states, cities, and named facilities (point layers and
 * flow endpoints), in English or Spanish, accents optional (NFD + strip diacritics), prefix and fuzzy.
 */
import MiniSearch from 'minisearch';
import type { DetailRecord, FlowRecord, PointDatasetId } from '../data/atlas-format.ts';
import type { CityName, StateName } from './basemap-names.ts';

export type SearchKind = 'state' | 'city' | 'facility' | 'endpoint';

export interface SearchEntry {
  /** unique document id */
  id: string;
  kind: SearchKind;
  /** display names per language (facilities and cities have one name) */
  label: { en: string; es: string };
  /** every name to match (local, English, Spanish, code) */
  names: string[];
  /** ISO country code; ISO 3166-2 state code when known */
  country: string;
  state: string | null;
  layer: PointDatasetId | 'flows' | null;
  lon: number;
  lat: number;
  zoom: number;
  /** atlas id to select when chosen (facilities, flows) */
  selectId: string | null;
  /** ranking weight among equal matches (state > city by population > facility) */
  weight: number;
}

export const SEARCH_ZOOM = { state: 5.5, city: 9, facility: 10, endpoint: 10 } as const;

/** Lower case, no diacritics: "Nuevo León" → "nuevo leon". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export interface SearchSources {
  states?: readonly StateName[];
  cities?: readonly CityName[];
  facilities?: Partial<Record<PointDatasetId, readonly DetailRecord[]>>;
  flows?: readonly FlowRecord[];
}

export function searchEntries({ states = [], cities = [], facilities = {}, flows = [] }: SearchSources): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const s of states) {
    entries.push({
      id: `state:${s.code}`,
      kind: 'state',
      label: { en: s.en, es: s.es },
      names: [...new Set([s.name, s.en, s.es])],
      country: s.country,
      state: s.code,
      layer: null,
      lon: s.lon,
      lat: s.lat,
      zoom: SEARCH_ZOOM.state,
      selectId: null,
      weight: 3,
    });
  }
  cities.forEach((c, i) => {
    entries.push({
      id: `city:${i}`,
      kind: 'city',
      label: { en: c.name, es: c.name },
      names: [c.name],
      country: c.country,
      state: null,
      layer: null,
      lon: c.lon,
      lat: c.lat,
      zoom: SEARCH_ZOOM.city,
      selectId: null,
      weight: 1.5 + Math.min(1, Math.log10(Math.max(10, c.population)) / 8),
    });
  });
  const facilityIds = new Set<string>();
  for (const [layer, records] of Object.entries(facilities) as [PointDatasetId, readonly DetailRecord[] | undefined][]) {
    if (layer === 'chargers' || !records) continue;
    for (const r of records) {
      if (!r.name || !Number.isFinite(r.lon) || !Number.isFinite(r.lat)) continue;
      facilityIds.add(r.id);
      entries.push({
        id: r.id,
        kind: 'facility',
        label: { en: r.name, es: r.name },
        names: [r.name],
        country: r.country,
        state: r.state,
        layer,
        lon: r.lon,
        lat: r.lat,
        zoom: SEARCH_ZOOM.facility,
        selectId: r.id,
        weight: 1.2,
      });
    }
  }
  const endpoints = new Set<string>();
  for (const flow of flows) {
    for (const end of [flow.from, flow.to]) {
      if (end.facilityId && facilityIds.has(end.facilityId)) continue;
      const key = `${normalizeText(end.name)}@${end.lon.toFixed(3)},${end.lat.toFixed(3)}`;
      if (!end.name || endpoints.has(key)) continue;
      endpoints.add(key);
      entries.push({
        id: `endpoint:${key}`,
        kind: 'endpoint',
        label: { en: end.name, es: end.name },
        names: [end.name],
        country: end.country,
        state: null,
        layer: 'flows',
        lon: end.lon,
        lat: end.lat,
        zoom: SEARCH_ZOOM.endpoint,
        selectId: end.facilityId ?? flow.id,
        weight: 1,
      });
    }
  }
  return entries;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchEntry[];
  size: number;
}

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm: (term) => normalizeText(term),
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
      boostDocument: (id) => byId.get(String(id))?.weight ?? 1,
    },
  });
  index.addAll(entries.map((e) => ({ id: e.id, text: e.names.join(' \u2022 ') })));
  return {
    size: entries.length,
    search(query, limit = 8) {
      const q = query.trim();
      if (!q) return [];
      const normalized = normalizeText(q);
      const results = index
        .search(q)
        .map((r) => byId.get(String(r.id))!)
        .filter(Boolean);
      // Exact name matches first ("Querétaro" the state before "Querétaro" the city only by weight).
      const exact = (e: SearchEntry) => e.names.some((n) => normalizeText(n) === normalized);
      const ordered = [...results.filter(exact), ...results.filter((e) => !exact(e))];
      return ordered.slice(0, limit);
    },
  };
}
