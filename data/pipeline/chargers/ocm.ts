/** Open Charge Map POIs (API JSON format, compact or verbose), with the OCM reference tables to
 *  name ids that `compact=true` leaves out. Licence: CC BY-SA 4.0, © Open Charge Map contributors. */
import { z } from 'zod';
import type { AdapterResult, CandidateRecord, SourceAdapter } from '../adapter-types.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import { decodeText, truncateRawJson } from '../io/json.ts';

export const OCM_MX_ID = 'ocm-mx-2019';
export const OCM_LIVE_MX_ID = 'ocm-mx-live';
export const OCM_LIVE_US_ID = 'ocm-us-live';
export const OCM_POIS_FILE = 'chargers/ocm/mx-pois-2018-2019.json';
export const OCM_REF_FILE = 'chargers/ocm/reference-2021-08.json.gz';
export const OCM_LICENCE = 'CC BY-SA 4.0 (© Open Charge Map contributors)';

const idTitle = z.object({ ID: z.number(), Title: z.string() }).passthrough();
const refSchema = z.object({
  ChargerTypes: z.array(idTitle),
  ConnectionTypes: z.array(idTitle),
  Countries: z.array(idTitle.extend({ ISOCode: z.string() })),
  DataProviders: z.array(idTitle.extend({ License: z.string().nullable().optional() })),
  Operators: z.array(idTitle),
  StatusTypes: z.array(idTitle.extend({ IsOperational: z.boolean().nullable().optional() })),
  UsageTypes: z.array(idTitle),
});
export type OcmReference = z.infer<typeof refSchema>;

const connSchema = z
  .object({
    ConnectionTypeID: z.number().nullable().optional(),
    ConnectionType: idTitle.nullable().optional(),
    LevelID: z.number().nullable().optional(),
    PowerKW: z.number().nullable().optional(),
    Quantity: z.number().nullable().optional(),
    StatusTypeID: z.number().nullable().optional(),
  })
  .passthrough();
const poiSchema = z
  .object({
    ID: z.number(),
    UUID: z.string().optional(),
    DataProviderID: z.number().nullable().optional(),
    OperatorID: z.number().nullable().optional(),
    OperatorInfo: idTitle.nullable().optional(),
    UsageTypeID: z.number().nullable().optional(),
    UsageType: idTitle.nullable().optional(),
    StatusTypeID: z.number().nullable().optional(),
    StatusType: idTitle.nullable().optional(),
    NumberOfPoints: z.number().nullable().optional(),
    DateCreated: z.string().nullable().optional(),
    AddressInfo: z
      .object({
        Title: z.string().nullable().optional(),
        Postcode: z.string().nullable().optional(),
        StateOrProvince: z.string().nullable().optional(),
        CountryID: z.number().nullable().optional(),
        Country: z.object({ ISOCode: z.string() }).passthrough().nullable().optional(),
        Latitude: z.number().nullable(),
        Longitude: z.number().nullable(),
      })
      .passthrough(),
    Connections: z.array(connSchema).nullable().optional(),
  })
  .passthrough();

export function parseOcmReference(buf: Buffer): OcmReference {
  const json: unknown = JSON.parse(decodeText(buf, 'ocm-reference').text);
  const r = refSchema.safeParse(json);
  if (!r.success)
    throw new SchemaDriftError(
      'ocm-reference',
      `OCM reference data: ${r.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return r.data;
}

function ocmStatus(title: string | undefined, operational: boolean | null | undefined, id: number | null | undefined): string | null {
  if (id === 150) return 'planned';
  if (id === 30 || id === 75) return 'temporarily_unavailable';
  if (id === 100 || id === 200 || id === 210) return 'closed';
  if (operational === true || id === 50 || id === 10 || id === 20) return 'open';
  void title;
  return null;
}

export interface OcmParseOptions {
  sourceId: string;
  title: string;
  asOf: string;
  origin: 'snapshot' | 'live';
}

export function parseOcm(poisBuf: Buffer, ref: OcmReference, o: OcmParseOptions): AdapterResult {
  const dec = decodeText(poisBuf, o.sourceId);
  let json: unknown;
  try {
    json = JSON.parse(dec.text);
  } catch (e) {
    throw new SchemaDriftError(o.sourceId, `not valid JSON (truncated download?): ${(e as Error).message}`);
  }
  if (!Array.isArray(json)) throw new SchemaDriftError(o.sourceId, 'expected a JSON array of POIs');
  const byId = <T extends { ID: number }>(xs: T[]) => new Map(xs.map((x) => [x.ID, x]));
  const countries = byId(ref.Countries),
    operators = byId(ref.Operators),
    usage = byId(ref.UsageTypes);
  const statuses = byId(ref.StatusTypes),
    conns = byId(ref.ConnectionTypes),
    providers = byId(ref.DataProviders);
  // schema drift: the first records must have the fields we map
  const probe = json
    .slice(0, 20)
    .map((x) => poiSchema.safeParse(x))
    .filter((r) => !r.success);
  if (json.length > 0 && probe.length === Math.min(20, json.length)) {
    const iss = probe[0]!
      .error!.issues.slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new SchemaDriftError(o.sourceId, `POI records do not match the OCM format: ${iss}`);
  }
  const records: CandidateRecord[] = [];
  const rowRefs: number[] = [];
  const quarantined: AdapterResult['quarantined'] = [];
  const providerLicences = new Set<string>();
  json.forEach((item, i) => {
    const p = poiSchema.safeParse(item);
    if (!p.success) {
      quarantined.push({
        sourceId: o.sourceId,
        row: i + 1,
        recordId: (item as { ID?: unknown })?.ID != null ? String((item as { ID: unknown }).ID) : null,
        reason: `invalid OCM record: ${p.error.issues
          .slice(0, 3)
          .map((x) => `${x.path.join('.')}: ${x.message}`)
          .join('; ')}`,
        raw: truncateRawJson(item),
      });
      return;
    }
    const poi = p.data;
    const a = poi.AddressInfo;
    const country = a.Country?.ISOCode ?? (a.CountryID != null ? countries.get(a.CountryID)?.ISOCode : undefined) ?? null;
    const levels = new Set<string>();
    let ports = 0,
      anyQty = false,
      l1 = 0,
      l2 = 0,
      dc = 0,
      maxKw: number | null = null;
    const connectors = new Set<string>();
    for (const c of poi.Connections ?? []) {
      const kw = c.PowerKW ?? null;
      let lv: string | null = c.LevelID === 1 ? 'L1' : c.LevelID === 2 ? 'L2' : c.LevelID === 3 ? 'DC' : null;
      if (kw !== null && kw >= 40) lv = 'DC';
      if (lv) levels.add(lv);
      const q = c.Quantity ?? null;
      if (q !== null) {
        anyQty = true;
        ports += q;
        if (lv === 'L1') l1 += q;
        else if (lv === 'L2') l2 += q;
        else if (lv === 'DC') dc += q;
      }
      if (kw !== null && kw > 0) maxKw = Math.max(maxKw ?? 0, kw);
      const ct = c.ConnectionType?.Title ?? (c.ConnectionTypeID != null ? conns.get(c.ConnectionTypeID)?.Title : undefined);
      if (ct) connectors.add(ct);
    }
    const op = poi.OperatorInfo?.Title ?? (poi.OperatorID != null ? operators.get(poi.OperatorID)?.Title : undefined) ?? null;
    const network = op && !op.startsWith('(') ? op : null; // '(Unknown Operator)', '(Business Owner at Location)'
    const ut = poi.UsageType?.Title ?? (poi.UsageTypeID != null ? usage.get(poi.UsageTypeID)?.Title : undefined) ?? '';
    const access = /^public/i.test(ut) ? 'public' : /^priv/i.test(ut) ? 'private' : null;
    const st = poi.StatusTypeID != null ? statuses.get(poi.StatusTypeID) : undefined;
    const provider = poi.DataProviderID != null ? providers.get(poi.DataProviderID) : undefined;
    if (provider?.License) providerLicences.add(`${provider.Title}: ${provider.License}`);
    const portsTotal = anyQty ? ports : (poi.NumberOfPoints ?? null);
    records.push({
      layer: 'chargers',
      sourceRecordId: String(poi.ID),
      name: a.Title ?? `OCM ${poi.ID}`,
      lat: a.Latitude ?? NaN,
      lon: a.Longitude ?? NaN,
      statedCountry: country,
      statedState: a.StateOrProvince ?? null,
      precision: 'exact',
      attributes: {
        level: levels.size ? (['L1', 'L2', 'DC'] as const).filter((l) => levels.has(l)) : null,
        network,
        status: ocmStatus(st?.Title, st?.IsOperational, poi.StatusTypeID),
        access,
        ports: portsTotal,
        portsL1: anyQty && levels.has('L1') ? l1 : null,
        portsL2: anyQty && levels.has('L2') ? l2 : null,
        portsDC: anyQty && levels.has('DC') ? dc : null,
        maxPowerKw: maxKw,
        connectors: connectors.size ? [...connectors].sort() : null,
        openDate: poi.DateCreated ? poi.DateCreated.slice(0, 10) : null,
        facilityType: null,
        zip: a.Postcode ?? null,
        dataProvider: provider?.Title ?? null,
      },
    });
    rowRefs.push(i + 1);
  });
  const licence = providerLicences.size ? `${OCM_LICENCE}; data providers: ${[...providerLicences].join(' | ')}` : OCM_LICENCE;
  return {
    source: { id: o.sourceId, title: o.title, publisher: 'Open Charge Map', url: 'https://openchargemap.org/', licence, asOf: o.asOf, origin: o.origin },
    rowsRead: json.length,
    records,
    quarantined,
    warnings: dec.warning ? [dec.warning] : [],
    rowRefs,
  };
}

export const ocmMxAdapter: SourceAdapter = {
  sourceId: OCM_MX_ID,
  origin: 'snapshot',
  inputs: [OCM_POIS_FILE, OCM_REF_FILE],
  parse: (files) =>
    parseOcm(files[OCM_POIS_FILE]!, parseOcmReference(files[OCM_REF_FILE]!), {
      sourceId: OCM_MX_ID,
      title: 'Open Charge Map POIs in Mexico (100-record sample, created 2018-02 to 2019-07)',
      asOf: '2019-07',
      origin: 'snapshot',
    }),
};
