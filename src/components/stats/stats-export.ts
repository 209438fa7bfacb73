/**
 * The statistics as files: one spreadsheet-safe CSV (the state table of every point layer and the
 * counts of every chart, each row naming the filters in force) and a citations text (the sources of
 * the layers and of the states dataset). Pure functions; loaded with the first download.
 */
import { STATES_DATASET_ID, type AtlasManifest, type DatasetId } from '../../data/atlas-format.ts';
import { csvTable, type CellValue } from '../../export/export-data.ts';

export const STATS_CSV_COLUMNS = [
  'section',
  'layer',
  'chart',
  'code',
  'label',
  'country',
  'count',
  'population',
  'per_100k',
  'per_10k_km2',
  'bev_per_charger',
  'published',
  'coverage',
  'filters',
] as const;
export type StatsCsvColumn = (typeof STATS_CSV_COLUMNS)[number];
export type StatsCsvRow = Partial<Record<StatsCsvColumn, CellValue>>;

/** CSV with a header row, CRLF line ends and a UTF-8 byte-order mark; text cells neutralised against formulas (csvCell). */
export function statsCsv(rows: readonly StatsCsvRow[], filters: string): string {
  return csvTable(
    STATS_CSV_COLUMNS,
    rows.map((row) => ({ ...row, filters })),
  );
}

export interface StatsCitationContext {
  atlasUrl: string;
  exportedAt: string;
  /** the filters in force, one line each */
  scope: string[];
  /** the datasets whose figures the statistics hold */
  datasets: readonly DatasetId[];
}

/** Every source behind the statistics (the layers' and the states dataset's), with what it was used for. */
export function statsCitations(manifest: AtlasManifest | undefined, context: StatsCitationContext): string {
  const usedFor = new Map<string, string[]>();
  const addUse = (id: string, what: string) => usedFor.set(id, [...(usedFor.get(id) ?? []), what]);
  for (const dataset of context.datasets) for (const id of manifest?.layers[dataset]?.sourceIds ?? []) addUse(id, dataset);
  const states = manifest?.auxiliary?.[STATES_DATASET_ID];
  for (const id of states?.sourceIds ?? []) addUse(id, 'state figures (population, area, registrations, published figures)');
  const lines = [
    'US–Mexico Transport Electrification Atlas — statistics citations',
    '',
    `Exported: ${context.exportedAt}`,
    `Atlas link (opens the same map, filters and panel): ${context.atlasUrl}`,
    `Data build: ${manifest?.generatedAt ?? 'unknown'} (${manifest?.mode ?? 'unknown'} mode)`,
    ...context.scope.map((line) => `Scope: ${line}`),
    '',
    'Sources used (cite each):',
  ];
  for (const [id, what] of usedFor) {
    const s = manifest?.sources[id];
    if (!s) {
      lines.push(`- ${id} (not described in the manifest) — used for: ${what.join(', ')}`);
      continue;
    }
    lines.push(`- ${s.title}. ${s.publisher}. ${s.url}`, `  Licence: ${s.licence}. Data as of: ${s.asOf}. Used for: ${what.join(', ')}. Source id: ${id}.`);
  }
  if (usedFor.size === 0) lines.push('- (no source described in this data build)');
  const partial: string[] = [];
  for (const dataset of context.datasets) {
    const coverage = manifest?.layers[dataset]?.coverage;
    for (const [country, note] of Object.entries(coverage ?? {})) {
      if (note.level === 'complete') continue;
      const reference = note.reference ? `; ${note.reference.publisher} counted ${note.reference.value} ${note.reference.unit} (${note.reference.asOf})` : '';
      partial.push(`- ${dataset} in ${country}: ${note.level}, ${note.mapped} mapped${reference}`);
    }
  }
  if (partial.length) lines.push('', 'Coverage (counts in partial layers are lower bounds, not low values):', ...partial);
  lines.push(
    '',
    'Counts are of the features that pass the filters above. A feature with several values of a multi-valued attribute (charging levels, commodities) counts once per value.',
    '"unknown" counts records without the value; it is not zero. Published figures are shown beside the mapped counts, never added to them.',
    'Per 100,000 people: Census 2020 and INEGI Censo 2020 population. Per 10,000 km²: area of the basemap state polygon. Battery EVs per charger: 2023 registrations (BEV only), US states only.',
  );
  return `${lines.join('\r\n')}\r\n`;
}
