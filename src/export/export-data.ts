/**
 * "Export what I see": the features that pass the current filters in the visible layers, as CSV
 * (spreadsheet-safe), GeoJSON, and a citations text listing every source used. Pure functions.
 */
import { POINT_DATASET_IDS, type AtlasManifest, type DatasetId, type DetailRecord, type FlowRecord, type PointDatasetId, type SourceRef } from '../data/atlas-format.ts';
import { POINT_DATASETS } from '../data/datasets.ts';

export type CellValue = string | number | boolean | null;

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface ExportRow {
  id: string;
  name: string;
  layer: DatasetId;
  country: string;
  state: string | null;
  lon: number;
  lat: number;
  precision: string;
  /** the layer's main attributes, by CSV column name */
  attributes: Record<string, CellValue>;
  sources: SourceRef[];
  /** flows only: the other end, for a LineString */
  to?: { lon: number; lat: number };
}

/** Main attributes of a point dataset: [CSV column, attribute key], from its declared columns and export-only attributes. */
export function exportAttributes(dataset: PointDatasetId): [string, string][] {
  const decl = POINT_DATASETS[dataset];
  return [...decl.columns.map((c): [string, string] => [c.exportAs, c.name]), ...(decl.exportOnly ?? []).map((a): [string, string] => [a.exportAs, a.attribute])];
}
const FLOW_COLUMNS = ['material', 'relation', 'year', 'volume', 'volume_unit', 'from_name', 'to_name', 'to_country', 'to_lon', 'to_lat', 'description'] as const;

function cellOf(value: DetailRecord['attributes'][string] | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join('; ');
  return value;
}

export function inBounds(lon: number, lat: number, bounds: Bounds | null | undefined): boolean {
  if (!bounds) return true;
  if (lat < bounds.south || lat > bounds.north) return false;
  return bounds.west <= bounds.east ? lon >= bounds.west && lon <= bounds.east : lon >= bounds.west || lon <= bounds.east;
}

/** Rows of a point layer whose mask byte is 1 (details are in the same row order as the columns). */
export function pointRows(layer: PointDatasetId, details: readonly DetailRecord[], mask: Uint8Array, bounds?: Bounds | null): ExportRow[] {
  const rows: ExportRow[] = [];
  const n = Math.min(details.length, mask.length);
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 1) continue;
    const r = details[i]!;
    if (!inBounds(r.lon, r.lat, bounds)) continue;
    const attributes: Record<string, CellValue> = {};
    for (const [column, key] of exportAttributes(layer)) attributes[column] = cellOf(r.attributes?.[key]);
    rows.push({
      id: r.id,
      name: r.name,
      layer,
      country: r.country,
      state: r.state,
      lon: r.lon,
      lat: r.lat,
      precision: r.precision,
      attributes,
      sources: r.sources ?? [],
    });
  }
  return rows;
}

export function flowRows(flows: readonly FlowRecord[], mask: Uint8Array, bounds?: Bounds | null): ExportRow[] {
  const rows: ExportRow[] = [];
  flows.forEach((f, i) => {
    if (mask[i] !== 1) return;
    if (!inBounds(f.from.lon, f.from.lat, bounds) && !inBounds(f.to.lon, f.to.lat, bounds)) return;
    rows.push({
      id: f.id,
      name: `${f.from.name} → ${f.to.name}`,
      layer: 'flows',
      country: f.from.country,
      state: null,
      lon: f.from.lon,
      lat: f.from.lat,
      precision: 'exact',
      attributes: {
        material: f.material,
        relation: f.relation,
        year: f.year,
        volume: f.volume,
        volume_unit: f.volumeUnit,
        from_name: f.from.name,
        to_name: f.to.name,
        to_country: f.to.country,
        to_lon: f.to.lon,
        to_lat: f.to.lat,
        description: f.description,
      },
      sources: f.sources ?? [],
      to: { lon: f.to.lon, lat: f.to.lat },
    });
  });
  return rows;
}

/**
 * One CSV cell: text that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; then quoted when it holds a comma, quote or line break.
 * Numbers we produce are written as numbers (a negative longitude stays a number).
 */
export function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

function sourceColumns(row: ExportRow, manifest: AtlasManifest | undefined): Record<string, string> {
  const infos = row.sources.map((ref) => manifest?.sources[ref.sourceId]);
  return {
    source_names: infos.map((info, i) => info?.title ?? row.sources[i]!.sourceId).join(' | '),
    source_record_ids: row.sources.map((ref) => `${ref.sourceId}:${ref.recordId}`).join(' | '),
    source_urls: row.sources.map((ref, i) => ref.url ?? infos[i]?.url ?? '').join(' | '),
    licences: [...new Set(infos.map((info) => info?.licence ?? ''))].filter(Boolean).join(' | '),
    as_of: row.sources.map((_, i) => infos[i]?.asOf ?? '').join(' | '),
  };
}

export function csvColumns(rows: readonly ExportRow[]): string[] {
  const layers = new Set(rows.map((r) => r.layer));
  const attributeColumns: string[] = [];
  const add = (column: string) => {
    if (!attributeColumns.includes(column)) attributeColumns.push(column);
  };
  for (const layer of POINT_DATASET_IDS) {
    if (layers.has(layer)) exportAttributes(layer).forEach(([column]) => add(column));
  }
  if (layers.has('flows')) FLOW_COLUMNS.forEach(add);
  return [
    'id',
    'name',
    'layer',
    'country',
    'state',
    'lon',
    'lat',
    'precision',
    ...attributeColumns,
    'source_names',
    'source_record_ids',
    'source_urls',
    'licences',
    'as_of',
  ];
}

/** CSV with a header row, CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read accents). */
/** CSV with a header row, CRLF line ends and a UTF-8 byte-order mark; cells neutralised against formulas (csvCell). */
export function csvTable<C extends string>(columns: readonly C[], rows: Iterable<Partial<Record<C, CellValue>>>): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toCsv(rows: readonly ExportRow[], manifest: AtlasManifest | undefined): string {
  return csvTable(
    csvColumns(rows),
    rows.map((row): Record<string, CellValue> => ({
      id: row.id,
      name: row.name,
      layer: row.layer,
      country: row.country,
      state: row.state,
      lon: row.lon,
      lat: row.lat,
      precision: row.precision,
      ...row.attributes,
      ...sourceColumns(row, manifest),
    })),
  );
}

export interface ExportContext {
  manifest: AtlasManifest | undefined;
  /** the atlas link that reproduces the map (location.href) */
  atlasUrl: string;
  exportedAt: string;
  /** human-readable scope lines (filters, bounds) */
  scope: string[];
}

export function usedSourceIds(rows: readonly ExportRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const id of new Set(row.sources.map((s) => s.sourceId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function toGeoJson(rows: readonly ExportRow[], context: ExportContext): string {
  const sourceCounts = usedSourceIds(rows);
  const collection = {
    type: 'FeatureCollection',
    metadata: {
      title: 'US–Mexico Transport Electrification Atlas: export',
      atlasUrl: context.atlasUrl,
      exportedAt: context.exportedAt,
      dataGeneratedAt: context.manifest?.generatedAt ?? null,
      scope: context.scope,
      sources: [...sourceCounts].map(([id, count]) => {
        const s = context.manifest?.sources[id];
        return { id, title: s?.title ?? id, publisher: s?.publisher ?? null, url: s?.url ?? null, licence: s?.licence ?? null, asOf: s?.asOf ?? null, features: count };
      }),
    },
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      geometry: row.to
        ? {
            type: 'LineString',
            coordinates: [
              [row.lon, row.lat],
              [row.to.lon, row.to.lat],
            ],
          }
        : { type: 'Point', coordinates: [row.lon, row.lat] },
      properties: {
        id: row.id,
        name: row.name,
        layer: row.layer,
        country: row.country,
        state: row.state,
        precision: row.precision,
        ...row.attributes,
        sources: row.sources.map((ref) => {
          const s = context.manifest?.sources[ref.sourceId];
          return {
            sourceId: ref.sourceId,
            recordId: ref.recordId,
            url: ref.url ?? s?.url ?? null,
            title: s?.title ?? null,
            licence: s?.licence ?? null,
            asOf: s?.asOf ?? null,
          };
        }),
      },
    })),
  };
  return JSON.stringify(collection, null, 1);
}

/** A README-like citation block: every source used, with publisher, URL, licence and as-of date, and the atlas link. */
export function citationsText(rows: readonly ExportRow[], context: ExportContext): string {
  const sourceCounts = usedSourceIds(rows);
  const byLayer = new Map<string, number>();
  for (const row of rows) byLayer.set(row.layer, (byLayer.get(row.layer) ?? 0) + 1);
  const lines = [
    'US–Mexico Transport Electrification Atlas — export citations',
    '',
    `Exported: ${context.exportedAt}`,
    `Atlas link (opens the same map, filters and selection): ${context.atlasUrl}`,
    `Data build: ${context.manifest?.generatedAt ?? 'unknown'} (${context.manifest?.mode ?? 'unknown'} mode)`,
    `Features: ${rows.length}${[...byLayer].map(([layer, n]) => `; ${layer}: ${n}`).join('')}`,
    ...context.scope.map((line) => `Scope: ${line}`),
    '',
    'Sources used (cite each):',
  ];
  for (const [id, count] of sourceCounts) {
    const s = context.manifest?.sources[id];
    if (!s) {
      lines.push(`- ${id} (not described in the manifest) — ${count} features`);
      continue;
    }
    lines.push(`- ${s.title}. ${s.publisher}. ${s.url}`, `  Licence: ${s.licence}. Data as of: ${s.asOf}. Features in this export: ${count}. Source id: ${id}.`);
  }
  if (sourceCounts.size === 0) lines.push('- (no features exported)');
  lines.push(
    '',
    'Category values (status, level, stage...) are the atlas’s language-neutral ids. Coordinates are WGS 84 (EPSG:4326).',
    'Records with precision "approximate" mark a town or area, not an exact site.',
  );
  return `${lines.join('\r\n')}\r\n`;
}

export function exportFileName(extension: string, date = new Date()): string {
  return `ev-atlas-us-mx-${date.toISOString().slice(0, 10)}.${extension}`;
}
