/** NREL / NAATBatt Li-ion supply-chain database, commercial facilities. US and MX rows; Canadian rows are out of scope. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { parseWorkforce } from '../jobs/figures.ts';
import { SOURCES } from './sources.ts';
import { clean, num, orNull, q, readInputTable } from './util.ts';

export const NAATBATT_FILE = 'supply/naatbatt-2026-03-commercial.csv';
const REQUIRED = [
  'facility_id',
  'company',
  'facility_name',
  'product_type',
  'product',
  'status',
  'city',
  'state',
  'country',
  'latitude',
  'longitude',
  'production_capacity_raw',
  'production_units',
  'supply_chain_segment',
  'workforce',
];

/** product type (+ segment, product) -> stage */
export function naatbattStage(productType: string, segment: string, product: string): string {
  const t = clean(productType).toLowerCase();
  const p = clean(product).toLowerCase();
  if (/recycl/.test(t) || /recycl/.test(p)) return 'recycling';
  if (segment === 'Upstream') {
    if (/anode raw/.test(t) && /silicon/.test(p)) return 'anode';
    return 'processing';
  }
  if (/critical metal refining|lithium extraction|raw materials processing/.test(t)) return 'processing';
  if (/^cathode|precursor cathode/.test(t)) return 'cathode';
  if (/^anode/.test(t)) return 'anode';
  if (/^cell components$/.test(t)) return 'materials_other';
  if (/cell assemblies|cell groupings|assembly and integration/.test(t)) return 'module_pack';
  if (/(^|[^-])cells?\b|lib manufacturing|consumer batteries/.test(t) && !/non-cell/.test(t)) return 'cell';
  if (/electrode|electrolyte|separator|current collector|binder|battery materials/.test(t)) return 'materials_other';
  if (t === 'manufacturing' && /pack|module/.test(p)) return 'module_pack';
  if (t === 'manufacturing' && /cell/.test(p)) return 'cell';
  if (t === 'other' && segment === 'Midstream-BGM') return 'materials_other';
  return 'other';
}

const COUNTRY: Record<string, string> = { US: 'US', 'United States': 'US', USA: 'US', Mexico: 'MX', MX: 'MX', México: 'MX', Canada: 'CA', CA: 'CA' };

/** Upstream rows that are clearly a mine (facility named mine / quarry / project) go to the minerals layer. */
export function naatbattIsMine(segment: string, facilityName: string): boolean {
  return segment === 'Upstream' && /\b(mine|quarry|project)\b/i.test(facilityName);
}

export function commoditiesFromText(text: string): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  if (/lithium|spodumene|\bli\b/.test(t)) out.push('lithium');
  if (/nickel|\bni\b/.test(t)) out.push('nickel');
  if (/cobalt|\bco\b/.test(t)) out.push('cobalt');
  if (/graphite/.test(t)) out.push('graphite');
  if (/manganese|manganeso/.test(t)) out.push('manganese');
  if (/copper|cobre/.test(t)) out.push('copper');
  if (/rare earth|tierras raras|neodymium/.test(t)) out.push('rare_earths');
  return out;
}

export const naatbattAdapter: SourceAdapter = {
  sourceId: SOURCES.naatbatt.id,
  origin: 'snapshot',
  inputs: [NAATBATT_FILE],
  parse(files): AdapterResult {
    const sid = SOURCES.naatbatt.id;
    const { rows, quarantined, rowsRead } = readInputTable(sid, files, NAATBATT_FILE, REQUIRED);
    const records: CandidateRecord[] = [];
    let canada = 0;
    for (const { row, data, raw } of rows) {
      const id = clean(data.facility_id);
      if (!id) {
        quarantined.push(q(sid, row, null, 'missing facility_id', raw));
        continue;
      }
      const countryRaw = clean(data.country);
      const country = COUNTRY[countryRaw] ?? null;
      if (country === 'CA') {
        canada++;
        continue;
      }
      if (country !== 'US' && country !== 'MX') {
        quarantined.push(q(sid, row, id, `unknown country "${countryRaw}"`, raw));
        continue;
      }
      const lat = num(data.latitude);
      const lon = num(data.longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'missing or non-numeric latitude/longitude', raw));
        continue;
      }
      if (clean(data.status) !== 'Commercial') {
        quarantined.push(q(sid, row, id, `unexpected status "${clean(data.status)}" (snapshot holds commercial facilities only)`, raw));
        continue;
      }
      const segment = clean(data.supply_chain_segment);
      const facilityName = clean(data.facility_name);
      const company = clean(data.company);
      const product = clean(data.product);
      const base = {
        sourceRecordId: id,
        name: facilityName || company,
        lon,
        lat,
        statedCountry: country,
        statedState: orNull(data.state),
        precision: 'exact' as const,
      };
      if (naatbattIsMine(segment, facilityName)) {
        records.push({
          ...base,
          layer: 'minerals',
          attributes: {
            commodities: commoditiesFromText(`${product} ${clean(data.product_type)}`),
            status: 'producing', // NAATBatt lists commercial (producing) facilities only
            depositType: null,
            resourceKtLi: null,
            doi: null,
            operator: company,
          },
        });
        continue;
      }
      const units = clean(data.production_units).toLowerCase();
      const cap = num(data.production_capacity_raw);
      let capacityGwh: number | null = null;
      // capacity only when stated in GWh; 0 in a commercial facility means "not reported"
      if (cap !== null && cap > 0) {
        if (/^gwh(\/yr)?$/.test(units)) capacityGwh = cap;
        else if (/^mwh(\/yr)?$/.test(units)) capacityGwh = cap / 1000;
      }
      // reported workforce (issue 15): "75" = employed, "150 (Planned)" = announced; read by data/pipeline/jobs
      const workforce = parseWorkforce(data.workforce);
      records.push({
        ...base,
        layer: 'battery-plants',
        attributes: {
          stage: naatbattStage(data.product_type ?? '', segment, product),
          status: 'operating', // "Commercial" = in commercial production
          capacityGwh,
          capexMusd: null,
          owners: company ? [company] : null,
          products: product || null,
          announced: null,
          productType: clean(data.product_type) || null,
          segment: segment || null,
          jobs: workforce?.jobs ?? null,
          jobsKind: workforce?.kind ?? null,
          jobsYear: null,
          jobsSourceUrl: workforce ? sid : null,
        },
      });
    }
    return {
      source: SOURCES.naatbatt,
      rowsRead,
      records,
      quarantined,
      ...(canada ? { outOfScope: { count: canada, reason: 'Canadian facilities (the atlas covers the US and Mexico)' } } : {}),
    };
  },
};
