/**
 * The curated-row facility matcher (data/curated/FORMAT.md): a row names a layer, a name substring and a circle
 * (match_lat, match_lon, match_radius_km); it applies to every record of that layer within the circle whose name
 * contains the substring (case-, accent- and punctuation-insensitive). Used by facility-jobs.csv (data/pipeline/jobs);
 * the same rule as facility-overrides.csv (./overrides.ts).
 */
import { clean, distKm, normalize, num, type Row } from './util.ts';

export interface FacilityMatch {
  /** the match_name as written */
  name: string;
  lat: number;
  lon: number;
  radiusKm: number;
}

/** The match of a curated row, or the problem with it. */
export function parseFacilityMatch(data: Row): { match: FacilityMatch } | { error: string } {
  const name = clean(data.match_name);
  const lat = num(data.match_lat);
  const lon = num(data.match_lon);
  const radiusKm = num(data.match_radius_km);
  if (!normalize(name) || lat === null || lon === null || radiusKm === null || radiusKm <= 0 || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return { error: 'match_name, match_lat, match_lon and a positive match_radius_km are required' };
  return { match: { name, lat, lon, radiusKm } };
}

export function matchesFacility(r: { name: string; lat: number; lon: number }, m: FacilityMatch): boolean {
  return distKm(m.lat, m.lon, r.lat, r.lon) <= m.radiusKm && normalize(r.name).includes(normalize(m.name));
}

export function describeMatch(layer: string, m: FacilityMatch): string {
  return `${layer} record named like "${m.name}" within ${m.radiusKm} km of ${m.lat},${m.lon}`;
}
