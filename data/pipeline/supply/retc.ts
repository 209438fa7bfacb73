/** SEMARNAT RETC 2022: vehicle assembly, battery plants, battery-mineral mines and smelters in Mexico, by SCIAN code. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import type { PointDatasetId } from '../../../src/data/atlas-format.ts';
import { SOURCES } from './sources.ts';
import { clean, normalize, num, orNull, q, readInputTable } from './util.ts';

export const RETC_FILE = 'supply/retc-2022-mx-auto-battery-mining.csv';
const REQUIRED = ['nra', 'name', 'scian', 'scian_desc', 'activity', 'latitude', 'longitude', 'state', 'municipality'];

/** Makers of lead-acid (automotive / industrial) batteries, by name or activity text. */
const LEAD_ACID = /clarios|enersys|\blth\b|johnson controls|exide|acumulador|plomo|c and d technologies|enerya|gonher/;

export type RetcClass = { layer: PointDatasetId; stage?: string; commodities?: string[]; vehicleClass?: string } | { outOfScope: string };

export function retcClassify(scian: string, name: string, activity: string): RetcClass {
  const text = normalize(`${name} ${activity}`);
  if (scian === '336110') return { layer: 'assembly-plants', vehicleClass: 'light' };
  if (scian === '336120') return { layer: 'assembly-plants', vehicleClass: 'heavy' };
  if (scian.startsWith('3361')) return { layer: 'assembly-plants' };
  if (scian === '335910') return { layer: 'battery-plants', stage: LEAD_ACID.test(text) ? 'lead_acid' : 'other' };
  if (scian.startsWith('212')) {
    const commodities: string[] = [];
    if (scian === '212231' || /\bcobre\b|\bcopper\b/.test(text)) commodities.push('copper');
    if (scian === '212291' || /manganeso/.test(text)) commodities.push('manganese');
    if (/\bniquel\b/.test(text)) commodities.push('nickel');
    if (/\bcobalto\b/.test(text)) commodities.push('cobalt');
    if (/\bgrafito\b/.test(text)) commodities.push('graphite');
    if (/\blitio\b/.test(text)) commodities.push('lithium');
    if (commodities.length === 0) return { outOfScope: 'mine of a non-battery mineral (iron, lead-zinc, other)' };
    return { layer: 'minerals', commodities };
  }
  if (scian.startsWith('331')) {
    if (/bater|acido|recuperacion|reciclaje/.test(text) && /plomo|bater/.test(text)) return { layer: 'battery-plants', stage: 'lead_acid' };
    if (scian === '331411' || /\bcobre\b/.test(text)) return { layer: 'battery-plants', stage: 'processing' };
    return { outOfScope: 'smelter/refinery of a non-battery metal (zinc, lead-silver, aluminium, parts)' };
  }
  return { outOfScope: `SCIAN ${scian} outside the atlas layers` };
}

export const retcAdapter: SourceAdapter = {
  sourceId: SOURCES.retc.id,
  origin: 'snapshot',
  inputs: [RETC_FILE],
  parse(files): AdapterResult {
    const sid = SOURCES.retc.id;
    const { rows, quarantined, rowsRead } = readInputTable(sid, files, RETC_FILE, REQUIRED);
    const records: CandidateRecord[] = [];
    const outReasons = new Map<string, number>();
    for (const { row, data, raw } of rows) {
      const id = clean(data.nra);
      if (!id) {
        quarantined.push(q(sid, row, null, 'missing NRA (establishment id)', raw));
        continue;
      }
      const scian = clean(data.scian);
      const name = clean(data.name);
      const activity = clean(data.activity);
      const cls = retcClassify(scian, name, activity);
      if ('outOfScope' in cls) {
        outReasons.set(cls.outOfScope, (outReasons.get(cls.outOfScope) ?? 0) + 1);
        continue;
      }
      const lat = num(data.latitude);
      const lon = num(data.longitude);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'missing or non-numeric latitude/longitude', raw));
        continue;
      }
      const operator = clean(name.split(/,(?!\s*(s\.?\s?a|s\.?\s?de|de\s|c\.?\s?v|s\.?a\.?p\.?i|sapi))/i)[0] ?? name);
      const base = {
        sourceRecordId: id,
        name,
        lon,
        lat,
        statedCountry: 'MX',
        statedState: orNull(data.state),
        precision: 'exact' as const,
      };
      const common = { scian, activity: activity || null, operator: operator || null };
      if (cls.layer === 'assembly-plants') {
        records.push({
          ...base,
          layer: 'assembly-plants',
          attributes: {
            oem: null, // RETC names the legal establishment, not the brand: OEM comes from curated data
            vehicleClass: cls.vehicleClass ?? null,
            ev: null,
            evModels: null,
            status: 'operating', // reported releases for 2022
            capexMusd: null,
            ...common,
          },
        });
      } else if (cls.layer === 'battery-plants') {
        records.push({
          ...base,
          layer: 'battery-plants',
          attributes: {
            stage: cls.stage ?? 'other',
            status: 'operating',
            capacityGwh: null,
            capexMusd: null,
            owners: operator ? [operator] : null,
            products: activity || null,
            announced: null,
            ...common,
          },
        });
      } else {
        records.push({
          ...base,
          layer: 'minerals',
          attributes: {
            commodities: cls.commodities ?? [],
            status: 'producing', // an establishment that reported 2022 releases was operating in 2022
            depositType: null,
            resourceKtLi: null,
            doi: null,
            ...common,
          },
        });
      }
    }
    const outCount = [...outReasons.values()].reduce((a, b) => a + b, 0);
    return {
      source: SOURCES.retc,
      rowsRead,
      records,
      quarantined,
      ...(outCount ? { outOfScope: { count: outCount, reason: [...outReasons].map(([r, n]) => `${n} ${r}`).join('; ') } } : {}),
    };
  },
};
