/** supercharge.info snapshot of Tesla Supercharger sites (North America). */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { coord, num, parseCsv, requireColumns, str } from '../io/csv.ts';

export const TESLA_ID = 'supercharge-info-2021';
export const TESLA_FILE = 'chargers/tesla-superchargers-na-2021-12.csv';
export const TESLA_COLUMNS = ['id', 'name', 'status', 'city', 'state', 'zip', 'country', 'latitude', 'longitude', 'stall_count', 'power_kw', 'date_opened'] as const;

export function teslaStatus(s: string): string | null {
  const t = s.trim().toUpperCase();
  if (t === 'OPEN') return 'open';
  if (t === 'PERMIT' || t === 'CONSTRUCTION') return 'planned';
  if (t.startsWith('CLOSED')) return t === 'CLOSED_TEMP' ? 'temporarily_unavailable' : 'closed';
  return null;
}

export function parseTesla(buf: Buffer, sourceId = TESLA_ID): AdapterResult {
  const csv = parseCsv(sourceId, buf);
  requireColumns(sourceId, csv.header, TESLA_COLUMNS);
  const records: CandidateRecord[] = [];
  const rowRefs: number[] = [];
  let outside = 0;
  for (const r of csv.rows) {
    const d = r.data;
    const country = (d['country'] ?? '').trim();
    if (country === 'Canada') {
      outside++;
      continue;
    }
    const stalls = num(d['stall_count']);
    const kw = num(d['power_kw']);
    records.push({
      layer: 'chargers',
      sourceRecordId: d['id'] ?? '',
      name: `Tesla Supercharger ${d['name'] ?? ''}`.trim(),
      lat: coord(d['latitude']),
      lon: coord(d['longitude']),
      statedCountry: country || null,
      statedState: str(d['state']),
      precision: 'exact',
      attributes: {
        level: ['DC'],
        network: 'Tesla',
        status: teslaStatus(d['status'] ?? ''),
        access: null,
        ports: stalls && stalls > 0 ? stalls : null,
        portsL1: null,
        portsL2: null,
        portsDC: stalls && stalls > 0 ? stalls : null,
        // power_kw 0 means unknown in supercharge.info
        maxPowerKw: kw && kw > 0 ? kw : null,
        connectors: null,
        openDate: str(d['date_opened']),
        facilityType: null,
        zip: str(d['zip']),
      },
    });
    rowRefs.push(r.row);
  }
  return {
    source: {
      id: sourceId,
      title: 'Tesla Supercharger sites, North America (supercharge.info)',
      publisher: 'supercharge.info (community)',
      url: 'https://supercharge.info/',
      licence: 'No licence stated; cited as supercharge.info',
      asOf: '2021-12-06',
      origin: 'snapshot',
    },
    rowsRead: csv.rowsRead,
    records,
    quarantined: csv.quarantined,
    outOfScope: { count: outside, reason: 'in Canada (outside the US/MX atlas)' },
    warnings: csv.warnings,
    rowRefs,
  };
}

export const teslaAdapter: SourceAdapter = {
  sourceId: TESLA_ID,
  origin: 'snapshot',
  inputs: [TESLA_FILE],
  parse: (files) => parseTesla(files[TESLA_FILE]!),
};
