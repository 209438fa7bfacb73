/**
 * supercharge.info snapshot of open US Tesla Supercharger sites, 2026-07 (via charles-hood/sunchaser,
 * data/superchargers.json, commit 1c792b9): name, city, state (USPS), lat, lon, stalls, kW. The file has
 * no site id: the record id is the site name made a slug ("Anchorage, AK" → "anchorage-ak"; names are
 * unique in the file), and the charger merge matches these sites to existing records by distance.
 * Every row is an open DC fast site of the Tesla network (access left unknown, as for the 2021 snapshot). Puerto Rico is outside the atlas (out of scope).
 */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { superchargerRecord } from './tesla.ts';
import { coord, num, parseCsv, requireColumns } from '../io/csv.ts';

export const TESLA_US_2026_ID = 'supercharge-info-us-2026';
export const TESLA_US_2026_FILE = 'chargers/tesla-superchargers-us-2026-07.csv';
export const TESLA_US_2026_COLUMNS = ['name', 'city', 'state', 'lat', 'lon', 'stalls', 'kw'] as const;
export const TESLA_US_2026_META = {
  title: 'Tesla Supercharger sites open in the US, July 2026 (supercharge.info, a community-maintained list; via charles-hood/sunchaser)',
  publisher: 'supercharge.info',
  url: 'https://supercharge.info/',
  licence: 'No licence stated; cited as supercharge.info',
  asOf: '2026-07-24',
} as const;

/** A stable id from a site name: lower-case ASCII letters and digits joined by '-'. */
export function siteSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function parseTeslaUs2026(buf: Buffer, sourceId = TESLA_US_2026_ID): AdapterResult {
  const csv = parseCsv(sourceId, buf);
  requireColumns(sourceId, csv.header, TESLA_US_2026_COLUMNS);
  const records: CandidateRecord[] = [];
  const rowRefs: number[] = [];
  const quarantined = [...csv.quarantined];
  const seen = new Set<string>();
  let outside = 0;
  for (const r of csv.rows) {
    const d = r.data;
    const state = (d['state'] ?? '').trim().toUpperCase();
    if (state === 'PR') {
      outside++;
      continue;
    }
    const name = (d['name'] ?? '').trim();
    const id = siteSlug(name);
    if (!id || seen.has(id)) {
      quarantined.push({
        sourceId,
        row: r.row,
        recordId: id || null,
        reason: id ? `duplicate site name "${name}"` : 'no site name',
        raw: JSON.stringify(d).slice(0, 500),
      });
      continue;
    }
    seen.add(id);
    records.push(
      superchargerRecord({
        id,
        name,
        lat: coord(d['lat']),
        lon: coord(d['lon']),
        country: 'US',
        state: state || null,
        stalls: num(d['stalls']),
        kw: num(d['kw']),
        status: 'open',
        openDate: null,
        zip: null,
      }),
    );
    rowRefs.push(r.row);
  }
  return {
    source: { id: sourceId, ...TESLA_US_2026_META, origin: 'snapshot' },
    rowsRead: csv.rowsRead,
    records,
    quarantined,
    outOfScope: { count: outside, reason: 'in Puerto Rico (outside the US/MX atlas)' },
    warnings: csv.warnings,
    rowRefs,
  };
}

export const teslaUs2026Adapter: SourceAdapter = {
  sourceId: TESLA_US_2026_ID,
  origin: 'snapshot',
  inputs: [TESLA_US_2026_FILE],
  parse: (files) => parseTeslaUs2026(files[TESLA_US_2026_FILE]!),
};
