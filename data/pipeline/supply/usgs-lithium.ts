/** USGS "Lithium deposits in the United States" (2019, doi 10.5066/P9ZKRWQF): one record per site. */
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import type { QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { SOURCES } from './sources.ts';
import { REF_URL, clean, num, orNull, q, readTable } from './util.ts';

const DIR = 'supply/usgs-lithium-us-2019';
export const USGS_LI_SITE = `${DIR}/Site.csv`;
export const USGS_LI_PT = `${DIR}/Loc_Pt.csv`;
export const USGS_LI_MODEL = `${DIR}/Dep_Model.csv`;
const DOI = 'https://doi.org/10.5066/P9ZKRWQF';

export const usgsLithiumAdapter: SourceAdapter = {
  sourceId: SOURCES.usgsLithium.id,
  origin: 'snapshot',
  inputs: [USGS_LI_SITE, USGS_LI_PT, USGS_LI_MODEL],
  optionalInputs: [USGS_LI_PT, USGS_LI_MODEL],
  parse(files): AdapterResult {
    const sid = SOURCES.usgsLithium.id;
    const site = files[USGS_LI_SITE];
    if (!site) throw new SchemaDriftError(sid, `input ${USGS_LI_SITE} not provided`);
    const sites = readTable(sid, site, ['Site_ID *', 'Site_Name', 'Commodity', 'Approx_Lon', 'Approx_Lat'], { nullToken: '<Null>', label: `${sid} (${USGS_LI_SITE})` });
    // state per site from the feature points; deposit model per site (both optional)
    const stateOf = new Map<string, string>();
    const ptBuf = files[USGS_LI_PT];
    if (ptBuf) {
      const pts = readTable(sid, ptBuf, ['Site_ID *', 'State'], { nullToken: '<Null>', label: `${sid} (${USGS_LI_PT})` });
      for (const p of pts.rows) {
        const s = clean(p.data['Site_ID *']);
        const st = clean(p.data.State);
        if (s && st && !stateOf.has(s)) stateOf.set(s, st);
      }
    }
    const modelOf = new Map<string, string>();
    const mBuf = files[USGS_LI_MODEL];
    if (mBuf) {
      const models = readTable(sid, mBuf, ['Site_ID *', 'DpMd_NoNm'], { nullToken: '<Null>', label: `${sid} (${USGS_LI_MODEL})` });
      for (const m of models.rows) {
        const s = clean(m.data['Site_ID *']);
        const v = clean(m.data.DpMd_NoNm);
        if (s && v && !modelOf.has(s)) modelOf.set(s, v);
      }
    }
    const quarantined: QuarantineEntry[] = [...sites.malformed];
    const records: CandidateRecord[] = [];
    for (const { row, data, raw } of sites.rows) {
      const id = clean(data['Site_ID *']);
      if (!id) {
        quarantined.push(q(sid, row, null, 'missing Site_ID', raw));
        continue;
      }
      const lat = num(data.Approx_Lat);
      const lon = num(data.Approx_Lon);
      if (lat === null || lon === null) {
        quarantined.push(q(sid, row, id, 'missing Approx_Lat/Approx_Lon', raw));
        continue;
      }
      records.push({
        layer: 'minerals',
        sourceRecordId: id,
        name: clean(data.Site_Name),
        lon,
        lat,
        statedCountry: 'US',
        statedState: stateOf.get(id) ?? null,
        precision: 'approximate', // the site's approximate point (Approx_Lat/Approx_Lon)
        attributes: {
          commodities: ['lithium'],
          status: null,
          depositType: modelOf.get(id) ?? null,
          resourceKtLi: null,
          doi: DOI,
          otherCommodities: orNull(data.Commodity),
          [REF_URL]: DOI,
        },
      });
    }
    return { source: SOURCES.usgsLithium, rowsRead: sites.rows.length + sites.malformed.length, records, quarantined };
  },
};
