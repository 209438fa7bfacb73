/** Busch et al. (2024) lithium deposits; US and Mexican rows (other countries out of scope). */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { SOURCES } from './sources.ts';
import { clean, num, orNull, q, readInputTable } from './util.ts';

export const BUSCH_FILE = 'supply/busch-2024-lithium-deposits.csv';
const REQUIRED = ['d', 'Country', 'Deposit_Name', 'Resource_Type', 'Latitude', 'Longitude', 'Status', 'all_resource'];

export function buschStatus(s: string): string | null {
  switch (clean(s).toLowerCase()) {
    case 'producing':
      return 'producing';
    case 'construction':
      return 'construction';
    case 'evaluation':
      return 'evaluation';
    default:
      return null; // "No info"
  }
}

const COUNTRY: Record<string, string> = { 'United States': 'US', Mexico: 'MX' };

export const buschAdapter: SourceAdapter = {
  sourceId: SOURCES.busch.id,
  origin: 'snapshot',
  inputs: [BUSCH_FILE],
  parse(files): AdapterResult {
    const sid = SOURCES.busch.id;
    const { rows, quarantined, rowsRead } = readInputTable(sid, files, BUSCH_FILE, REQUIRED);
    const records: CandidateRecord[] = [];
    let other = 0;
    for (const { row, data, raw } of rows) {
      const id = clean(data.d);
      const country = COUNTRY[clean(data.Country)];
      if (!country) {
        other++;
        continue;
      }
      if (!id) {
        quarantined.push(q(sid, row, null, 'missing id (column d)', raw));
        continue;
      }
      const lat = num(data.Latitude);
      const lon = num(data.Longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'missing or non-numeric Latitude/Longitude', raw));
        continue;
      }
      records.push({
        layer: 'minerals',
        sourceRecordId: id,
        name: clean(data.Deposit_Name),
        lon,
        lat,
        statedCountry: country,
        statedState: null,
        precision: 'exact',
        attributes: {
          commodities: ['lithium'],
          status: buschStatus(data.Status ?? ''),
          depositType: orNull(data.Resource_Type_orig ?? data.Resource_Type) ?? orNull(data.Resource_Type),
          resourceKtLi: num(data.all_resource),
          doi: null,
        },
      });
    }
    return {
      source: SOURCES.busch,
      rowsRead,
      records,
      quarantined,
      ...(other ? { outOfScope: { count: other, reason: 'deposits outside the US and Mexico' } } : {}),
    };
  },
};
