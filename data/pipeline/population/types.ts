/** Types of the population module's output (states and population points datasets, build report). */
import type { TextEncodingName } from '../io/read-input.ts';

export type PopulationCountry = 'US' | 'MX';

export interface PopulationSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  license: string;
  asOf: string;
  /** snapshot file name under ../shared/data/population/, when read from a snapshot */
  file?: string;
}

export interface StateRow {
  /** ISO 3166-2, the basemap's `code` property: 'US-CA', 'MX-CMX' */
  code: string;
  country: PopulationCountry;
  nameEn: string;
  nameEs: string;
  /** Census 2020 resident population (US) / INEGI Censo 2020 población total (MX) */
  population: number;
  /** geodesic area (km², 1 decimal) of the basemap polygon (Natural Earth 1:10m, simplified) */
  areaKm2: number;
  /** light-duty battery-electric vehicles registered on 2023-12-31 (AFDC/Experian); null for Mexico or when unavailable */
  bevRegistrations2023: number | null;
  /** ids into PopulationDatasets.sources */
  sources: string[];
}

export interface PopulationPoint {
  /** 'population:US:06037' (state+county FIPS), 'population:MX:19039' (INEGI entidad+municipio) */
  id: string;
  country: PopulationCountry;
  /** ISO 3166-2 state code */
  state: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
  /** true when the point is not the unit's own centre (municipios without a 2015 polygon: parent's centre) */
  approximate: boolean;
}

export interface QuarantinedRow {
  file: string;
  /** 1-based physical line number in the file (header or first preamble line = 1) */
  row: number;
  reason: string;
  /** the raw line, truncated to 500 characters */
  raw: string;
}

export interface SubtotalCheck {
  state: string;
  name: string;
  /** INEGI's own state subtotal row */
  subtotal: number;
  /** sum of the municipio rows of that state that were kept */
  sumOfMunicipios: number;
  municipios: number;
  ok: boolean;
}

export interface PlacedByParent {
  code: string;
  name: string;
  state: string;
  population: number;
  parentCode: string;
  parentName: string;
  lon: number;
  lat: number;
}

export interface CuratedMismatch {
  code: string;
  curated: number | null;
  snapshot: number | null;
}

export interface FileReport {
  file: string;
  /** as read by the shared reader (data/pipeline/io/csv.ts): UTF-8, else windows-1252 */
  encoding: TextEncodingName;
  /** physical lines read, all kinds (preamble, header, data, subtotal, blank, footer) */
  linesRead: number;
  /** data rows (everything after the header that is not blank) */
  rowsRead: number;
  kept: number;
  quarantined: number;
}

export interface PopulationReport {
  /** 'snapshot': built from ../shared/data; 'curated-only': snapshots absent, states from data/curated */
  mode: 'snapshot' | 'curated-only';
  files: FileReport[];
  us: {
    counties: number;
    population: number;
    /** rows of territories outside the atlas (Puerto Rico): read, kept out of the atlas, counted here */
    outsideAtlas: { rows: number; population: number; territories: string[] };
  };
  mx: {
    municipios: number;
    population: number;
    preambleRows: number;
    headerRows: number;
    nationalTotalRow: number | null;
    subtotalRows: number;
    subtotalsChecked: SubtotalCheck[];
    subtotalMismatches: number;
    blankRows: number;
    footerRows: { row: number; text: string }[];
    /** municipios with a 2015 polygon, placed at its centre of mass */
    placedByPolygon: number;
    /** municipios created after 2015 (no 2015 polygon), placed at the parent municipio's centre */
    placedByParent: PlacedByParent[];
    /** polygons of the 2015 cartography with no 2020 census row (should be none) */
    polygonsWithoutCensusRow: string[];
  };
  bev: { rows: number; total: number } | null;
  /** the committed data/curated/state-populations.csv compared with the snapshot sums */
  curated: { file: string; rows: number; mismatches: CuratedMismatch[] };
  quarantined: QuarantinedRow[];
  warnings: string[];
  elapsedMs: number;
}

export interface PopulationDatasets {
  states: StateRow[];
  population: PopulationPoint[];
  sources: PopulationSource[];
  report: PopulationReport;
}
