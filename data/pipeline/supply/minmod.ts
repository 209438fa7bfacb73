/** MinMod (DARPA CriticalMAAS) mineral sites with battery minerals in the US and Mexico, mostly USGS datasets. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { SOURCES } from './sources.ts';
import { DATASET, REF_URL, clean, num, orNull, q, readInputTable } from './util.ts';

export const MINMOD_FILE = 'supply/minmod-usmx-battery-minerals.csv.gz';
const REQUIRED = [
  'dataset',
  'usgs_origin',
  'source_id',
  'record_id',
  'name',
  'site_type',
  'country',
  'state_or_province',
  'latitude',
  'longitude',
  'coords_valid',
  'battery_minerals',
  'commodities',
  'deposit_types',
];

const MINERAL: Record<string, string> = {
  lithium: 'lithium',
  nickel: 'nickel',
  cobalt: 'cobalt',
  graphite: 'graphite',
  manganese: 'manganese',
  copper: 'copper',
  ree: 'rare_earths',
  'rare earths': 'rare_earths',
  'rare earth elements': 'rare_earths',
  rare_earths: 'rare_earths',
};
const REE_NAMES =
  /^(cerium|lanthanum|neodymium|praseodymium|dysprosium|terbium|europium|gadolinium|samarium|yttrium|scandium|holmium|erbium|thulium|ytterbium|lutetium|promethium|ree|rare earths?( elements| oxides)?)$/;

/** "cobalt; copper; ree" -> commodities of COMMODITIES (rare-earth element names -> rare_earths). */
export function mapBatteryMinerals(s: string): { commodities: string[]; unknown: string[] } {
  const out: string[] = [];
  const unknown: string[] = [];
  for (const part of s.split(/[;,]/)) {
    const p = clean(part).toLowerCase();
    if (!p) continue;
    const c = MINERAL[p] ?? (REE_NAMES.test(p) ? 'rare_earths' : null);
    if (!c) unknown.push(p);
    else if (!out.includes(c)) out.push(c);
  }
  return { commodities: out, unknown };
}

/** MRDS-style development status -> MINERAL_STATUSES; "Mine"/"Prospect" say nothing about today's status -> null. */
export function minmodStatus(siteType: string): string | null {
  const s = clean(siteType).toLowerCase();
  if (s === 'producer') return 'producing';
  if (s === 'past producer') return 'past_producer';
  if (s === 'occurrence' || s === 'occurrences') return 'occurrence';
  return null;
}

const COUNTRY: Record<string, string> = { 'United States': 'US', Mexico: 'MX' };

export const minmodAdapter: SourceAdapter = {
  sourceId: SOURCES.minmod.id,
  origin: 'snapshot',
  inputs: [MINMOD_FILE],
  parse(files): AdapterResult {
    const sid = SOURCES.minmod.id;
    const { rows, quarantined, rowsRead } = readInputTable(sid, files, MINMOD_FILE, REQUIRED);
    const records: CandidateRecord[] = [];
    const seen = new Set<string>();
    for (const { row, data, raw } of rows) {
      const dataset = clean(data.dataset);
      const rid = clean(data.record_id);
      if (!rid) {
        quarantined.push(q(sid, row, null, 'missing record_id', raw));
        continue;
      }
      let id = `${dataset}:${rid}`;
      if (seen.has(id)) {
        // a few datasets repeat a record id for several sites: keep them apart, id made unique by row
        id = `${id}@${row}`;
      }
      seen.add(id);
      if (clean(data.coords_valid).toLowerCase() !== 'true') {
        quarantined.push(q(sid, row, id, 'no valid coordinates in MinMod (coords_valid=False)', raw));
        continue;
      }
      const lat = num(data.latitude);
      const lon = num(data.longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'coords_valid=True but latitude/longitude missing or non-numeric', raw));
        continue;
      }
      const { commodities } = mapBatteryMinerals(data.battery_minerals ?? '');
      if (commodities.length === 0) {
        quarantined.push(q(sid, row, id, `no battery mineral recognised in battery_minerals "${clean(data.battery_minerals)}"`, raw));
        continue;
      }
      const src = clean(data.source_id);
      const countryRaw = clean(data.country);
      records.push({
        layer: 'minerals',
        sourceRecordId: id,
        name: clean(data.name) || 'Unnamed site',
        lon,
        lat,
        statedCountry: COUNTRY[countryRaw] ?? (countryRaw || null),
        statedState: orNull(data.state_or_province),
        precision: 'exact',
        attributes: {
          commodities,
          status: minmodStatus(data.site_type ?? ''),
          depositType: orNull(data.deposit_types),
          resourceKtLi: null,
          doi: /^https?:\/\/(dx\.)?doi\.org\//.test(src) ? src : null,
          siteType: orNull(data.site_type),
          otherCommodities: orNull(data.commodities),
          [REF_URL]: src || null,
          [DATASET]: dataset,
        },
      });
    }
    return { source: SOURCES.minmod, rowsRead, records, quarantined };
  },
};
