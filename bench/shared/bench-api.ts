/** Instrumentation shared by the baseline pages (see bench/README.md, "What is measured"). */
import type { Feature, FeatureCollection, Point } from 'geojson';

export type FilterName = 'mx-only' | 'dc-only' | 'all';

export interface BenchApi {
  /** performance.now() of the first frame with the chargers drawn (null until then) */
  chargersVisibleAt: number | null;
  /** applies a filter; resolves with ms from the call until the first frame after the updated one was drawn */
  applyFilter(name: FilterName): Promise<number>;
  /** number of charger features currently shown (after the last filter) */
  shown: number;
  error: string | null;
}

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

export type ChargerFeature = Feature<Point, { country?: string; level?: string[] | null } & Record<string, unknown>>;

/** The same predicates as the atlas's URL filters `country=MX` and `f.chargerLevel=DC`. */
export function filterFeatures(features: ChargerFeature[], name: FilterName): ChargerFeature[] {
  if (name === 'mx-only') return features.filter((f) => f.properties.country === 'MX');
  if (name === 'dc-only') return features.filter((f) => Array.isArray(f.properties.level) && f.properties.level.includes('DC'));
  return features;
}

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Absolute URL of a file under bench/dist/ (the pages live one level below it). */
export const distUrl = (file: string) => new URL(`../${file}`, document.baseURI).href;

export async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(distUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export type { FeatureCollection };

export function installBenchApi(applyFilter: BenchApi['applyFilter']): BenchApi {
  const api: BenchApi = { chargersVisibleAt: null, applyFilter, shown: 0, error: null };
  window.__bench = api;
  window.addEventListener('error', (event) => (api.error = String(event.message)));
  window.addEventListener('unhandledrejection', (event) => (api.error = String(event.reason)));
  return api;
}
