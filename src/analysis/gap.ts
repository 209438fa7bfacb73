/**
 * Charging-gap analysis (issue 10), pure and shared by the app and the pipeline's states.csv export:
 * for every population point, the straight-line (great-circle) distance to the nearest charger that
 * passes the filters; people beyond R km by state, country and both; and a greedy ranking of
 * candidate sites (population points) by the people beyond R km each would newly cover.
 *
 * Spatial index: kdbush (a static k-d tree over the chargers, built once per charger data) searched
 * with geokdbush (great-circle k-nearest on the sphere, R = 6,371 km). A filter change only changes
 * which chargers count: either the full index is searched skipping masked chargers ('skip'), or an
 * index of the visible chargers is built ('rebuild'); 'auto' picks by the share visible (see
 * chooseStrategy; both are measured by `npm run bench`).
 */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';

export { GAP_RADII_KM, DEFAULT_GAP_RADIUS_KM, CANDIDATE_COUNT, DISTANCE_BANDS_KM, BAND_COUNT, NO_CHARGER_BAND, distanceBand, type GapRadiusKm } from './gap-constants.ts';
import { CANDIDATE_COUNT, NREL_2030_PORTS_PER_1000_EV } from './gap-constants.ts';
export { NREL_2030_PORTS_PER_1000_EV };

/** Great-circle distance in km (haversine, Earth radius 6,371 km): the distance every figure uses. */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return distance(lon1, lat1, lon2, lat2);
}

/** The population points, as decoded from population.columns.bin. */
export interface PopulationPoints {
  rowCount: number;
  /** lon,lat interleaved */
  position: Float32Array;
  population: Float32Array;
  /** category index per row into `countries` ('unknown', 'US', 'MX') */
  country: Uint8Array;
  countries: readonly string[];
  /** category index per row into `states` (ISO 3166-2) */
  state: Uint8Array;
  states: readonly string[];
}

/** Population points from decoded columns (population.columns.bin), or null when a column is missing. */
export function populationPointsOf(columns: Record<string, { spec: { categories?: string[] }; values: ArrayLike<number> }>): PopulationPoints | null {
  const position = columns.position?.values;
  const population = columns.population?.values;
  const country = columns.country;
  const state = columns.state;
  if (!(position instanceof Float32Array) || !(population instanceof Float32Array) || !country || !state) return null;
  if (!(country.values instanceof Uint8Array) || !(state.values instanceof Uint8Array)) return null;
  return {
    rowCount: population.length,
    position,
    population,
    country: country.values,
    countries: country.spec.categories ?? [],
    state: state.values,
    states: state.spec.categories ?? [],
  };
}

/** Which population points the analysis covers: those in the selected countries (and states, when the state filter is set). */
export function populationMask(points: PopulationPoints, countries: readonly string[], states: readonly string[] | null): Uint8Array {
  const mask = new Uint8Array(points.rowCount);
  const countryOk = points.countries.map((c) => countries.includes(c));
  const stateOk = points.states.map((s) => states === null || states.includes(s));
  for (let row = 0; row < points.rowCount; row++) mask[row] = countryOk[points.country[row]!] && stateOk[points.state[row]!] ? 1 : 0;
  return mask;
}

/** A static index over every charger, built once per charger data. */
export interface ChargerIndex {
  index: KDBush | null;
  position: Float32Array;
  count: number;
}

function buildIndex(position: Float32Array, rows: ArrayLike<number> | null): KDBush | null {
  const n = rows ? rows.length : position.length / 2;
  if (n === 0) return null;
  const index = new KDBush(n, 64, Float32Array);
  if (rows) for (let i = 0; i < n; i++) index.add(position[rows[i]! * 2]!, position[rows[i]! * 2 + 1]!);
  else for (let row = 0; row < n; row++) index.add(position[row * 2]!, position[row * 2 + 1]!);
  return index.finish();
}

export function buildChargerIndex(position: Float32Array): ChargerIndex {
  return { index: buildIndex(position, null), position, count: position.length / 2 };
}

export type SearchStrategy = 'skip' | 'rebuild';

/** Below this share of visible chargers, an index of the visible ones is cheaper than skipping the hidden ones. */
export const REBUILD_BELOW_SHARE = 0.3;

export function chooseStrategy(visible: number, total: number): SearchStrategy {
  return total > 0 && visible / total < REBUILD_BELOW_SHARE ? 'rebuild' : 'skip';
}

/**
 * Distance (km) from every population point to the nearest charger with mask byte 1 (`chargerMask`
 * null = every charger). Infinity when no charger passes; NaN for points outside `popMask`.
 */
export function nearestChargerKm(
  charger: ChargerIndex,
  chargerMask: Uint8Array | null,
  points: PopulationPoints,
  popMask: Uint8Array | null,
  strategy: SearchStrategy | 'auto' = 'auto',
): { distances: Float64Array; strategy: SearchStrategy; visibleChargers: number } {
  const distances = new Float64Array(points.rowCount);
  let visible = charger.count;
  if (chargerMask) {
    visible = 0;
    for (let i = 0; i < charger.count; i++) visible += chargerMask[i]! ? 1 : 0;
  }
  const chosen = strategy === 'auto' ? chooseStrategy(visible, charger.count) : strategy;
  let index: KDBush | null = charger.index;
  let idOf: ((id: number) => number) | null = null;
  let predicate: ((id: number) => boolean) | undefined;
  if (visible === 0) index = null;
  else if (chargerMask && visible < charger.count) {
    if (chosen === 'rebuild') {
      const rows = new Uint32Array(visible);
      let k = 0;
      for (let i = 0; i < charger.count; i++) if (chargerMask[i]) rows[k++] = i;
      index = buildIndex(charger.position, rows);
      idOf = (id) => rows[id]!;
    } else predicate = (id) => chargerMask[id] === 1;
  }
  const position = charger.position;
  for (let row = 0; row < points.rowCount; row++) {
    if (popMask && !popMask[row]) {
      distances[row] = NaN;
      continue;
    }
    if (!index) {
      distances[row] = Infinity;
      continue;
    }
    const lon = points.position[row * 2]!;
    const lat = points.position[row * 2 + 1]!;
    const found = around(index, lon, lat, 1, Infinity, predicate);
    if (found.length === 0) {
      distances[row] = Infinity;
      continue;
    }
    const id = idOf ? idOf(found[0]!) : found[0]!;
    distances[row] = distance(lon, lat, position[id * 2]!, position[id * 2 + 1]!);
  }
  return { distances, strategy: chosen, visibleChargers: visible };
}

/** People and people beyond R km; share is null when there are no people. */
export interface GapFigure {
  population: number;
  beyond: number;
  share: number | null;
}

export interface GapFigures {
  byState: Map<string, GapFigure>;
  byCountry: Map<string, GapFigure>;
  total: GapFigure;
}

/** A point is beyond R when its distance is strictly greater than R (a point exactly at R is covered). */
export function isBeyond(km: number, radiusKm: number): boolean {
  return km > radiusKm;
}

function addTo(map: Map<string, GapFigure>, key: string, population: number, beyond: boolean): void {
  let figure = map.get(key);
  if (!figure) map.set(key, (figure = { population: 0, beyond: 0, share: null }));
  figure.population += population;
  if (beyond) figure.beyond += population;
}

function withShare(figure: GapFigure): GapFigure {
  figure.share = figure.population > 0 ? figure.beyond / figure.population : null;
  return figure;
}

/** People beyond R km by state, by country and for both, over the points with a distance (not NaN). */
export function gapFigures(points: PopulationPoints, distances: Float64Array, radiusKm: number): GapFigures {
  const byState = new Map<string, GapFigure>();
  const byCountry = new Map<string, GapFigure>();
  const total: GapFigure = { population: 0, beyond: 0, share: null };
  for (let row = 0; row < points.rowCount; row++) {
    const km = distances[row]!;
    if (Number.isNaN(km)) continue;
    const people = points.population[row]!;
    const beyond = isBeyond(km, radiusKm);
    total.population += people;
    if (beyond) total.beyond += people;
    addTo(byCountry, points.countries[points.country[row]!] ?? 'unknown', people, beyond);
    addTo(byState, points.states[points.state[row]!] ?? 'unknown', people, beyond);
  }
  byState.forEach(withShare);
  byCountry.forEach(withShare);
  return { byState, byCountry, total: withShare(total) };
}

const KM_PER_DEGREE_LAT = (Math.PI * 6371) / 180;

/** Ids of an index's points in a lon/lat box holding every point within `km` of (lon, lat) (more, never fewer). */
function withinKm(index: KDBush, lon: number, lat: number, km: number): number[] {
  const dLat = km / KM_PER_DEGREE_LAT + 1e-6;
  const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = Math.min(180, dLat / Math.cos((maxAbsLat * Math.PI) / 180));
  const minLon = lon - dLon;
  const maxLon = lon + dLon;
  const ids = index.range(Math.max(-180, minLon), lat - dLat, Math.min(180, maxLon), lat + dLat);
  // across the antimeridian (the Aleutians)
  if (minLon < -180) ids.push(...index.range(minLon + 360, lat - dLat, 180, lat + dLat));
  if (maxLon > 180) ids.push(...index.range(-180, lat - dLat, maxLon - 360, lat + dLat));
  return ids;
}

export interface CandidateSite {
  /** 1-based rank */
  rank: number;
  /** row of the population point */
  row: number;
  lon: number;
  lat: number;
  country: string;
  state: string;
  /** people beyond R km of every visible charger and of every earlier pick, within R km of this point */
  newlyCovered: number;
}

/**
 * Greedy coverage ranking: among the population points, repeatedly pick the one with the most people
 * beyond R km (of the chargers and of the earlier picks) within R km of it; the people it covers no
 * longer count. Ties go to the lower row. Stops after `count` picks or when nobody is left beyond R.
 * The newly covered counts never increase from one pick to the next (coverage is submodular).
 */
export function greedyCandidates(points: PopulationPoints, distances: Float64Array, radiusKm: number, count = CANDIDATE_COUNT): CandidateSite[] {
  const uncovered: number[] = [];
  for (let row = 0; row < points.rowCount; row++) if (isBeyond(distances[row]!, radiusKm) && points.population[row]! > 0) uncovered.push(row);
  if (uncovered.length === 0 || count <= 0) return [];
  const index = new KDBush(uncovered.length, 64, Float32Array);
  for (const row of uncovered) index.add(points.position[row * 2]!, points.position[row * 2 + 1]!);
  index.finish();
  // neighbours within R (symmetric), by position in `uncovered`: a bounding-box query, then the exact distance
  const neighbours: number[][] = uncovered.map((row) => {
    const lon = points.position[row * 2]!;
    const lat = points.position[row * 2 + 1]!;
    return withinKm(index, lon, lat, radiusKm).filter((j) => {
      const other = uncovered[j]!;
      return !isBeyond(distance(lon, lat, points.position[other * 2]!, points.position[other * 2 + 1]!), radiusKm);
    });
  });
  const people = uncovered.map((row) => points.population[row]!);
  const gain = neighbours.map((list) => list.reduce((sum, j) => sum + people[j]!, 0));
  const covered = new Uint8Array(uncovered.length);
  const picks: CandidateSite[] = [];
  while (picks.length < count) {
    let best = -1;
    for (let i = 0; i < uncovered.length; i++) if (gain[i]! > 0 && (best < 0 || gain[i]! > gain[best]!)) best = i;
    if (best < 0) break;
    const row = uncovered[best]!;
    picks.push({
      rank: picks.length + 1,
      row,
      lon: points.position[row * 2]!,
      lat: points.position[row * 2 + 1]!,
      country: points.countries[points.country[row]!] ?? 'unknown',
      state: points.states[points.state[row]!] ?? 'unknown',
      newlyCovered: gain[best]!,
    });
    for (const j of neighbours[best]!) {
      if (covered[j]) continue;
      covered[j] = 1;
      for (const k of neighbours[j]!) gain[k] = gain[k]! - people[j]!;
    }
  }
  return picks;
}

export interface GapResult {
  radiusKm: number;
  distances: Float64Array;
  figures: GapFigures;
  candidates: CandidateSite[];
  strategy: SearchStrategy;
  visibleChargers: number;
}

/** Everything the gap layer, the summary and the export need, for one charger mask and one R. */
export function computeGap(
  charger: ChargerIndex,
  chargerMask: Uint8Array | null,
  points: PopulationPoints,
  popMask: Uint8Array | null,
  radiusKm: number,
  options: { strategy?: SearchStrategy | 'auto'; candidates?: number } = {},
): GapResult {
  const { distances, strategy, visibleChargers } = nearestChargerKm(charger, chargerMask, points, popMask, options.strategy);
  return {
    radiusKm,
    distances,
    figures: gapFigures(points, distances, radiusKm),
    candidates: greedyCandidates(points, distances, radiusKm, options.candidates ?? CANDIDATE_COUNT),
    strategy,
    visibleChargers,
  };
}

/**
 * Rows of a charger level bitmask column that have a given level bit (the pipeline's mask for "DC fast
 * only"; the same rule as the app's level filter, which the export test checks).
 */
export function levelMask(levels: ArrayLike<number>, categories: readonly string[], level: string): Uint8Array {
  const bit = categories.indexOf(level);
  const mask = new Uint8Array(levels.length);
  if (bit < 0) return mask;
  for (let row = 0; row < levels.length; row++) mask[row] = levels[row]! & (1 << bit) ? 1 : 0;
  return mask;
}

/**
 * Ports needed in 2030 (a scenario, not a forecast): battery EVs registered in 2023 × NREL's 2030 mid-case
 * ratios (about 5.5 public DC fast and 30 public Level 2 ports per 1,000 EVs: 182,000 DC and 1,067,000 L2
 * ports for 33 million EVs; Wood et al., "The 2030 National Charging Network", NREL/TP-5400-85654, 2023).
 */

export function portsNeeded(bevs: number): { dc: number; l2: number } {
  return { dc: Math.round((bevs * NREL_2030_PORTS_PER_1000_EV.dc) / 1000), l2: Math.round((bevs * NREL_2030_PORTS_PER_1000_EV.l2) / 1000) };
}

/** Mapped chargers of one level in a state under a mask: sites, and the ports where the source states them. */
export interface MappedLevel {
  sites: number;
  /** sites whose port count is known */
  sitesWithPorts: number;
  ports: number;
}

/** Per state, the mapped sites with a level bit (and their known ports) among the rows passing `mask`. */
export function mappedByState(
  levels: ArrayLike<number>,
  levelCategories: readonly string[],
  level: string,
  ports: ArrayLike<number> | null,
  stateValues: ArrayLike<number>,
  stateCategories: readonly string[],
  mask: Uint8Array,
): Map<string, MappedLevel> {
  const bit = levelCategories.indexOf(level);
  const result = new Map<string, MappedLevel>();
  if (bit < 0) return result;
  for (let row = 0; row < levels.length; row++) {
    if (!mask[row] || !(levels[row]! & (1 << bit))) continue;
    const code = stateCategories[stateValues[row]!] ?? 'unknown';
    let entry = result.get(code);
    if (!entry) result.set(code, (entry = { sites: 0, sitesWithPorts: 0, ports: 0 }));
    entry.sites++;
    const p = ports ? ports[row]! : NaN;
    if (Number.isFinite(p)) {
      entry.sitesWithPorts++;
      entry.ports += p;
    }
  }
  return result;
}
