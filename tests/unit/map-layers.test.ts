import { maskVersion } from '../../src/filters/mask-version.ts';
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { computeLayerMask } from '../../src/filters/layer-mask.ts';
import { CHARGER_LEVEL_COLORS, COMMODITY_COLORS, PLANT_STAGE_COLORS, STATUS_STYLE } from '../../src/map/layer-styles.ts';
import { CHARGER_AGGREGATE_BELOW_ZOOM, HEXBIN_RAMP, chargerColor, chargersLayer, countVisibleRows, hexbinCellValue, hexbinStep } from '../../src/map/layers/chargers.ts';
import type { HexagonCell } from '../../src/map/layers/hexbin.ts';
import { mineralStyle, mineralsLayer, primaryCommodityAt } from '../../src/map/layers/minerals.ts';
import { PLANT_MIN_RADIUS_PIXELS, batteryPlantStyle, batteryPlantsLayer, plantRadius } from '../../src/map/layers/battery-plants.ts';
import { SQUARE_ICON_ATLAS, assemblyHalfSide, assemblyPlantsLayer, squareIconPixels } from '../../src/map/layers/assembly-plants.ts';
import { FLOW_DEFAULT_WIDTH, flowColor, flowWidth, flowsLayer, FLOW_DIMMED_ALPHA } from '../../src/map/layers/flows.ts';
import { chainForSelection } from '../../src/map/supply-chain.ts';
import { COUNTRY, PRECISION, flow, makeColumns } from './map-fixtures.ts';

const LEVELS = { kind: 'bitmask' as const, categories: ['L1', 'L2', 'DC'] };
// rows: DC+L2 (US), L2+L1 (US), L1 (MX), none (MX)
const chargers = makeColumns(
  'chargers',
  [
    [-100, 30],
    [-99, 31],
    [-100, 25],
    [-101, 20],
  ],
  {
    country: { ...COUNTRY, values: [1, 1, 2, 2] },
    level: { ...LEVELS, values: [0b110, 0b011, 0b001, 0] },
  },
);

const state = defaultAtlasState();
const maskFor = (countries: ('US' | 'MX')[], data = chargers) => computeLayerMask(data, { countries, filters: state.filters });
const byId = (layers: Layer[], id: string) => layers.find((l) => l.id === id)!;

describe('chargers', () => {
  it('colours by the highest level: DC > L2 > L1 > unknown', () => {
    expect(chargerColor(chargers, 0)).toEqual(CHARGER_LEVEL_COLORS.DC);
    expect(chargerColor(chargers, 1)).toEqual(CHARGER_LEVEL_COLORS.L2);
    expect(chargerColor(chargers, 2)).toEqual(CHARGER_LEVEL_COLORS.L1);
    expect(chargerColor(chargers, 3)).toEqual(CHARGER_LEVEL_COLORS.unknown);
  });

  it('shows hexagons below the threshold and points from it, with stable ids', () => {
    const mask = maskFor(['US', 'MX']);
    const low = chargersLayer.build({ input: { data: chargers, mask, visible: true }, state, zoomLevel: CHARGER_AGGREGATE_BELOW_ZOOM - 1 });
    const high = chargersLayer.build({ input: { data: chargers, mask, visible: true }, state, zoomLevel: CHARGER_AGGREGATE_BELOW_ZOOM });
    expect(low.map((l) => l.id)).toEqual(['chargers-hexagons', 'chargers']);
    expect(high.map((l) => l.id)).toEqual(['chargers-hexagons', 'chargers']);
    expect(low.map((l) => l.props.visible)).toEqual([true, false]);
    expect(high.map((l) => l.props.visible)).toEqual([false, true]);
    const hidden = chargersLayer.build({ input: { data: chargers, mask, visible: false }, state, zoomLevel: 8 });
    expect(hidden.map((l) => l.props.visible)).toEqual([false, false]);
  });

  it('a filter change swaps only the mask (updateTriggers), never the data', () => {
    const before = chargersLayer.build({ input: { data: chargers, mask: maskFor(['US', 'MX']), visible: true }, state, zoomLevel: 4 });
    const mxOnly = maskFor(['MX']);
    const after = chargersLayer.build({ input: { data: chargers, mask: mxOnly, visible: true }, state, zoomLevel: 4 });
    for (const id of ['chargers-hexagons', 'chargers']) {
      expect(byId(after, id).props.data).toBe(byId(before, id).props.data);
    }
    expect(byId(after, 'chargers').props.updateTriggers).toEqual({ getFilterValue: maskVersion(mxOnly) });
    // the hexagons are recoloured from the rows that pass the mask; a cell with none is transparent (not drawn)
    const hexagons = byId(after, 'chargers-hexagons').props as unknown as { data: HexagonCell[]; getFillColor(cell: HexagonCell): number[]; updateTriggers: unknown };
    expect(hexagons.updateTriggers).toEqual({ getFillColor: maskVersion(mxOnly) });
    const colours = hexagons.data.map((cell) => [...cell.rows].join(',') + ':' + hexagons.getFillColor(cell)[3]);
    // rows 0 (-100, 30) and 1 (-99, 31) are US chargers, 2 and 3 Mexican: only cells holding row 2 or 3 stay drawn
    for (const entry of colours) expect(entry.endsWith(':0')).toBe(!/\b[23]\b/.test(entry.split(':')[0]!));
    expect(maskVersion(mxOnly)).not.toBe(maskVersion(maskFor(['US', 'MX'])));
    expect(hexbinCellValue([0, 1], mxOnly)).toBeNaN();
    expect(hexbinCellValue([0, 1, 2, 3], mxOnly)).toBe(0);
    expect(hexbinCellValue(new Uint32Array([2, 3]), mxOnly)).toBe(0);
  });

  it('hexbin ramp steps and radius per zoom', () => {
    expect(hexbinStep(0)).toBeNaN();
    expect(hexbinStep(1)).toBe(0);
    expect(hexbinStep(HEXBIN_RAMP[2]!.min)).toBe(2);
    expect(hexbinStep(1e6)).toBe(HEXBIN_RAMP.length - 1);
    // one binning per dataset: zooming in or out does not bin the chargers again
    const atZoom = (zoomLevel: number) =>
      byId(chargersLayer.build({ input: { data: chargers, mask: maskFor(['US', 'MX']), visible: true }, state, zoomLevel }), 'chargers-hexagons').props.data;
    expect(atZoom(3)).toBe(atZoom(5));
    expect(countVisibleRows([0, 2, 3], new Uint8Array([1, 0, 1, 0]))).toBe(2);
  });
});

const COMMODITIES = { kind: 'bitmask' as const, categories: ['lithium', 'nickel', 'cobalt', 'graphite', 'manganese', 'copper', 'rare_earths'] };
const MINERAL_STATUS = { kind: 'category' as const, categories: ['unknown', 'producing', 'construction', 'evaluation', 'past_producer', 'occurrence', 'disputed'] };
const minerals = makeColumns(
  'minerals',
  [
    [-118, 41],
    [-93, 46],
    [-110, 30],
  ],
  {
    country: { ...COUNTRY, values: [1, 1, 2] },
    // copper+lithium, copper+rare earths, nickel+cobalt
    commodities: { ...COMMODITIES, values: [0b0100001, 0b1100000, 0b0000110] },
    status: { ...MINERAL_STATUS, values: [1, 6, 0] },
  },
);

describe('minerals', () => {
  it('colours by primary commodity in priority order', () => {
    expect(primaryCommodityAt(minerals, 0)).toBe('lithium');
    expect(primaryCommodityAt(minerals, 1)).toBe('rare_earths');
    expect(primaryCommodityAt(minerals, 2)).toBe('nickel');
  });
  it('styles by status: fill alpha and outline from STATUS_STYLE', () => {
    const producing = mineralStyle(minerals, 0);
    expect(producing.fill).toEqual(COMMODITY_COLORS.lithium);
    expect(producing.line).toEqual(STATUS_STYLE.producing!.outline);
    const disputed = mineralStyle(minerals, 1);
    expect(disputed.fill[3]).toBe(Math.round(COMMODITY_COLORS.rare_earths![3] * STATUS_STYLE.disputed!.fillAlpha));
    expect(disputed.line).toEqual(STATUS_STYLE.disputed!.outline);
  });
  it('draws the shown sites (see declutter.test.ts), toggles with visible and keeps its points while hidden', () => {
    const rowsOf = (layers: Layer[]) => [...(layers[0]!.props as unknown as { rows: Uint32Array }).rows];
    const us = mineralsLayer.build({ input: { data: minerals, mask: maskFor(['US'], minerals), visible: true }, state, zoomLevel: 4 });
    expect(rowsOf(us)).toEqual([0, 1]);
    const hidden = mineralsLayer.build({ input: { data: minerals, mask: maskFor(['MX'], minerals), visible: false }, state, zoomLevel: 4 });
    expect(hidden[0]!.props.visible).toBe(false);
    expect(hidden[0]!.props.data).toBe(us[0]!.props.data);
    expect(hidden[0]!.id).toBe('minerals');
    expect(rowsOf(mineralsLayer.build({ input: { data: minerals, mask: maskFor(['MX'], minerals), visible: true }, state, zoomLevel: 4 }))).toEqual([2]);
  });
});

const STAGE = {
  kind: 'category' as const,
  categories: ['unknown', 'processing', 'cathode', 'anode', 'materials_other', 'cell', 'module_pack', 'recycling', 'lead_acid', 'other'],
};
const FACILITY_STATUS = { kind: 'category' as const, categories: ['unknown', 'operating', 'under_construction', 'announced', 'cancelled', 'retired', 'disputed'] };
const plants = makeColumns(
  'battery-plants',
  [
    [-84, 35],
    [-100, 25],
    [-95, 30],
  ],
  {
    country: { ...COUNTRY, values: [1, 2, 1] },
    precision: { ...PRECISION, values: [1, 2, 1] },
    stage: { ...STAGE, values: [5, 7, 0] },
    status: { ...FACILITY_STATUS, values: [1, 3, 4] },
    capacityGwh: { kind: 'number', values: [40, NaN, NaN] },
    capexMusd: { kind: 'number', values: [NaN, 900, NaN] },
  },
);

describe('battery plants', () => {
  it('colour by stage, size by capacity then capex (sqrt), minimum when unknown', () => {
    expect(batteryPlantStyle(plants, 0).fill).toEqual(PLANT_STAGE_COLORS.cell);
    expect(plantRadius(40, null)).toBeCloseTo(5 + 1.6 * Math.sqrt(40));
    expect(plantRadius(null, 900)).toBeCloseTo(5 + 0.2 * 30);
    expect(plantRadius(NaN, NaN)).toBe(PLANT_MIN_RADIUS_PIXELS);
    expect(plantRadius(4, 10)).toBeLessThan(plantRadius(16, 10));
    // cancelled: greyed, faint
    const cancelled = batteryPlantStyle(plants, 2).fill;
    expect(cancelled[0]).toBe(cancelled[1]);
    expect(cancelled[3]).toBeLessThan(50);
  });
  it('draws an approximate-location ring only for approximate rows that pass the mask', () => {
    const mask = new Uint8Array([1, 1, 1]);
    const layers = batteryPlantsLayer.build({ input: { data: plants, mask, visible: true }, state, zoomLevel: 4 });
    expect(layers.map((l) => l.id)).toEqual(['battery-plants-approximate', 'battery-plants']);
    const ring = layers[0]!.props as unknown as { getFilterValue: (o: unknown, i: { index: number }) => number };
    expect([0, 1, 2].map((index) => ring.getFilterValue(null, { index }))).toEqual([0, 1, 0]);
    const masked = batteryPlantsLayer.build({ input: { data: plants, mask: new Uint8Array([1, 0, 1]), visible: true }, state, zoomLevel: 4 });
    const ring2 = masked[0]!.props as unknown as { getFilterValue: (o: unknown, i: { index: number }) => number };
    expect(ring2.getFilterValue(null, { index: 1 })).toBe(0);
    expect(masked[1]!.props.data).toBe(layers[1]!.props.data);
  });
});

describe('assembly plants', () => {
  const EV = { kind: 'category' as const, categories: ['unknown', 'ev_in_production', 'ev_announced', 'no_ev'] };
  const assembly = makeColumns('assembly-plants', [[-101, 25.5]], {
    country: { ...COUNTRY, values: [2] },
    precision: { ...PRECISION, values: [1] },
    ev: { ...EV, values: [1] },
    status: { ...FACILITY_STATUS, values: [1] },
    capexMusd: { kind: 'number', values: [1000] },
  });
  it('builds square icon layers with stable ids, sized by capex', () => {
    const layers = assemblyPlantsLayer.build({ input: { data: assembly, mask: new Uint8Array([1]), visible: true }, state, zoomLevel: 5 });
    expect(layers.map((l) => l.id)).toEqual(['assembly-plants-approximate', 'assembly-plants', 'assembly-plants-outline']);
    expect(SQUARE_ICON_ATLAS).toMatch(/^data:image\/svg\+xml/);
    expect(assemblyHalfSide(null)).toBeLessThan(assemblyHalfSide(1000));
  });
  it('the icon atlas as pixels paints what the SVG paints: a square, a 6-pixel frame and a 3-pixel frame', () => {
    const { width, height, data } = squareIconPixels();
    expect([width, height]).toEqual([192, 64]);
    const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3];
    const painted = (cell: number) => {
      let n = 0;
      for (let y = 0; y < height; y++) for (let x = cell * 64; x < cell * 64 + 64; x++) n += alpha(x, y) === 255 ? 1 : 0;
      return n;
    };
    expect([painted(0), painted(1), painted(2)]).toEqual([64 * 64, 64 * 64 - 52 * 52, 64 * 64 - 58 * 58]);
    expect([alpha(64 + 5, 30), alpha(64 + 6, 30), alpha(128 + 2, 63), alpha(128 + 3, 60)]).toEqual([255, 0, 255, 0]);
    expect(data[(10 * width + 10) * 4]).toBe(255);
    expect(data[(32 * width + 96) * 4 + 3]).toBe(0);
  });
});

describe('flows', () => {
  const flows = [flow('a', 'x:1', 'x:2', { volume: 100000, crossBorder: true }), flow('b', 'x:2', 'x:3'), flow('c', 'y:1', 'y:2', { material: 'lithium' })];
  it('width by volume (log), default when unknown, wider across the border', () => {
    expect(flowWidth(flows[1]!, null)).toBe(FLOW_DEFAULT_WIDTH);
    expect(flowWidth(flows[0]!, null)).toBeGreaterThan(FLOW_DEFAULT_WIDTH * 1.5);
  });
  it('dims arcs outside the highlighted chain and filters by the mask without new data', () => {
    const chain = chainForSelection(flows, 'x:1');
    expect(flowColor(flows[2]!, 'target', chain)[3]).toBe(FLOW_DIMMED_ALPHA);
    expect(flowColor(flows[1]!, 'target', chain)[3]).toBeGreaterThan(FLOW_DIMMED_ALPHA);
    const s = { ...state, selection: 'x:1' };
    const a = flowsLayer.build({ input: { flows, mask: new Uint8Array([1, 1, 1]), visible: true, chain }, state: s, zoomLevel: 4 });
    const mask = new Uint8Array([1, 0, 1]);
    const b = flowsLayer.build({ input: { flows, mask, visible: true, chain }, state: s, zoomLevel: 4 });
    expect(b[0]!.id).toBe('flows');
    expect(b[0]!.props.data).toBe(a[0]!.props.data);
    expect((b[0]!.props.updateTriggers as Record<string, unknown>).getFilterValue).toBe(maskVersion(mask));
    expect((a[0]!.props.updateTriggers as Record<string, unknown>).getFilterValue).not.toBe(maskVersion(mask));
    expect((b[0]!.props as unknown as { greatCircle: boolean }).greatCircle).toBe(false);
  });
});
