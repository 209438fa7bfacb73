/** AFDC (US DOE Alternative Fuels Data Center) adapters: the 2022 national 5-column snapshot and the
 *  full 75-column format (the NY 2025 snapshot and the live API CSV share it). */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { coord, num, parseCsv, requireColumns, str } from '../io/csv.ts';

export const AFDC_2022_ID = 'afdc-us-2022';
export const AFDC_NY_ID = 'afdc-ny-2025';
export const AFDC_LIVE_ID = 'afdc-us-live';
export const AFDC_2022_FILE = 'chargers/afdc-us-elec-2022-01.csv.gz';
export const AFDC_NY_FILE = 'chargers/afdc-ny-full-columns-2025-02.csv.gz';

const AFDC_URL = 'https://afdc.energy.gov/stations';
const AFDC_LICENCE = 'Public domain (US government work)';
const AFDC_PUBLISHER = 'US DOE Alternative Fuels Data Center (NREL)';

export const AFDC_2022_COLUMNS = ['Station Name', 'ZIP', 'Latitude', 'Longitude', 'ID'] as const;
export const AFDC_FULL_COLUMNS = [
  'Fuel Type Code',
  'Station Name',
  'ZIP',
  'State',
  'Country',
  'Status Code',
  'Latitude',
  'Longitude',
  'ID',
  'EV Level1 EVSE Num',
  'EV Level2 EVSE Num',
  'EV DC Fast Count',
  'EV Network',
  'EV Connector Types',
  'Access Code',
  'Open Date',
  'Facility Type',
] as const;

/** US ZIPs lost their leading zeros in the 2022 file (e.g. 2139 -> 02139). */
export function fixZip(z: string | null): string | null {
  if (!z) return null;
  return /^\d{3,4}$/.test(z) ? z.padStart(5, '0') : z;
}

export function parseAfdc2022(buf: Buffer, sourceId = AFDC_2022_ID): AdapterResult {
  const csv = parseCsv(sourceId, buf);
  requireColumns(sourceId, csv.header, AFDC_2022_COLUMNS);
  const records: CandidateRecord[] = csv.rows.map((r) => ({
    layer: 'chargers',
    sourceRecordId: r.data['ID'] ?? '',
    name: r.data['Station Name'] ?? '',
    lat: coord(r.data['Latitude']),
    lon: coord(r.data['Longitude']),
    statedCountry: 'US',
    statedState: null,
    precision: 'exact',
    attributes: {
      level: null,
      network: null,
      status: null,
      access: null,
      ports: null,
      portsL1: null,
      portsL2: null,
      portsDC: null,
      maxPowerKw: null,
      connectors: null,
      openDate: null,
      facilityType: null,
      zip: fixZip(str(r.data['ZIP'])),
    },
  }));
  return {
    source: {
      id: sourceId,
      title: 'AFDC electric vehicle charging stations, national (public and private)',
      publisher: AFDC_PUBLISHER,
      url: AFDC_URL,
      licence: AFDC_LICENCE,
      asOf: '2022-01-15',
      origin: 'snapshot',
    },
    rowsRead: csv.rowsRead,
    records,
    quarantined: csv.quarantined,
    rowRefs: csv.rows.map((r) => r.row),
    warnings: csv.warnings,
  };
}

const STATUS: Record<string, string> = { E: 'open', P: 'planned', T: 'temporarily_unavailable' };
const ACCESS: Record<string, string> = { public: 'public', private: 'private' };

/** Maps AFDC connector codes to readable names. */
const CONNECTORS: Record<string, string> = {
  J1772: 'J1772',
  J1772COMBO: 'CCS1',
  CHADEMO: 'CHAdeMO',
  TESLA: 'NACS (Tesla)',
  NEMA515: 'NEMA 5-15',
  NEMA520: 'NEMA 5-20',
  NEMA1450: 'NEMA 14-50',
};

export interface FullParseOptions {
  sourceId: string;
  title: string;
  asOf: string;
  origin: 'snapshot' | 'live';
}

export function parseAfdcFull(buf: Buffer, o: FullParseOptions): AdapterResult {
  const csv = parseCsv(o.sourceId, buf);
  requireColumns(o.sourceId, csv.header, AFDC_FULL_COLUMNS);
  const records: CandidateRecord[] = [];
  const rowRefs: number[] = [];
  let other = 0;
  for (const r of csv.rows) {
    const d = r.data;
    if (d['Fuel Type Code'] !== 'ELEC') {
      other++;
      continue;
    }
    const l1 = num(d['EV Level1 EVSE Num']);
    const l2 = num(d['EV Level2 EVSE Num']);
    const dc = num(d['EV DC Fast Count']);
    const level: string[] = [];
    if (l1 && l1 > 0) level.push('L1');
    if (l2 && l2 > 0) level.push('L2');
    if (dc && dc > 0) level.push('DC');
    const anyPorts = l1 !== null || l2 !== null || dc !== null;
    const conn = str(d['EV Connector Types']);
    // some AFDC exports have a power column; the current 75-column format does not
    const powerCol = d['EV DC Fast Max Power'] ?? d['EV Max Power'] ?? d['Max Power kW'];
    records.push({
      layer: 'chargers',
      sourceRecordId: d['ID'] ?? '',
      name: d['Station Name'] ?? '',
      lat: coord(d['Latitude']),
      lon: coord(d['Longitude']),
      statedCountry: str(d['Country']) ?? 'US',
      statedState: str(d['State']),
      precision: 'exact',
      attributes: {
        level: level.length ? level : null,
        network: str(d['EV Network']),
        status: STATUS[d['Status Code'] ?? ''] ?? null,
        access: ACCESS[(d['Access Code'] ?? '').toLowerCase()] ?? null,
        ports: anyPorts ? (l1 ?? 0) + (l2 ?? 0) + (dc ?? 0) : null,
        portsL1: l1,
        portsL2: l2,
        portsDC: dc,
        maxPowerKw: num(powerCol),
        connectors: conn ? conn.split(/\s+/).map((c) => CONNECTORS[c] ?? c) : null,
        openDate: str(d['Open Date']),
        facilityType: str(d['Facility Type']),
        zip: fixZip(str(d['ZIP'])),
      },
    });
    rowRefs.push(r.row);
  }
  return {
    source: { id: o.sourceId, title: o.title, publisher: AFDC_PUBLISHER, url: AFDC_URL, licence: AFDC_LICENCE, asOf: o.asOf, origin: o.origin },
    rowsRead: csv.rowsRead,
    records,
    quarantined: csv.quarantined,
    outOfScope: { count: other, reason: 'not electric (other fuel types)' },
    warnings: csv.warnings,
    rowRefs,
  };
}

export const afdc2022Adapter: SourceAdapter = {
  sourceId: AFDC_2022_ID,
  origin: 'snapshot',
  inputs: [AFDC_2022_FILE],
  parse: (files) => parseAfdc2022(files[AFDC_2022_FILE]!),
};

export const afdcNyAdapter: SourceAdapter = {
  sourceId: AFDC_NY_ID,
  origin: 'snapshot',
  inputs: [AFDC_NY_FILE],
  parse: (files) =>
    parseAfdcFull(files[AFDC_NY_FILE]!, {
      sourceId: AFDC_NY_ID,
      title: 'AFDC stations, full-column export, New York (all fuels; ELEC rows used)',
      asOf: '2025-04-21',
      origin: 'snapshot',
    }),
};
