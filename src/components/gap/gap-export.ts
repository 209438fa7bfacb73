/**
 * The charging gap as files: one spreadsheet-safe CSV (per country and both, per state, the candidate sites and
 * the US ports scenario; every row names R and the filters in force) and a citations text (chargers, population,
 * the NREL ratios, the method). Pure functions; loaded with the first download.
 */
import { POPULATION_DATASET_ID, STATES_DATASET_ID, type AtlasManifest } from '../../data/atlas-format.ts';
import { csvTable, type CellValue } from '../../export/export-data.ts';
import { statsCitations } from '../stats/stats-export.ts';

export const GAP_CSV_COLUMNS = [
  'section',
  'code',
  'label',
  'country',
  'radius_km',
  'people',
  'people_beyond',
  'share_beyond',
  'dcfast_people_beyond',
  'dcfast_share_beyond',
  'rank',
  'lon',
  'lat',
  'newly_covered',
  'bev_2023',
  'dcfast_ports_needed_2030',
  'l2_ports_needed_2030',
  'dcfast_sites_mapped',
  'dcfast_ports_mapped_known',
  'basis',
  'filters',
] as const;
export type GapCsvColumn = (typeof GAP_CSV_COLUMNS)[number];
export type GapCsvRow = Partial<Record<GapCsvColumn, CellValue>>;

export function gapCsv(rows: readonly GapCsvRow[], filters: string): string {
  return csvTable(
    GAP_CSV_COLUMNS,
    rows.map((row) => ({ ...row, filters })),
  );
}

export const NREL_2030_CITATION =
  'Wood, E., Borlaug, B., Moniot, M., et al. (2023). The 2030 National Charging Network: Estimating U.S. Light-Duty Demand for Electric Vehicle Charging Infrastructure. National Renewable Energy Laboratory, NREL/TP-5400-85654. https://www.nrel.gov/docs/fy23osti/85654.pdf';

export function gapCitations(manifest: AtlasManifest | undefined, context: { atlasUrl: string; exportedAt: string; scope: string[]; radiusKm: number }): string {
  const base = statsCitations(manifest, { atlasUrl: context.atlasUrl, exportedAt: context.exportedAt, scope: context.scope, datasets: ['chargers'] });
  const lines = [base.trimEnd(), '', 'Charging gap: population points and method'];
  const ids = new Set([...(manifest?.auxiliary?.[POPULATION_DATASET_ID]?.sourceIds ?? []), ...(manifest?.auxiliary?.[STATES_DATASET_ID]?.sourceIds ?? [])]);
  for (const id of ids) {
    const s = manifest?.sources[id];
    if (s) lines.push(`- ${s.title}. ${s.publisher}. ${s.url}`, `  Licence: ${s.licence}. Data as of: ${s.asOf}. Source id: ${id}.`);
  }
  lines.push(
    `- Ports scenario ratios (about 5.5 public DC fast and 30 public Level 2 ports per 1,000 EVs): ${NREL_2030_CITATION}`,
    '',
    `Method: straight-line (great-circle, Earth radius 6,371 km) distance from each population point (US county population-weighted centre, Census 2020; Mexican municipio centre, INEGI 2020) to the nearest charger passing the filters; people beyond R = ${context.radiusKm} km. Candidate sites: greedy coverage ranking over the population points (the people each pick covers no longer count). Charger layers are partial (Mexico's holds about a tenth of the public sites; DC fast is known only in New York and at Tesla sites in the US), so coverage figures are lower bounds and gaps upper bounds.`,
  );
  return `${lines.join('\n')}\n`;
}
