/**
 * What the pipeline writes, declared once: value domains and the columns of every dataset.
 * The pipeline's column writer, the app's filters, the URL codec, the legend, tooltips, details and
 * export all read these declarations. Pure data: imported by the pipeline (Node) and the app alike.
 *
 * A domain is a closed list of category ids; its id is also the namespace of its labels in the
 * categories catalog (`categories.<domain>.<value>`, src/i18n/catalog-categories.ts).
 */
import {
  CHARGER_ACCESS,
  CHARGER_LEVELS,
  CHARGER_STATUSES,
  COMMODITIES,
  EV_PRODUCTION,
  FACILITY_STATUSES,
  FLOW_MATERIALS,
  FLOW_RELATIONS,
  MINERAL_STATUSES,
  PLANT_STAGES,
  VEHICLE_CLASSES,
  type PointDatasetId,
} from './atlas-format.ts';

/**
 * Source attributes with a few values, kept as the sources publish them (detail attributes, not columns): their ids
 * are those values, so the details label them through the categories catalog and show any other value as written.
 */
const SOURCE_VALUE_DOMAINS = {
  investmentRange: ['Less than 10M', '10M - 100M', '100M - 1B', 'Over 1 Billion', 'Not Specified'],
  investmentTimeline: ['Pre-Inflation Reduction Act', 'Post-Inflation Reduction Act'],
  supplySegment: ['Upstream', 'Midstream-BGM', 'Midstream-Cell', 'Downstream'],
  siteType: ['Mine', 'Mines', 'Mine?', 'Producer', 'Past Producer', 'Prospect', 'Prospects', 'Occurrence', 'Occurrences'],
} as const;

export const DOMAINS = {
  chargerLevel: CHARGER_LEVELS,
  chargerStatus: CHARGER_STATUSES,
  chargerAccess: CHARGER_ACCESS,
  commodity: COMMODITIES,
  mineralStatus: MINERAL_STATUSES,
  facilityStatus: FACILITY_STATUSES,
  plantStage: PLANT_STAGES,
  vehicleClass: VEHICLE_CLASSES,
  ev: EV_PRODUCTION,
  flowMaterial: FLOW_MATERIALS,
  flowRelation: FLOW_RELATIONS,
  precision: ['exact', 'approximate'],
  ...SOURCE_VALUE_DOMAINS,
} as const satisfies Record<string, readonly string[]>;
export type DomainId = keyof typeof DOMAINS;

/**
 * One column of a point dataset's columns.bin, read from the record attribute of the same name.
 * - category: uint8 index into ['unknown', ...domain] (or, for an open column, into the categories
 *   the pipeline found: the `topN` most frequent values, then 'other');
 * - bitmask: uint16, bit i = domain[i] (a record attribute holding a list);
 * - number: float32, NaN when unknown.
 * `exportAs` is the column's name in CSV/GeoJSON exports (snake_case).
 */
export type ColumnDecl =
  | { name: string; kind: 'category'; domain: DomainId; exportAs: string }
  | { name: string; kind: 'category'; open: { topN: number }; exportAs: string }
  | { name: string; kind: 'bitmask'; domain: DomainId; exportAs: string }
  | { name: string; kind: 'number'; exportAs: string };

export interface PointDatasetDecl {
  id: PointDatasetId;
  /** layer-specific columns; every point dataset also has BASE_COLUMNS */
  columns: readonly ColumnDecl[];
  /** attributes exported but not in columns.bin (free text, lists), record attribute → CSV column */
  exportOnly?: readonly { attribute: string; exportAs: string }[];
  /** attributes shown in details whose values belong to a domain but are not columns */
  attributeDomains?: Readonly<Record<string, DomainId>>;
}

export const POINT_DATASETS: Record<PointDatasetId, PointDatasetDecl> = {
  chargers: {
    id: 'chargers',
    columns: [
      { name: 'level', kind: 'bitmask', domain: 'chargerLevel', exportAs: 'level' },
      { name: 'network', kind: 'category', open: { topN: 15 }, exportAs: 'network' },
      { name: 'status', kind: 'category', domain: 'chargerStatus', exportAs: 'status' },
      { name: 'access', kind: 'category', domain: 'chargerAccess', exportAs: 'access' },
      { name: 'ports', kind: 'number', exportAs: 'ports' },
      { name: 'maxPowerKw', kind: 'number', exportAs: 'max_power_kw' },
    ],
    exportOnly: [{ attribute: 'connectors', exportAs: 'connectors' }],
  },
  minerals: {
    id: 'minerals',
    columns: [
      { name: 'commodities', kind: 'bitmask', domain: 'commodity', exportAs: 'commodities' },
      { name: 'status', kind: 'category', domain: 'mineralStatus', exportAs: 'status' },
    ],
    attributeDomains: { otherCommodities: 'commodity', siteType: 'siteType' },
  },
  'battery-plants': {
    id: 'battery-plants',
    columns: [
      { name: 'stage', kind: 'category', domain: 'plantStage', exportAs: 'stage' },
      { name: 'status', kind: 'category', domain: 'facilityStatus', exportAs: 'status' },
      { name: 'capacityGwh', kind: 'number', exportAs: 'capacity_gwh' },
      { name: 'capexMusd', kind: 'number', exportAs: 'capex_musd' },
      { name: 'jobs', kind: 'number', exportAs: 'jobs' },
    ],
    attributeDomains: { investmentRange: 'investmentRange', timeline: 'investmentTimeline', segment: 'supplySegment' },
  },
  'assembly-plants': {
    id: 'assembly-plants',
    columns: [
      { name: 'vehicleClass', kind: 'category', domain: 'vehicleClass', exportAs: 'vehicle_class' },
      { name: 'ev', kind: 'category', domain: 'ev', exportAs: 'ev' },
      { name: 'status', kind: 'category', domain: 'facilityStatus', exportAs: 'status' },
      { name: 'capexMusd', kind: 'number', exportAs: 'capex_musd' },
      { name: 'jobs', kind: 'number', exportAs: 'jobs' },
    ],
    attributeDomains: { investmentRange: 'investmentRange', timeline: 'investmentTimeline' },
  },
};

/** Fields of a flow record that carry a domain (flows.json is JSON, not columns). */
export const FLOW_FIELD_DOMAINS = { material: 'flowMaterial', relation: 'flowRelation' } as const satisfies Record<string, DomainId>;

/** The declared column `name` of a point dataset, or undefined. */
export function columnDecl(dataset: PointDatasetId, name: string): ColumnDecl | undefined {
  return POINT_DATASETS[dataset].columns.find((column) => column.name === name);
}

/** The label namespace of a record attribute of a dataset (its domain), or null for free values. */
export function attributeDomain(dataset: string, attribute: string): DomainId | null {
  if (attribute === 'precision') return 'precision';
  if (attribute in FLOW_FIELD_DOMAINS) return FLOW_FIELD_DOMAINS[attribute as keyof typeof FLOW_FIELD_DOMAINS];
  const decl = POINT_DATASETS[dataset as PointDatasetId];
  if (!decl) return null;
  const column = decl.columns.find((c) => c.name === attribute);
  if (column && 'domain' in column) return column.domain;
  return decl.attributeDomains?.[attribute] ?? null;
}

/** Category list written for a closed category column: 'unknown' first, then the domain. */
export function categoriesOf(domain: DomainId): string[] {
  return ['unknown', ...DOMAINS[domain]];
}
