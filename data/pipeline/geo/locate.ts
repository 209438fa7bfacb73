/** Central validation of candidate records: zod schema, coordinate checks, swapped lat/lon,
 *  country + state assignment, duplicate ids. Every rejected record becomes a QuarantineEntry. */
import { z } from 'zod';
import { POINT_DATASET_IDS, type Country, type QuarantineEntry } from '../../../src/data/atlas-format.ts';
import type { CandidateRecord, LocatedRecord } from '../adapter-types.ts';
import type { StateIndex } from './state-index.ts';

const attrValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export const candidateSchema = z.object({
  layer: z.enum(POINT_DATASET_IDS),
  sourceRecordId: z.string().trim().min(1, 'missing id'),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  statedCountry: z.string().nullable(),
  statedState: z.string().nullable(),
  precision: z.enum(['exact', 'approximate']),
  extraSources: z.array(z.object({ sourceId: z.string(), recordId: z.string(), url: z.string().optional() })).optional(),
  attributes: z.record(z.string(), attrValue),
});

/** Normalise the many ways sources write a country to ISO alpha-2. */
export function normaliseCountry(c: string | null): string | null {
  if (c === null) return null;
  const t = c
    .trim()
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (!t) return null;
  if (['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA', 'U.S.', 'U.S.A.'].includes(t)) return 'US';
  if (['MX', 'MEX', 'MEXICO', 'ESTADOS UNIDOS MEXICANOS'].includes(t)) return 'MX';
  if (['CA', 'CAN', 'CANADA'].includes(t)) return 'CA';
  return t.length === 2 ? t : t;
}

/** Coarse boxes, used only when no basemap is available (and for nothing else). */
const COARSE: Record<string, [number, number, number, number][]> = {
  US: [
    [-125, 24.4, -66.9, 49.4],
    [-180, 51, -129.9, 71.5],
    [-161, 18.8, -154.7, 22.4],
  ],
  MX: [[-118.5, 14.5, -86.7, 32.8]],
};
function coarseCountry(lon: number, lat: number): string | null {
  for (const [c, boxes] of Object.entries(COARSE)) {
    for (const [a, b, cc, d] of boxes) if (lon >= a && lon <= cc && lat >= b && lat <= d) return c;
  }
  return null;
}

export interface LocateOptions {
  /** null = no basemap: country from the source (checked against coarse boxes), state null */
  states: StateIndex | null;
  snapKm?: number;
}

export interface LocateResult {
  located: LocatedRecord[];
  quarantined: QuarantineEntry[];
  /** points that took the nearest state (outside every polygon but within snapKm) */
  snapped: number;
}

interface Where {
  country: string;
  state: string | null;
  how: 'inside' | 'nearest' | 'coarse' | 'border';
}

/** The basemap is generalised: along a border (Niagara, Detroit, El Paso) a point of the stated country can
 *  fall a few km inside the neighbour's polygon. Within this distance of a state of its stated country,
 *  it keeps its stated country (nearest state). Farther, it is quarantined. */
export const BORDER_TOLERANCE_KM = 5;

function where(lon: number, lat: number, opts: LocateOptions): Where | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (opts.states) {
    const hit = opts.states.locate(lon, lat, opts.snapKm ?? 10);
    if (!hit) return null;
    // snapping to a Canadian province keeps it Canadian (quarantined below); only US/MX states are snapped into
    return { country: hit.country, state: hit.code, how: hit.how };
  }
  const c = coarseCountry(lon, lat);
  return c ? { country: c, state: null, how: 'coarse' } : null;
}

export function locateRecords(sourceId: string, candidates: CandidateRecord[], rowOf: (i: number) => number, opts: LocateOptions): LocateResult {
  const located: LocatedRecord[] = [];
  const quarantined: QuarantineEntry[] = [];
  const seen = new Set<string>();
  let snapped = 0;
  candidates.forEach((cand, i) => {
    const q = (reason: string) =>
      quarantined.push({
        sourceId,
        row: rowOf(i),
        recordId: cand?.sourceRecordId ? String(cand.sourceRecordId) : null,
        reason,
        raw: JSON.stringify({ name: cand?.name, lat: cand?.lat, lon: cand?.lon, country: cand?.statedCountry, state: cand?.statedState }).slice(0, 500),
      });
    const parsed = candidateSchema.safeParse(cand);
    if (!parsed.success) {
      q(`invalid record: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ')}`);
      return;
    }
    const c = parsed.data as CandidateRecord;
    if (seen.has(c.sourceRecordId)) {
      q(`duplicate id "${c.sourceRecordId}" in source (the first occurrence was kept)`);
      return;
    }
    seen.add(c.sourceRecordId);
    const { lat, lon } = c;
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      q('missing or non-numeric coordinates');
      return;
    }
    if (lat === 0 && lon === 0) {
      q('coordinates are 0,0 (null island: no location)');
      return;
    }
    const stated = normaliseCountry(c.statedCountry);
    let here = where(lon, lat, opts);
    if (here && stated && here.country !== stated && opts.states && (stated === 'US' || stated === 'MX')) {
      const near = opts.states.nearestInCountry(lon, lat, stated, BORDER_TOLERANCE_KM);
      if (near) here = { country: stated, state: near.code, how: 'border' };
    }
    const inStated = here && (stated ? here.country === stated : here.country === 'US' || here.country === 'MX');
    if (!inStated) {
      const swapped = where(lat, lon, opts);
      if (swapped && (stated ? swapped.country === stated : swapped.country === 'US' || swapped.country === 'MX')) {
        q('latitude/longitude appear swapped');
        return;
      }
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      q(`coordinates out of range (lat ${lat}, lon ${lon})`);
      return;
    }
    if (lat === 0 || lon === 0) {
      // a zero on one axis is never a real US/MX location
      if (!here || (here.country !== 'US' && here.country !== 'MX')) {
        q(`${lat === 0 ? 'latitude' : 'longitude'} is 0 (missing coordinate)`);
        return;
      }
    }
    if (!here) {
      q(opts.states ? 'outside every US/MX state polygon (more than 10 km from land: at sea or in another country)' : 'outside the US/MX coarse bounding boxes');
      return;
    }
    if (here.country !== 'US' && here.country !== 'MX') {
      q(`outside US/MX: the point is in ${here.state ?? here.country}`);
      return;
    }
    if (stated && stated !== here.country) {
      q(`outside its stated country (stated ${stated}, point is in ${here.state ?? here.country})`);
      return;
    }
    if (here.how === 'nearest' || here.how === 'border') snapped++;
    located.push({ ...c, sourceId, country: here.country as Country, state: here.state });
  });
  return { located, quarantined, snapped };
}
