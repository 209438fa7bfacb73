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

/** What a supercharge.info row says about one site, read by each snapshot's adapter. */
export interface SuperchargerSite {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  state: string | null;
  stalls: number | null;
  /** 0 or absent means unknown in supercharge.info */
  kw: number | null;
  status: string | null;
  openDate: string | null;
  zip: string | null;
}

/** The charger record of a Tesla Supercharger site: a DC fast site of the Tesla network, access unknown. */
export function superchargerRecord(site: SuperchargerSite): CandidateRecord {
  const stalls = site.stalls && site.stalls > 0 ? site.stalls : null;
  return {
    layer: 'chargers',
    sourceRecordId: site.id,
    name: `Tesla Supercharger ${site.name}`.trim(),
    lat: site.lat,
    lon: site.lon,
    statedCountry: site.country,
    statedState: site.state,
    precision: 'exact',
    attributes: {
      level: ['DC'],
      network: 'Tesla',
      status: site.status,
      access: null,
      ports: stalls,
      portsL1: null,
      portsL2: null,
      portsDC: stalls,
      maxPowerKw: site.kw && site.kw > 0 ? site.kw : null,
      connectors: null,
      openDate: site.openDate,
      facilityType: null,
      zip: site.zip,
    },
  };
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
    records.push(
      superchargerRecord({
        id: d['id'] ?? '',
        name: d['name'] ?? '',
        lat: coord(d['latitude']),
        lon: coord(d['longitude']),
        country: country || null,
        state: str(d['state']),
        stalls: num(d['stall_count']),
        kw: num(d['power_kw']),
        status: teslaStatus(d['status'] ?? ''),
        openDate: str(d['date_opened']),
        zip: str(d['zip']),
      }),
    );
    rowRefs.push(r.row);
  }
  return {
    source: {
      id: sourceId,
      title: 'Tesla Supercharger sites, North America (supercharge.info, a community-maintained list)',
      publisher: 'supercharge.info',
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
