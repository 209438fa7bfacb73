/** Issue 13: points covered by an identical later point are not drawn; picking still answers with the dataset row. */
import { describe, expect, it } from 'vitest';
import type { PickingInfo } from '@deck.gl/core';
import { DECLUTTER_MAX_ZOOM, RowsScatterplotLayer, lookIds, pointsOfRows, topmostRows } from '../../src/map/layers/declutter.ts';
import { binaryPoints, computeRowStyle } from '../../src/map/layers/common.ts';
import { mineralsLayer } from '../../src/map/layers/minerals.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import type { Rgba } from '../../src/map/layer-styles.ts';
import { COUNTRY, makeColumns } from './map-fixtures.ts';

/** Longitude of the middle of half-pixel cell k at zoom 3 (4,096 cells around the world). */
const cellLon = (k: number) => -180 + ((k + 0.5) * 360) / 4096;
const RED: Rgba = [200, 0, 0, 255];
const BLUE: Rgba = [0, 0, 200, 255];

// rows 0-2: the same cell and look; row 3: the same cell, another look; row 4: elsewhere; row 5: the next cell
const positions: [number, number][] = [
  [cellLon(1000), 30],
  [cellLon(1000), 30],
  [cellLon(1000), 30],
  [cellLon(1000), 30],
  [cellLon(1200), 40],
  [cellLon(1001), 30],
];
const data = makeColumns('minerals', positions, { country: { ...COUNTRY, values: [1, 1, 1, 1, 1, 1] } });
const style = computeRowStyle(data, (row) => ({ fill: row === 3 ? BLUE : RED, line: [0, 0, 0, 255], lineWidth: 1, radius: 3 }));
const looks = lookIds(style, data.rowCount);
const all = new Uint8Array(6).fill(1);

describe('points left out of the draw', () => {
  it('one id per distinct look', () => {
    expect(looks.count).toBe(2);
    expect(looks.ids[0]).toBe(looks.ids[5]);
    expect(looks.ids[3]).not.toBe(looks.ids[0]);
  });

  it('keeps the topmost (last) shown row of each look in a half-pixel cell, in drawing order', () => {
    expect([...topmostRows(data.position, all, looks, 3)]).toEqual([2, 3, 4, 5]);
    // the topmost filtered out: the one under it is drawn
    expect([...topmostRows(data.position, Uint8Array.of(1, 1, 0, 1, 1, 1), looks, 3)]).toEqual([1, 3, 4, 5]);
    expect([...topmostRows(data.position, Uint8Array.of(0, 0, 0, 0, 1, 0), looks, 3)]).toEqual([4]);
    // one zoom level in, the cells are half as wide: rows 0-2 still share one
    expect([...topmostRows(data.position, all, looks, 4)]).toEqual([2, 3, 4, 5]);
  });

  it('draws every shown row beyond the declutter zoom', () => {
    expect([...topmostRows(data.position, Uint8Array.of(1, 1, 0, 1, 1, 1), looks, DECLUTTER_MAX_ZOOM + 1)]).toEqual([0, 1, 3, 4, 5]);
  });

  it('takes the attributes of the drawn rows only', () => {
    const points = pointsOfRows(binaryPoints(data, style), Uint32Array.of(3, 4));
    expect(points.length).toBe(2);
    expect([...points.attributes.getPosition!.value]).toEqual([...data.position.subarray(6, 10)]);
    expect([...points.attributes.getFillColor!.value]).toEqual([...BLUE, ...RED]);
    expect(points.attributes.getFillColor!.normalized).toBe(true);
  });

  it('a picked point answers with its dataset row', () => {
    const layer = new RowsScatterplotLayer({ id: 'points', data: pointsOfRows(binaryPoints(data, style), Uint32Array.of(2, 5)), rows: Uint32Array.of(2, 5) });
    const picked = (index: number) => layer.getPickingInfo({ info: { index } as PickingInfo, mode: 'hover', sourceLayer: layer }).index;
    expect(picked(1)).toBe(5);
    expect(picked(0)).toBe(2);
    expect(picked(-1)).toBe(-1);
  });

  it('the minerals layer draws the topmost shown sites at their own positions', () => {
    const state = defaultAtlasState();
    const [layer] = mineralsLayer.build({ input: { data, mask: all, visible: true }, state, zoomLevel: 3 });
    const rows = (layer!.props as unknown as { rows: Uint32Array }).rows;
    const points = layer!.props.data as unknown as { length: number; attributes: { getPosition: { value: Float32Array } } };
    expect(points.length).toBe(rows.length);
    rows.forEach((row, i) => expect([...points.attributes.getPosition.value.subarray(i * 2, i * 2 + 2)]).toEqual([...data.position.subarray(row * 2, row * 2 + 2)]));
    // the same mask and zoom: the same drawn data (no re-upload); zoomed in far: every site
    expect(mineralsLayer.build({ input: { data, mask: all, visible: true }, state, zoomLevel: 3 })[0]!.props.data).toBe(layer!.props.data);
    expect((mineralsLayer.build({ input: { data, mask: all, visible: true }, state, zoomLevel: 14 })[0]!.props as unknown as { rows: Uint32Array }).rows).toHaveLength(6);
  });
});
