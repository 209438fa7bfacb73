/**
 * The table view's model: the columns of a layer's features (text per row, sort keys) and the rows
 * that pass the filters, in a sort order. Pure functions over the details records (or the flows),
 * in the same row order as the layer's columns and mask, so the filters never refetch anything.
 *
 * Sorting works on an index array: every column gives one Float64Array of sort keys per row (numbers,
 * or for text the rank of the row's label among the column's labels sorted with Intl.Collator; NaN for
 * unknown), computed once per column and language, and the visible rows are sorted by those keys with
 * the row index as the tie-break (stable, deterministic, unknown always last).
 */
import type { TFunction } from 'i18next';
import type { DetailRecord, FlowEndpoint, FlowRecord, PointDatasetId } from '../../data/atlas-format.ts';
import { FLOW_FIELD_DOMAINS, POINT_DATASETS, type ColumnDecl } from '../../data/datasets.ts';
import { localeOf } from '../../i18n/i18n.ts';
import type { Language } from '../../state/atlas-state.ts';
import { categoryLabel, formatNumber, stateLabel } from '../format.ts';

export type SortDirection = 'ascending' | 'descending';

export interface TableColumn {
  key: string;
  label: string;
  numeric: boolean;
  /** width in CSS pixels (the header and every row share one grid template) */
  width: number;
  /** the cell's text (data strings are rendered as React text, never as HTML) */
  text(row: number): string;
  /** one sort key per row: a number, or NaN when the value is unknown (sorted last); computed on first use, then cached */
  sortKeys(): Float64Array;
}

export interface TableModel {
  rowCount: number;
  columns: TableColumn[];
  idOf(row: number): string;
  /** where the map flies when the row is selected */
  centerOf(row: number): [number, number];
}

export interface ModelContext {
  t: TFunction;
  language: Language;
  stateNames: ReadonlyMap<string, { en: string; es: string }> | undefined;
}

const WIDTH = { name: 240, place: 150, category: 150, number: 110, flag: 110 } as const;

/** A text column: `value` gives the row's label, or null when unknown. */
function textColumn(
  key: string,
  label: string,
  width: number,
  rowCount: number,
  value: (row: number) => string | null,
  unknown: string,
  language: Language,
): TableColumn {
  let keys: Float64Array | null = null;
  return {
    key,
    label,
    numeric: false,
    width,
    text: (row) => value(row) ?? unknown,
    sortKeys: () => (keys ??= textRanks(rowCount, value, language)),
  };
}

/** A number column: `value` gives the row's number, or null when unknown (never shown as zero). */
function numberColumn(
  key: string,
  label: string,
  rowCount: number,
  value: (row: number) => number | null,
  unknown: string,
  format: (value: number) => string,
): TableColumn {
  let keys: Float64Array | null = null;
  return {
    key,
    label,
    numeric: true,
    width: WIDTH.number,
    text: (row) => {
      const v = value(row);
      return v === null ? unknown : format(v);
    },
    sortKeys: () => {
      if (!keys) {
        keys = new Float64Array(rowCount);
        for (let row = 0; row < rowCount; row++) keys[row] = value(row) ?? NaN;
      }
      return keys;
    },
  };
}

const collators = new Map<Language, Intl.Collator>();
function collatorOf(language: Language): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) collators.set(language, (collator = new Intl.Collator(localeOf(language))));
  return collator;
}

/** Each row's rank among the column's distinct labels in the language's collation order (NaN = unknown). */
export function textRanks(rowCount: number, value: (row: number) => string | null, language: Language): Float64Array {
  const labels: (string | null)[] = new Array(rowCount);
  const distinct = new Set<string>();
  for (let row = 0; row < rowCount; row++) {
    const label = value(row);
    labels[row] = label;
    if (label !== null) distinct.add(label);
  }
  const compare = collatorOf(language).compare;
  const sorted = [...distinct].sort(compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  sorted.forEach((label, i) => {
    // labels the collation holds equal share a rank, so the row order decides between them
    if (i > 0 && compare(sorted[i - 1]!, label) !== 0) rank = i;
    rankOf.set(label, rank);
  });
  const keys = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const label = labels[row]!;
    keys[row] = label === null ? NaN : rankOf.get(label)!;
  }
  return keys;
}

/** The rows whose mask byte is 1, in row order. */
export function visibleRows(mask: Uint8Array, rowCount = mask.length): Uint32Array {
  const n = Math.min(rowCount, mask.length);
  let count = 0;
  for (let row = 0; row < n; row++) count += mask[row] === 1 ? 1 : 0;
  const rows = new Uint32Array(count);
  let next = 0;
  for (let row = 0; row < n; row++) if (mask[row] === 1) rows[next++] = row;
  return rows;
}

/** `rows` sorted by `keys` (a new array): stable (ties keep row order), unknown (NaN) last in both directions. */
export function sortRows(rows: Uint32Array, keys: Float64Array, direction: SortDirection): Uint32Array {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    const unknownA = Number.isNaN(ka);
    const unknownB = Number.isNaN(kb);
    if (unknownA || unknownB) return unknownA === unknownB ? a - b : unknownA ? 1 : -1;
    return ka === kb ? a - b : ka < kb ? -sign : sign;
  });
}

type AttributeValue = DetailRecord['attributes'][string] | undefined;

function isUnknown(value: AttributeValue): boolean {
  return value === null || value === undefined || value === '' || value === 'unknown' || (Array.isArray(value) && value.length === 0);
}

/** Memoises a translation per raw value: a sort reads every row, and a domain has a handful of values. */
function memoLabels(translate: (value: string) => string): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let label = cache.get(value);
    if (label === undefined) cache.set(value, (label = translate(value)));
    return label;
  };
}

/** Labels of one declared column's values: category labels translated, bitmask lists joined, null when unknown. */
function declaredLabels(column: ColumnDecl, t: TFunction): (value: AttributeValue) => string | null {
  const domain = 'domain' in column ? column.domain : null;
  const item = memoLabels((value) => (domain ? categoryLabel(t, domain, value) : value));
  const label = (value: string | number | boolean) => (typeof value === 'string' ? item(value) : String(value));
  return (value) => {
    if (isUnknown(value)) return null;
    if (Array.isArray(value))
      return (
        value
          .filter((v) => v !== 'unknown')
          .map(label)
          .join(', ') || null
      );
    return label(value as string | number | boolean);
  };
}

function numberOf(value: AttributeValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The columns of a point layer's features: name, country, state, the dataset's declared columns, precision. */
export function pointTableModel(dataset: PointDatasetId, records: readonly DetailRecord[], { t, language, stateNames }: ModelContext): TableModel {
  const n = records.length;
  const unknown = t('table.unknown');
  const at = (row: number) => records[row]!;
  const label = (key: string) => t(`table.columns.${key}`, { defaultValue: t(`details.attr.${key}`, { defaultValue: key }) });
  const country = memoLabels((code) => t(`countries.${code}`, { defaultValue: code }));
  const columns: TableColumn[] = [
    textColumn('name', label('name'), WIDTH.name, n, (row) => at(row).name || null, unknown, language),
    textColumn('country', label('country'), WIDTH.place, n, (row) => (at(row).country ? country(at(row).country) : null), unknown, language),
    textColumn('state', label('state'), WIDTH.place, n, (row) => stateLabel(at(row).state, stateNames, language), unknown, language),
  ];
  for (const column of POINT_DATASETS[dataset].columns) {
    const attribute = (row: number) => at(row).attributes?.[column.name];
    if (column.kind === 'number') {
      columns.push(
        numberColumn(
          column.name,
          label(column.name),
          n,
          (row) => numberOf(attribute(row)),
          t(`table.missing.${column.name}`, { defaultValue: unknown }),
          (v) => formatNumber(v, language),
        ),
      );
    } else {
      const labels = declaredLabels(column, t);
      columns.push(textColumn(column.name, label(column.name), WIDTH.category, n, (row) => labels(attribute(row)), unknown, language));
    }
  }
  const exact = t('table.exact');
  const approximate = t('table.approximate');
  columns.push(
    textColumn(
      'precision',
      label('precision'),
      WIDTH.flag,
      n,
      (row) => (at(row).precision === 'approximate' ? approximate : at(row).precision === 'exact' ? exact : null),
      unknown,
      language,
    ),
  );
  return { rowCount: n, columns, idOf: (row) => at(row).id, centerOf: (row) => [at(row).lon, at(row).lat] };
}

/** The columns of the flows: from, to, material, relation, year, cross-border. */
export function flowTableModel(flows: readonly FlowRecord[], { t, language }: ModelContext): TableModel {
  const n = flows.length;
  const unknown = t('table.unknown');
  const at = (row: number) => flows[row]!;
  const label = (key: string) => t(`table.columns.${key}`);
  const countryOf = memoLabels((code) => t(`countries.${code}`, { defaultValue: code }));
  const endpoint = (end: FlowEndpoint) => {
    const country = end.country ? countryOf(end.country) : '';
    return end.name ? (country ? `${end.name} (${country})` : end.name) : null;
  };
  const yes = t('table.yes');
  const no = t('table.no');
  const columns: TableColumn[] = [
    textColumn('from', label('from'), WIDTH.name, n, (row) => endpoint(at(row).from), unknown, language),
    textColumn('to', label('to'), WIDTH.name, n, (row) => endpoint(at(row).to), unknown, language),
    textColumn('material', label('material'), WIDTH.category, n, (row) => flowLabel(t, 'material', at(row).material), unknown, language),
    textColumn('relation', label('relation'), WIDTH.category, n, (row) => flowLabel(t, 'relation', at(row).relation), unknown, language),
    // a year is not a quantity: no thousands separator
    numberColumn(
      'year',
      label('year'),
      n,
      (row) => numberOf(at(row).year),
      unknown,
      (v) => String(v),
    ),
    textColumn('crossBorder', label('crossBorder'), WIDTH.flag, n, (row) => (at(row).crossBorder ? yes : no), unknown, language),
  ];
  return {
    rowCount: n,
    columns,
    idOf: (row) => at(row).id,
    centerOf: (row) => {
      const { from, to } = at(row);
      return [(from.lon + to.lon) / 2, (from.lat + to.lat) / 2];
    },
  };
}

function flowLabel(t: TFunction, field: keyof typeof FLOW_FIELD_DOMAINS, value: string | null | undefined): string | null {
  return isUnknown(value) ? null : categoryLabel(t, FLOW_FIELD_DOMAINS[field], value!);
}
