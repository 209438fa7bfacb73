/**
 * Shared pieces of the point-layer modules: binary data objects built once per LayerColumns,
 * per-row style attributes (colour, outline, radius) precomputed into typed arrays, and the
 * filter plumbing. A filter change swaps only the mask read by `getFilterValue` (through
 * updateTriggers); the `data` objects returned here keep their identity for the life of the columns.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import type { LayerColumns, ColumnArray } from '../../data/atlas-data.ts';
import { STATUS_STYLE, type Rgba } from '../layer-styles.ts';

/** One extension instance for every layer: deck.gl compares extensions by identity. */
export const FILTER_EXTENSION = new DataFilterExtension({ filterSize: 1 });
/** A row is drawn when its filter value is 1 (mask byte). */
export const FILTER_RANGE: [number, number] = [0.5, 1];

/** The category name of `row` in a categorical column ('unknown' when missing). */
export function categoryAt(data: LayerColumns, column: string, row: number): string {
  const entry = data.columns[column];
  if (!entry) return 'unknown';
  return entry.spec.categories?.[entry.values[row]!] ?? 'unknown';
}

/** The first category (in `priority` order) whose bit is set in a bitmask column, else 'unknown'. */
export function firstBitInPriority(bits: number, categories: readonly string[], priority: readonly string[]): string {
  for (const name of priority) {
    const bit = categories.indexOf(name);
    if (bit >= 0 && bits & (1 << bit)) return name;
  }
  return 'unknown';
}

export function numberAt(data: LayerColumns, column: string, row: number): number {
  const values: ColumnArray | undefined = data.columns[column]?.values;
  const value = values?.[row];
  return value === undefined ? NaN : value;
}

export function isApproximate(data: LayerColumns, row: number): boolean {
  return categoryAt(data, 'precision', row) === 'approximate';
}

/** Applies a status style to a category colour: alpha scaled by fillAlpha, grey for ended facilities. */
export function statusFill(base: Rgba, status: string): Rgba {
  const style = STATUS_STYLE[status] ?? STATUS_STYLE.unknown!;
  const [r, g, b, a] = style.grey ? greyOf(base) : base;
  return [r, g, b, Math.round(a * style.fillAlpha)];
}

export function statusOutline(status: string): { color: Rgba; width: number } {
  const style = STATUS_STYLE[status] ?? STATUS_STYLE.unknown!;
  return { color: style.outline, width: style.outlineWidth };
}

function greyOf([r, g, b, a]: Rgba): Rgba {
  const y = Math.round(0.3 * r + 0.59 * g + 0.11 * b);
  const grey = Math.round(150 + (y - 150) * 0.3);
  return [grey, grey, grey, a];
}

/** Per-row style attributes of a point layer, as deck.gl binary attributes. */
export interface RowStyle {
  fill: Uint8Array;
  line: Uint8Array;
  lineWidth: Float32Array;
  /** pixels */
  radius: Float32Array;
  approximate: Uint8Array;
}

export function computeRowStyle(data: LayerColumns, styleOf: (row: number) => { fill: Rgba; line: Rgba; lineWidth: number; radius: number }): RowStyle {
  const n = data.rowCount;
  const style: RowStyle = {
    fill: new Uint8Array(n * 4),
    line: new Uint8Array(n * 4),
    lineWidth: new Float32Array(n),
    radius: new Float32Array(n),
    approximate: new Uint8Array(n),
  };
  for (let row = 0; row < n; row++) {
    const s = styleOf(row);
    style.fill.set(s.fill, row * 4);
    style.line.set(s.line, row * 4);
    style.lineWidth[row] = s.lineWidth;
    style.radius[row] = s.radius;
    style.approximate[row] = isApproximate(data, row) ? 1 : 0;
  }
  return style;
}

/** Caches one value per LayerColumns object (so data identity survives re-renders and filter changes). */
export function perColumns<T>(make: (data: LayerColumns) => T): (data: LayerColumns) => T {
  const cache = new WeakMap<LayerColumns, T>();
  return (data) => {
    let value = cache.get(data);
    if (value === undefined) {
      value = make(data);
      cache.set(data, value);
    }
    return value;
  };
}

export type BinaryPointData = {
  length: number;
  attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }>;
};

export function binaryPoints(data: LayerColumns, style?: RowStyle, radiusOffset = 0): BinaryPointData {
  const attributes: BinaryPointData['attributes'] = { getPosition: { value: data.position, size: 2 } };
  if (style) {
    attributes.getFillColor = { value: style.fill, size: 4, normalized: true };
    attributes.getLineColor = { value: style.line, size: 4, normalized: true };
    attributes.getLineWidth = { value: style.lineWidth, size: 1 };
    attributes.getRadius = { value: radiusOffset ? style.radius.map((r) => r + radiusOffset) : style.radius, size: 1 };
  }
  return { length: data.rowCount, attributes };
}

/** Mask accessor for DataFilterExtension (index-based: works with binary data). */
export function maskAccessor(mask: Uint8Array) {
  return (_: unknown, { index }: { index: number }) => mask[index] ?? 0;
}

/** Mask AND a second per-row flag (e.g. approximate location rings). */
export function maskAndAccessor(mask: Uint8Array, flag: Uint8Array) {
  return (_: unknown, { index }: { index: number }) => (mask[index] ?? 0) & (flag[index] ?? 0);
}

/** Pixel scale of facility symbols by integer zoom: readable on a projector at the national view, larger when zoomed in. */
export function facilityScale(zoomLevel: number): number {
  if (zoomLevel <= 4) return 1;
  return Math.min(1.6, 1 + (zoomLevel - 4) * 0.12);
}

/** Facility statuses shown in the status key of the plant layers' legends. */
export const FACILITY_STATUS_LEGEND_KEYS = ['operating', 'under_construction', 'announced', 'cancelled', 'disputed'] as const;

/** Approximate-location ring: drawn this many pixels outside the symbol, in this colour. */
export const APPROXIMATE_RING = { gapPixels: 3.5, color: [33, 37, 41, 200] as Rgba, widthPixels: 1.25 } as const;
