/**
 * Mexican rows of a 1,500-site subset of the supercharge.info export (ChrisByBits/tesla-superchargers, commit 6355d71),
 * latest opening 2023-06-02: 15 sites, 13 of them already in the 2021 snapshot, 2 opened in 2023 (Valladolid,
 * Valle de Bravo). Accented letters were lost upstream (U+FFFD) and the address/city/state columns are mis-split,
 * so only name, coordinates, stalls, kW and opening date are read (the shared data README says so). No site id: the
 * record id is the name made a slug, and the charger merge matches these sites to the 2021 records by distance
 * (both ids kept). A name with a lost letter is kept with the letter marked by "?" only when the site is new; a
 * matched site keeps the 2021 record's name.
 */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { superchargerRecord } from './tesla.ts';
import { coord, num, parseCsv, requireColumns } from '../io/csv.ts';
import { siteSlug } from './tesla-us-2026.ts';

export const TESLA_MX_2023_ID = 'supercharge-info-mx-2023';
export const TESLA_MX_2023_FILE = 'chargers/tesla-superchargers-mx-subset-2023-06.csv';
/** The columns read; the file's address, city, state, zip and elev_m are not used (mis-split upstream). */
export const TESLA_MX_2023_COLUMNS = ['name', 'lat', 'lon', 'stalls', 'kw', 'date_opened'] as const;
export const TESLA_MX_2023_META = {
  title: 'Tesla Supercharger sites in Mexico, June 2023 (supercharge.info, a community-maintained list; export via ChrisByBits/tesla-superchargers)',
  publisher: 'supercharge.info',
  url: 'https://supercharge.info/',
  licence: 'No licence stated; cited as supercharge.info',
  asOf: '2023-06-02',
} as const;

/** "3/15/2023" (M/D/YYYY, as the file writes dates) -> "2023-03-15"; null when it is not such a date. */
export function usDate(s: string | undefined): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s ?? '');
  if (!m) return null;
  const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseTeslaMx2023(buf: Buffer, sourceId = TESLA_MX_2023_ID): AdapterResult {
  const csv = parseCsv(sourceId, buf);
  requireColumns(sourceId, csv.header, TESLA_MX_2023_COLUMNS);
  const records: CandidateRecord[] = [];
  const rowRefs: number[] = [];
  const quarantined = [...csv.quarantined];
  const warnings = [...csv.warnings];
  const seen = new Set<string>();
  let lost = 0;
  for (const r of csv.rows) {
    const d = r.data;
    const rawName = (d['name'] ?? '').trim();
    if (rawName.includes('\uFFFD')) lost++;
    const name = rawName.replace(/\uFFFD/g, '?');
    const id = siteSlug(name);
    const openDate = usDate(d['date_opened']);
    const problem = !id
      ? 'no site name'
      : seen.has(id)
        ? `duplicate site name "${name}"`
        : d['date_opened']?.trim() && !openDate
          ? `date_opened "${d['date_opened']}" is not M/D/YYYY`
          : null;
    if (problem) {
      quarantined.push({ sourceId, row: r.row, recordId: id || null, reason: problem, raw: JSON.stringify(d).slice(0, 500) });
      continue;
    }
    seen.add(id);
    records.push(
      superchargerRecord({
        id,
        name,
        lat: coord(d['lat']),
        lon: coord(d['lon']),
        country: 'MX',
        state: null,
        stalls: num(d['stalls']),
        kw: num(d['kw']),
        // listed with an opening date in a June 2023 export: open then
        status: openDate ? 'open' : null,
        openDate: openDate,
        zip: null,
      }),
    );
    rowRefs.push(r.row);
  }
  if (lost)
    warnings.push(`${TESLA_MX_2023_FILE}: ${lost} site names lost accented letters upstream (U+FFFD, shown as "?"); sites matched to the 2021 snapshot keep its names`);
  return { source: { id: sourceId, ...TESLA_MX_2023_META, origin: 'snapshot' }, rowsRead: csv.rowsRead, records, quarantined, warnings, rowRefs };
}

export const teslaMx2023Adapter: SourceAdapter = {
  sourceId: TESLA_MX_2023_ID,
  origin: 'snapshot',
  inputs: [TESLA_MX_2023_FILE],
  parse: (files) => parseTeslaMx2023(files[TESLA_MX_2023_FILE]!),
};
