import { describe, expect, it } from 'vitest';
import { lngLatToWorld } from '@math.gl/web-mercator';
import { HEXAGON_VERTICES, hexagonAt, hexagonCells, hexagonCentre } from '../../src/map/layers/hexbin.ts';

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

describe('hexagonal bins', () => {
  it('puts every point in the hexagon whose centre is nearest', () => {
    const radius = 0.7;
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 40;
    for (let k = 0; k < 5000; k++) {
      const point = [random(), random()];
      const [column, row] = hexagonAt(point[0]!, point[1]!, radius);
      const own = distance(point, hexagonCentre(column, row, radius));
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) expect(own).toBeLessThanOrEqual(distance(point, hexagonCentre(column + dc, row + dr, radius)) + 1e-9);
    }
  });

  it('finds a centre in its own hexagon, and a corner at the radius', () => {
    for (const [column, row] of [
      [0, 0],
      [3, 1],
      [-2, 5],
      [7, 8],
    ] as const) {
      const [x, y] = hexagonCentre(column, row, 2);
      expect(hexagonAt(x, y, 2)).toEqual([column, row]);
    }
    for (const [x, y] of HEXAGON_VERTICES) expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
  });

  it('groups rows by hexagon, keeps each row once and leaves out rows without a position', () => {
    const positions = new Float32Array([-100, 30, -100.001, 30.001, -80, 40, Number.NaN, 10, -100.002, 29.999]);
    const cells = hexagonCells(positions, 5, 0.1);
    expect(cells.map((cell) => [...cell.rows])).toEqual([[0, 1, 4], [2]]);
    const [lon, lat] = cells[0]!.position;
    // the centre is within one radius (common units) of its rows
    expect(distance(lngLatToWorld([lon, lat]), lngLatToWorld([-100, 30]))).toBeLessThan(0.1);
  });
});
