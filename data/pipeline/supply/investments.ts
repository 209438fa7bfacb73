/** North American EV supply-chain investment announcements (2024; DOE/Argonne list + press releases). City-level points. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { parseReportedJobs } from '../jobs/figures.ts';
import { SOURCES } from './sources.ts';
import { REF_URL, clean, num, orNull, q, readInputTable } from './util.ts';

export const INVESTMENTS_FILE = 'supply/na-ev-investments-2024.csv';
const REQUIRED = [
  'technology',
  'company_name',
  'product',
  'reported_investment',
  'by_amount',
  'reported_jobs',
  'city',
  'state',
  'country',
  'latitude',
  'longitude',
  'timeline',
  'Notes',
];

/** "Batteries: Cells; Batteries: Packs" -> one stage (cells first, then packs, recycling, processing, materials). */
export function investmentStage(product: string): string {
  const p = product.toLowerCase();
  if (/batteries: cells/.test(p)) return 'cell';
  if (/batteries: packs/.test(p)) return 'module_pack';
  if (/recycling/.test(p)) return 'recycling';
  if (/materials processing|minerals extraction/.test(p)) return 'processing';
  if (/minerals, materials, and components|components/.test(p)) return 'materials_other';
  return 'other';
}

const COUNTRY: Record<string, string> = { 'United States': 'US', Mexico: 'MX', Canada: 'CA' };

export const investmentsAdapter: SourceAdapter = {
  sourceId: SOURCES.investments.id,
  origin: 'snapshot',
  inputs: [INVESTMENTS_FILE],
  parse(files): AdapterResult {
    const sid = SOURCES.investments.id;
    const { rows, quarantined, rowsRead } = readInputTable(sid, files, INVESTMENTS_FILE, REQUIRED);
    const records: CandidateRecord[] = [];
    const seen = new Map<string, number>();
    let outTech = 0;
    let outCanada = 0;
    for (const { row, data, raw } of rows) {
      const tech = clean(data.technology);
      const product = clean(data.product);
      const isBattery = tech === 'Batteries';
      const isAssembly = tech === 'Electric Vehicles' && /electric vehicles: assembly/i.test(product);
      if (!isBattery && !isAssembly) {
        outTech++;
        continue;
      }
      const country = COUNTRY[clean(data.country)] ?? null;
      if (country === 'CA') {
        outCanada++;
        continue;
      }
      const company = clean(data.company_name);
      const city = clean(data.city);
      // id = "company|city" (as in jv-ownership-links.csv); repeated announcements get "#2", "#3"...
      const key = `${company}|${city}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const id = n === 1 ? key : `${key}#${n}`;
      if (!company) {
        quarantined.push(q(sid, row, null, 'missing company_name', raw));
        continue;
      }
      if (!country) {
        quarantined.push(q(sid, row, id, `unknown country "${clean(data.country)}"`, raw));
        continue;
      }
      const lat = num(data.latitude);
      const lon = num(data.longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'missing or non-numeric latitude/longitude', raw));
        continue;
      }
      if (lat === 0 && lon === 0) {
        quarantined.push(q(sid, row, id, 'no location (0,0)', raw));
        continue;
      }
      const inv = num(data.reported_investment);
      const jobs = parseReportedJobs(data.reported_jobs);
      const notes = clean(data.Notes);
      const url = /^https?:\/\//.test(notes) ? notes.split(/\s+/)[0]! : null;
      const common = {
        capexMusd: inv !== null && inv > 0 ? inv : null, // 0 = not reported ("Less than 10M" / "Not Specified")
        investmentRange: orNull(data.by_amount),
        timeline: orNull(data.timeline),
        products: product || null,
        // jobs announced with the investment (issue 15; 0, negative or "Not Specified" = not reported); read by data/pipeline/jobs
        jobs,
        jobsKind: jobs !== null ? 'announced' : null,
        jobsYear: null,
        jobsSourceUrl: jobs !== null ? sid : null,
        [REF_URL]: url,
      };
      const base = {
        sourceRecordId: id,
        name: company,
        lon,
        lat,
        statedCountry: country,
        statedState: orNull(data.state),
        precision: 'approximate' as const, // coordinates rounded to 0.1 degree (city level)
      };
      if (isBattery) {
        records.push({
          ...base,
          layer: 'battery-plants',
          attributes: { stage: investmentStage(product), status: null, capacityGwh: null, owners: [company], announced: null, ...common },
        });
      } else {
        records.push({
          ...base,
          layer: 'assembly-plants',
          // an EV-assembly investment announcement: EV production is at least announced
          attributes: { oem: company, vehicleClass: null, ev: 'ev_announced', evModels: null, status: null, ...common },
        });
      }
    }
    const parts: string[] = [];
    if (outTech) parts.push(`${outTech} rows of other technologies (solar, wind, EV components and chargers...)`);
    if (outCanada) parts.push(`${outCanada} Canadian rows`);
    return {
      source: SOURCES.investments,
      rowsRead,
      records,
      quarantined,
      ...(outTech + outCanada ? { outOfScope: { count: outTech + outCanada, reason: parts.join('; ') } } : {}),
    };
  },
};
