/**
 * Issue 13: points drawn on top of one another. Of the rows that fall in the same half-pixel cell at the current
 * integer zoom and look the same (same fill, outline and size), only the topmost one (the last drawn) changes the
 * picture; the others are left out of the draw. Of the 15,775 mineral sites, 6,745 are drawn at the national view
 * and 10,341 at zoom 5; software WebGL spends most of a frame on their vertices and fragments. The legend counts,
 * the table, the exports and the analysis read the rows and masks, not the drawn points; a picked point answers
 * with its own row.
 */
import type { GetPickingInfoParams, PickingInfo } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { BinaryPointData, RowStyle } from './common.ts';

/** Beyond this zoom, points are far apart and the cell keys would outgrow exact integers: every shown row is drawn. */
export const DECLUTTER_MAX_ZOOM = 12;

/** A small integer per distinct look (fill, outline, outline width, radius), and how many looks there are. */
export function lookIds(style: RowStyle, rowCount: number): { ids: Uint32Array; count: number } {
  const ids = new Uint32Array(rowCount);
  const known = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) {
    const key = `${style.fill.subarray(row * 4, row * 4 + 4).join(',')}|${style.line.subarray(row * 4, row * 4 + 4).join(',')}|${style.lineWidth[row]}|${style.radius[row]}`;
    let id = known.get(key);
    if (id === undefined) {
      id = known.size;
      known.set(key, id);
    }
    ids[row] = id;
  }
  return { ids, count: known.size };
}

/**
 * The shown rows (mask 1) that are not covered by a later row of the same look in the same half-pixel cell at
 * `zoomLevel` (Web Mercator, 256-pixel tiles), in drawing order. Pure; exported for tests.
 */
export function topmostRows(position: ArrayLike<number>, mask: Uint8Array, looks: { ids: Uint32Array; count: number }, zoomLevel: number): Uint32Array {
  const cells = 512 * 2 ** Math.max(0, Math.floor(zoomLevel));
  const rowCount = looks.ids.length;
  if (zoomLevel > DECLUTTER_MAX_ZOOM || !Number.isSafeInteger(cells * cells * looks.count)) {
    const shown: number[] = [];
    for (let row = 0; row < rowCount; row++) if (mask[row] === 1) shown.push(row);
    return Uint32Array.from(shown);
  }
  const top = new Map<number, number>();
  for (let row = 0; row < rowCount; row++) {
    if (mask[row] !== 1) continue;
    const lon = position[row * 2]!;
    const lat = Math.max(-85.05, Math.min(85.05, position[row * 2 + 1]!));
    const sin = Math.sin((lat * Math.PI) / 180);
    const x = Math.min(cells - 1, Math.max(0, Math.floor(((lon + 180) / 360) * cells)));
    const y = Math.min(cells - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * cells)));
    top.set((x * cells + y) * looks.count + looks.ids[row]!, row);
  }
  return Uint32Array.from(top.values()).sort();
}

/** The binary point attributes of the given rows only. */
export function pointsOfRows(points: BinaryPointData, rows: Uint32Array): BinaryPointData {
  const attributes: BinaryPointData['attributes'] = {};
  for (const [name, attribute] of Object.entries(points.attributes)) {
    const { value, size } = attribute;
    const picked = value instanceof Float32Array ? new Float32Array(rows.length * size) : new Uint8Array(rows.length * size);
    rows.forEach((row, i) => picked.set(value.subarray(row * size, row * size + size), i * size));
    attributes[name] = { ...attribute, value: picked };
  }
  return { length: rows.length, attributes };
}

type RowsProps = { rows: Uint32Array };

/** A ScatterplotLayer drawing some rows of a dataset: `rows[i]` is the dataset row of point i, and picking answers with it. */
export class RowsScatterplotLayer<ExtraProps extends object = object> extends ScatterplotLayer<unknown, RowsProps & ExtraProps> {
  static override layerName = 'RowsScatterplotLayer';

  override getPickingInfo(params: GetPickingInfoParams): PickingInfo {
    const info = super.getPickingInfo(params);
    const row = info.index >= 0 ? this.props.rows?.[info.index] : undefined;
    return row === undefined ? info : { ...info, index: row };
  }
}
