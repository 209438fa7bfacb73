/** Clean Investment Monitor (2024-Q4), Batteries / Zero Emission Vehicles / Critical Minerals manufacturing rows. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { SOURCES } from './sources.ts';
import { clean, isoDate, num, q, readInputTable, splitList } from './util.ts';

export const CIM_FILE = 'supply/cim-2024q4-ev-battery-minerals.csv';
const REQUIRED = [
  'unique_id',
  'Company',
  'Technology',
  'Subcategory',
  'Current_Facility_Status',
  'Estimated_Total_Facility_CAPEX',
  'Announcement_Date',
  'State',
  'Latitude',
  'Longitude',
  'LatLon_Valid',
];

export function cimStatus(s: string): string | null {
  const c = clean(s).toLowerCase();
  if (c === 'operating') return 'operating';
  if (c === 'under construction') return 'under_construction';
  if (c === 'announced') return 'announced';
  if (c.startsWith('cancel')) return 'cancelled';
  if (c === 'retired') return 'retired';
  return null;
}

/** Subcategory -> stage. Multi-stage rows take the cell stage if present, else the first listed. */
export function cimStage(technology: string, subcategory: string): string | null {
  if (technology === 'Critical Minerals') return 'processing';
  const parts = subcategory.split(',').map((p) => clean(p).toLowerCase());
  if (parts.includes('cells')) return 'cell';
  for (const p of parts) {
    if (p === 'eam') return 'cathode';
    if (p === 'aam') return 'anode';
    if (p === 'modules' || p === 'packs' || p === 'modules/packs') return 'module_pack';
    if (p.includes('recycl')) return 'recycling';
  }
  return null;
}

/** Company string -> owners: split on commas except before corporate suffixes ("Co Ltd", "Inc."). */
export function cimOwners(company: string): string[] {
  return splitList(company, /,(?!\s*(?:inc|llc|ltd|corp|co)\b\.?)/i);
}

export const cimAdapter: SourceAdapter = {
  sourceId: SOURCES.cim.id,
  origin: 'snapshot',
  inputs: [CIM_FILE],
  parse(files): AdapterResult {
    const { rows, quarantined, rowsRead } = readInputTable(SOURCES.cim.id, files, CIM_FILE, REQUIRED);
    const recs: CandidateRecord[] = [];
    let outOfScope = 0;
    for (const { row, data, raw } of rows) {
      const id = clean(data.unique_id);
      const tech = clean(data.Technology);
      if (!id) {
        quarantined.push(q(SOURCES.cim.id, row, null, 'missing unique_id', raw));
        continue;
      }
      if (tech !== 'Batteries' && tech !== 'Zero Emission Vehicles' && tech !== 'Critical Minerals') {
        outOfScope++;
        continue;
      }
      const lat = num(data.Latitude);
      const lon = num(data.Longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(SOURCES.cim.id, row, id, 'missing or non-numeric Latitude/Longitude', raw));
        continue;
      }
      const statusRaw = clean(data.Current_Facility_Status);
      const status = cimStatus(statusRaw);
      if (statusRaw && !status) {
        quarantined.push(q(SOURCES.cim.id, row, id, `unknown Current_Facility_Status "${statusRaw}"`, raw));
        continue;
      }
      const capex = num(data.Estimated_Total_Facility_CAPEX);
      const company = clean(data.Company);
      const sub = clean(data.Subcategory);
      const base = {
        sourceRecordId: id,
        name: company,
        lon,
        lat,
        statedCountry: 'US',
        statedState: clean(data.State) || null,
        precision: (clean(data.LatLon_Valid).toLowerCase() === 'false' ? 'approximate' : 'exact') as 'exact' | 'approximate',
      };
      if (tech === 'Zero Emission Vehicles') {
        const ev = status === 'operating' ? 'ev_in_production' : status === 'under_construction' || status === 'announced' ? 'ev_announced' : null;
        recs.push({
          ...base,
          layer: 'assembly-plants',
          attributes: {
            oem: company,
            vehicleClass: null,
            ev,
            evModels: null,
            status,
            capexMusd: capex,
            products: sub || null,
            announced: isoDate(data.Announcement_Date ?? ''),
          },
        });
      } else {
        const stage = cimStage(tech, sub);
        if (!stage) {
          quarantined.push(q(SOURCES.cim.id, row, id, `cannot map Subcategory "${sub}" to a plant stage`, raw));
          continue;
        }
        recs.push({
          ...base,
          layer: 'battery-plants',
          attributes: {
            stage,
            status,
            capacityGwh: null,
            capexMusd: capex,
            owners: cimOwners(company),
            products: tech === 'Critical Minerals' ? `${sub}` : sub || null,
            announced: isoDate(data.Announcement_Date ?? ''),
          },
        });
      }
    }
    // phases of one plant (same company, same site) are merged by the layer merger (see merge.ts), so that
    // rowsRead = records + quarantined + outOfScope holds here
    const res: AdapterResult = {
      source: SOURCES.cim,
      rowsRead,
      records: recs,
      quarantined,
      ...(outOfScope ? { outOfScope: { count: outOfScope, reason: 'technology outside batteries / ZEV / critical minerals' } } : {}),
    };
    return res;
  },
};
