/**
 * The contract between the build-time data pipeline (data/pipeline) and the app (src/).
 * Types only: both sides import it, neither side owns it alone. Bump ATLAS_FORMAT_VERSION
 * on any incompatible change.
 *
 * Files written by `npm run data` to public/data/ (git-ignored):
 *   manifest.json                 AtlasManifest
 *   <datasetId>.columns.bin       render-critical columns, concatenated typed arrays (4-byte aligned,
 *                                 src/data/column-codec.ts; columns declared in src/data/datasets.ts)
 *   <datasetId>.details-<n>.json  DetailRecord[] in the same row order as the columns, in chunks of
 *                                 consecutive rows (see LayerManifest.files.detailChunks)
 *   flows.json                    FlowRecord[]
 *   quarantine.json               QuarantineEntry[] (every rejected row, with reason)
 *   states.json, population.*     auxiliary datasets (AtlasManifest.auxiliary)
 *   policies.json                 PoliciesFile (auxiliary 'policies': national governance facts)
 */
export const ATLAS_FORMAT_VERSION = 2; // 2: position columns byte-shuffled (ColumnSpec.encoding)

/**
 * Datasets the pipeline writes. A dataset is data; a map layer (src/map/layers/) draws one or more
 * datasets. Point datasets are columns.bin + details chunks; flows is flows.json. Datasets that are
 * not drawn as points (state tables, population points) are listed in AtlasManifest.auxiliary.
 */
export const POINT_DATASET_IDS = ['chargers', 'minerals', 'battery-plants', 'assembly-plants'] as const;
export type PointDatasetId = (typeof POINT_DATASET_IDS)[number];
export const DATASET_IDS = [...POINT_DATASET_IDS, 'flows'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const COUNTRIES = ['US', 'MX'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Column encodings. Categorical columns are uint8 indexes into `categories` (index 0 is always 'unknown').
 *  Bitmask columns are uint16 where bit i means categories[i]. Nullable numbers are float32 with NaN for null. */
export type ColumnType = 'float32' | 'uint8' | 'uint16' | 'uint32';
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** byte offset into <layerId>.columns.bin */
  byteOffset: number;
  /** number of elements (not bytes); positions have 2 per row */
  length: number;
  kind: 'position' | 'number' | 'category' | 'bitmask';
  categories?: string[];
  /**
   * 'byte-shuffle': the column's bytes are stored grouped by byte position (every value's first byte, then every
   * second byte, ...), which gzip compresses much better for coordinates (issue 13: the chargers' positions 369 →
   * 282 KB). Absent: the typed array's bytes as they are.
   */
  encoding?: 'byte-shuffle';
}

/** Every point layer has at least these columns:
 *  position (float32, lon,lat interleaved), country (category: ['unknown','US','MX']),
 *  state (category: ['unknown', ...ISO 3166-2 codes like 'US-CA', 'MX-NLE']),
 *  precision (category: ['unknown','exact','approximate']).
 *  Layer-specific columns:
 *  chargers: level (bitmask ['L1','L2','DC']), network (category), status (category), access (category),
 *            ports (number, total ports), maxPowerKw (number)
 *  minerals: commodities (bitmask of COMMODITIES), status (category of MINERAL_STATUSES)
 *  battery-plants: stage (category of PLANT_STAGES), status (category of FACILITY_STATUSES),
 *                  capacityGwh (number), capexMusd (number)
 *  assembly-plants: vehicleClass (category), ev (category of EV_PRODUCTION), status (category), capexMusd (number)
 *  battery-plants, assembly-plants (additive, issue 15): jobs (number, reported jobs; NaN = not reported)
 */
export const COMMODITIES = ['lithium', 'nickel', 'cobalt', 'graphite', 'manganese', 'copper', 'rare_earths'] as const;
export type Commodity = (typeof COMMODITIES)[number];
export const CHARGER_LEVELS = ['L1', 'L2', 'DC'] as const;
export const CHARGER_STATUSES = ['open', 'planned', 'temporarily_unavailable', 'closed'] as const;
export const CHARGER_ACCESS = ['public', 'private'] as const;
export const MINERAL_STATUSES = ['producing', 'construction', 'evaluation', 'past_producer', 'occurrence', 'disputed'] as const;
export const FACILITY_STATUSES = ['operating', 'under_construction', 'announced', 'cancelled', 'retired', 'disputed', 'paused'] as const;
export const PLANT_STAGES = ['processing', 'cathode', 'anode', 'materials_other', 'cell', 'module_pack', 'recycling', 'lead_acid', 'other'] as const;
export const VEHICLE_CLASSES = ['light', 'heavy', 'both'] as const;
export const EV_PRODUCTION = ['ev_in_production', 'ev_announced', 'no_ev'] as const;
export const FLOW_MATERIALS = [
  'lithium',
  'nickel',
  'cobalt',
  'graphite',
  'manganese',
  'copper',
  'rare_earths',
  'cathode',
  'anode',
  'cells',
  'modules_packs',
  'vehicles',
  'recycled_material',
  'other',
] as const;
export const FLOW_RELATIONS = ['offtake', 'supply_contract', 'same_site', 'ownership_jv'] as const;

export interface SourceRef {
  /** key into AtlasManifest.sources */
  sourceId: string;
  /** the record's id in that source (AFDC station id, CIM unique id, DOI + site id, curated row id...) */
  recordId: string;
  /** optional per-record URL (a DOI, a press release) */
  url?: string;
  /** (additive) the date the record's fact is as of, when it has its own (curated flow rows); else the source's asOf */
  asOf?: string;
}

export interface DetailRecord {
  /** stable atlas id, e.g. "chargers:afdc:12345"; used in URLs, so never reuse for another record */
  id: string;
  name: string;
  country: Country;
  /** ISO 3166-2, e.g. 'US-TX', 'MX-NLE'; null when the point is in no state polygon */
  state: string | null;
  lon: number;
  lat: number;
  precision: 'exact' | 'approximate';
  sources: SourceRef[];
  /** layer-specific attributes, raw values (category ids, numbers, strings, arrays); null or absent = unknown */
  attributes: Record<string, string | number | boolean | string[] | null>;
  /** a curated fact overrode a source field: which field and the citation; (additive) `sourceValue`: the field's value
   *  before the override (the source's, null = unknown), so both stay visible; field `disputed`: value = the reason,
   *  no field is changed */
  overrides?: {
    field: string;
    value: string | number | null;
    sourceUrl: string;
    asOf: string;
    note?: string;
    sourceValue?: string | number | boolean | string[] | null;
  }[];
}

export interface FlowEndpoint {
  name: string;
  lon: number;
  lat: number;
  /** ISO 3166-1 alpha-2; endpoints may be outside US/MX (e.g. a Chilean mine) */
  country: string;
  /** atlas id of the matched facility, when the endpoint is a facility in a point layer */
  facilityId: string | null;
  /** (additive) ISO 3166-2 state of the end (the facility's, else the state polygon holding it); null outside US/MX */
  state?: string | null;
}
export interface FlowRecord {
  id: string;
  from: FlowEndpoint;
  to: FlowEndpoint;
  material: (typeof FLOW_MATERIALS)[number];
  relation: (typeof FLOW_RELATIONS)[number];
  /** year the link was announced or started */
  year: number | null;
  /** annual volume when public, with its unit (e.g. 't LCE', 'GWh', 'vehicles') */
  volume: number | null;
  volumeUnit: string | null;
  crossBorder: boolean;
  description: string;
  sources: SourceRef[];
}

/** The publisher of this project's own curated and derived sources; the interface shows it in its language. */
export const ATLAS_CONTRIBUTORS = 'EV atlas contributors';
/** The `asOf` of a source whose rows each carry their own date (curated facts). */
export const PER_ROW_AS_OF = 'see per-row as_of';

export interface SourceInfo {
  id: string;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  /** ISO date (or YYYY-MM / YYYY) of the data, not of the build */
  asOf: string;
  /** 'snapshot' (../shared/data), 'live' (publisher API), 'curated' (data/curated) */
  origin: 'snapshot' | 'live' | 'curated';
  /** rows read, records kept, rows quarantined */
  rowsRead: number;
  recordsKept: number;
  rowsQuarantined: number;
  /** (additive) rows merged into a record of another row/source (rowsRead = kept + quarantined + merged + outOfScope) */
  rowsMerged?: number;
  /** (additive) valid rows outside the atlas's scope (other fuels, Canadian sites): counted, not quarantined */
  rowsOutOfScope?: number;
  /** sha256 of the input file(s) */
  checksum: string | null;
  /** true when the source was expected but not available in this build */
  missing?: boolean;
  missingReason?: string;
}

export interface CoverageNote {
  /** 'complete': all known records; 'partial': a known subset; 'none': no points for this country */
  level: 'complete' | 'partial' | 'none';
  /** records mapped for this country in this layer */
  mapped: number;
  /** a published reference total, when one exists */
  reference?: { value: number; unit: string; label: string; asOf: string; sourceUrl: string; publisher: string };
  /** message key for the app's translation layer, e.g. 'coverage.chargers.MX' */
  messageKey: string;
}

export interface DetailChunk {
  file: string;
  firstRow: number;
  rowCount: number;
  /** ids of the chunk's first and last records (records are sorted by id, JavaScript string order) */
  firstId: string;
  lastId: string;
}

export interface LayerManifest {
  id: DatasetId;
  count: number;
  countByCountry: Record<Country, number>;
  /** count by ISO 3166-2 state code */
  countByState: Record<string, number>;
  files: {
    columns?: string;
    /** a single details file (small layers, older builds); otherwise see detailChunks */
    details?: string;
    /** details split into chunks of consecutive rows, sorted by id, so one record loads without the rest */
    detailChunks?: DetailChunk[];
    flows?: string;
    bytes: Record<string, number>;
    /** (additive) sha256 (hex) of each file, checked by the app (src/data/integrity.ts); older builds have none */
    sha256?: Record<string, string>;
  };
  columns?: ColumnSpec[];
  sourceIds: string[];
  coverage: Record<Country, CoverageNote>;
  /** (additive) per country, how many records have a known (non-null) value of each main attribute,
   *  e.g. knownAttributes.US.network = 12000 of countByCountry.US: unknown stays unknown, never guessed */
  knownAttributes?: Record<Country, Record<string, number>>;
}

/**
 * One row of the `states` auxiliary dataset (states.json: StateRecord[]): every US state + DC and every
 * Mexican state, with the denominators of the per-capita and per-area measures.
 */
export interface StateRecord {
  /** ISO 3166-2: 'US-CA', 'MX-CMX' */
  code: string;
  country: Country;
  nameEn: string;
  nameEs: string;
  /** Census 2020 / INEGI Censo 2020 total population */
  population: number;
  /** area of the basemap's state polygon (Natural Earth 1:10m, inland water included), km² */
  areaKm2: number;
  /** light-duty battery-electric vehicles registered on 2023-12-31 (AFDC/Experian); null where not published (Mexico) */
  bevRegistrations2023: number | null;
  /** features per point dataset in the state, with no filter (the map recomputes them under filters) */
  counts: Partial<Record<PointDatasetId, number>>;
  /** figures published for the state by others (e.g. Mexican charger counts), shown beside the mapped count, never mixed in */
  published: PublishedFigure[];
  /** keys into AtlasManifest.sources (population, area, registrations, published figures, policies) */
  sourceIds: string[];
  /** (additive, issue 15) the state's curated governance facts (never federal ones: see PoliciesFile), sorted by
   *  policy then id; absent in older builds. A policy with no fact is unknown, never "no". */
  policies?: PolicyFact[];
  /** (additive, issue 15) jobs reported at the state's facilities (battery-plants, assembly-plants): the sum of the
   *  one figure kept per facility (see the facility's `jobs` attribute) and how many facilities report one.
   *  Reported figures only, never estimated; absent in older builds. */
  jobs?: StateJobs;
}

export interface StateJobs {
  reported: number;
  facilities: number;
  byDataset: Partial<Record<PointDatasetId, { reported: number; facilities: number }>>;
}

/** Governance facts (issue 15): data/curated/policies-*.csv, one public source URL and as-of date per fact. */
export const POLICY_KEYS = [
  'zev_rule',
  'clean_fuel_standard',
  'ev_incentive',
  'nevi_apportionment',
  'circulation_exemption',
  'charging_programme',
  'charger_standard',
  'charging_tariff',
  'federal_credit',
  'fuel_standard',
  'other',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];
/** Policies defined for one country only (the build rejects them elsewhere; the map shows the other country as "not applicable"). */
export const POLICY_COUNTRY: Partial<Record<PolicyKey, 'US' | 'MX'>> = { nevi_apportionment: 'US', circulation_exemption: 'MX' };
/** 'none': the source states the jurisdiction has no such policy (no fact at all = unknown) */
export const POLICY_STATUSES = ['in_force', 'adopted', 'proposed', 'suspended', 'repealed', 'expired', 'none'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export interface PolicyFact {
  /** stable curated row id */
  id: string;
  /** ISO 3166-2 state code ('US-CA', 'MX-CMX') or a country ('US', 'MX') for national facts */
  jurisdiction: string;
  policy: PolicyKey;
  /** the policy's value id, e.g. 'acc2', 'lcfs', 'rebate' (data/curated/FORMAT.md lists them per policy) */
  value: string;
  status: PolicyStatus;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null = unknown */
  adopted: string | null;
  effective: string | null;
  ended: string | null;
  /** funds in million USD where published (NEVI apportionment, programme funds) */
  amountMusd: number | null;
  /** the fact in the source's words (free text, shown as text) */
  detail: string;
  sourceUrl: string;
  /** YYYY-MM-DD or YYYY-MM: when the source stated it */
  asOf: string;
  notes: string | null;
}

/** The `policies` auxiliary dataset (policies.json): national (federal) facts of both countries; state facts are in states.json. */
export const POLICIES_DATASET_ID = 'policies';
export interface PoliciesFile {
  national: PolicyFact[];
}
/** Detail attributes of a facility with reported jobs (battery-plants, assembly-plants; issue 15):
 *  jobs (number, the one figure kept), jobsKind ('employed' | 'announced'), jobsYear (number | null),
 *  jobsSourceUrl (a URL, or the source id when the figure comes from a snapshot), and jobsOther (string[]:
 *  the other figures found for the facility, as "<jobs> <kind> <year|-> <source>": see jobs-figure.ts). The column `jobs` is NaN when not reported. */
export const JOBS_KINDS = ['employed', 'announced'] as const;
export type JobsKind = (typeof JOBS_KINDS)[number];

export interface PublishedFigure {
  dataset: PointDatasetId;
  value: number;
  /** the unit as published, e.g. 'charging stations' */
  unit: string;
  /** YYYY-MM or YYYY-MM-DD */
  asOf: string;
  publisher: string;
  sourceUrl: string;
  /** the figure as quoted by the source */
  quote: string;
  /** reliability or ambiguity of the figure, when known */
  note: string | null;
}

/**
 * The `population` auxiliary dataset: population points (US county population-weighted centres, Mexican
 * municipio centres) as population.columns.bin with columns position, country, state, population (number),
 * precision ('approximate' for municipios created after 2015, placed at their parent's centre), plus
 * population.details.json: { id, name }[] in the same row order.
 */
export const POPULATION_DATASET_ID = 'population';
export const STATES_DATASET_ID = 'states';

export interface AuxiliaryDatasetManifest {
  id: string;
  /** 'table': one JSON file of rows; 'points': columns.bin (+ optional JSON details) like a point dataset */
  kind: 'table' | 'points';
  count: number;
  files: { data?: string; columns?: string; bytes: Record<string, number>; /** (additive) sha256 (hex) of each file */ sha256?: Record<string, string> };
  columns?: ColumnSpec[];
  sourceIds: string[];
  /** datasets this one was computed from (e.g. states ← chargers, minerals, population) */
  derivedFrom?: string[];
}

export interface AtlasManifest {
  formatVersion: number;
  generatedAt: string;
  /** 'snapshot' | 'live' | 'curated-only' */
  mode: string;
  /** the pipeline's main datasets (the key is historical: it names datasets, not map layers) */
  layers: Record<DatasetId, LayerManifest>;
  /** (additive) auxiliary and derived datasets: tables and points that no point layer draws as is
   *  (state figures, population points); map layers such as choropleths read them */
  auxiliary?: Record<string, AuxiliaryDatasetManifest>;
  sources: Record<string, SourceInfo>;
  quarantine: { total: number; bySource: Record<string, number>; file: string };
  /** human-readable problems the app must show (missing snapshot folder, missing source...) */
  warnings: { code: string; message: string; sourceId?: string }[];
}

export interface QuarantineEntry {
  sourceId: string;
  /** 1-based row/line number in the input (header = row 1), or the record index for JSON */
  row: number;
  recordId: string | null;
  reason: string;
  /** the raw row, truncated to 500 characters */
  raw: string;
}
