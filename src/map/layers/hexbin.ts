/**
 * Hexagonal bins in Web Mercator's common space (the world 512 units wide, y to the north), so that a hexagon is
 * regular on the map at every latitude. Pointy-top hexagons on d3-hexbin's layout: rows 1.5 radii apart, every other
 * row shifted by half a cell.
 *
 * The charger hexagons bin 50,000-1,000,000 points here instead of in deck.gl's HexagonLayer, whose CPU aggregation
 * keys every point by a string (issue 13: 100 ms of the first view's last frame at the real data).
 */
import { lngLatToWorld, worldToLngLat } from '@math.gl/web-mercator';

const CELL_WIDTH = Math.sqrt(3);
const ROW_HEIGHT = 1.5;

/** The corners of a hexagon of radius 1 around its centre (for deck.gl's ColumnLayer `vertices`). */
export const HEXAGON_VERTICES: [number, number][] = Array.from({ length: 6 }, (_, k) => [Math.sin((k * Math.PI) / 3), -Math.cos((k * Math.PI) / 3)]);

/** Column and row of the hexagon of radius `radius` around the common-space point (x, y). */
export function hexagonAt(x: number, y: number, radius: number): [number, number] {
  const rowExact = y / radius / ROW_HEIGHT;
  let row = Math.round(rowExact);
  const columnExact = x / radius / CELL_WIDTH - (row & 1) / 2;
  let column = Math.round(columnExact);
  const dy = rowExact - row;
  // near a row's edge the point may belong to a hexagon of the next row: take the nearer centre (distances in radii;
  // d3-hexbin compares them in cell units, which puts about 2% of points in a neighbouring hexagon)
  if (Math.abs(dy) * 3 > 1) {
    const dx = columnExact - column;
    const otherColumn = column + (columnExact < column ? -0.5 : 0.5);
    const otherRow = row + (rowExact < row ? -1 : 1);
    const dx2 = columnExact - otherColumn;
    const dy2 = rowExact - otherRow;
    if ((dx * CELL_WIDTH) ** 2 + (dy * ROW_HEIGHT) ** 2 > (dx2 * CELL_WIDTH) ** 2 + (dy2 * ROW_HEIGHT) ** 2) {
      column = otherColumn + (row & 1 ? 0.5 : -0.5);
      row = otherRow;
    }
  }
  return [column, row];
}

/** Centre in common space of the hexagon at (column, row). */
export function hexagonCentre(column: number, row: number, radius: number): [number, number] {
  return [(column + (row & 1) / 2) * radius * CELL_WIDTH, row * radius * ROW_HEIGHT];
}

export interface HexagonCell {
  /** centre, longitude and latitude */
  position: [number, number];
  /** the rows of the points inside it */
  rows: Uint32Array;
}

/**
 * The hexagons holding at least one of `count` points (lon, lat interleaved in `positions`), each with its points'
 * rows, in the order of their first point. Points without a finite position are in no hexagon.
 */
export function hexagonCells(positions: ArrayLike<number>, count: number, radius: number): HexagonCell[] {
  const cellOfRow = new Int32Array(count).fill(-1);
  const cellIndex = new Map<number, number>();
  const cellHexagons: [number, number][] = [];
  const sizes: number[] = [];
  for (let row = 0; row < count; row++) {
    const lon = positions[row * 2]!;
    const lat = positions[row * 2 + 1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const [x, y] = lngLatToWorld([lon, lat]);
    const [column, hexRow] = hexagonAt(x, y, radius);
    // columns and rows stay below 2^20 for radii down to 1/1000 of a common unit
    const key = hexRow * 2 ** 21 + column;
    let cell = cellIndex.get(key);
    if (cell === undefined) {
      cell = cellHexagons.length;
      cellIndex.set(key, cell);
      cellHexagons.push([column, hexRow]);
      sizes.push(0);
    }
    cellOfRow[row] = cell;
    sizes[cell]!++;
  }
  const cellCount = cellHexagons.length;
  const starts = new Uint32Array(cellCount + 1);
  for (let cell = 0; cell < cellCount; cell++) starts[cell + 1] = starts[cell]! + sizes[cell]!;
  const rows = new Uint32Array(starts[cellCount]!);
  const filled = starts.slice(0, cellCount);
  for (let row = 0; row < count; row++) {
    const cell = cellOfRow[row]!;
    if (cell >= 0) rows[filled[cell]!++] = row;
  }
  return cellHexagons.map(([column, hexRow], cell) => {
    const [lon, lat] = worldToLngLat(hexagonCentre(column, hexRow, radius));
    return { position: [lon, lat], rows: rows.subarray(starts[cell], starts[cell + 1]) };
  });
}
