/**
 * The atlas's visual language: one colour per category value, shared by the map layers and the
 * legend so that a swatch always matches what is drawn. Saturated colours that survive a projector,
 * distinguishable for the common colour-vision deficiencies where the palette allows.
 */
export type Rgba = [number, number, number, number];

/** Each map layer's own colour (legend chip, panel border), referenced by its spec. */
export const LAYER_COLORS = {
  chargers: [0, 114, 178, 230],
  minerals: [181, 101, 29, 235],
  'battery-plants': [106, 27, 154, 235],
  'assembly-plants': [27, 120, 55, 240],
  flows: [33, 37, 41, 220],
} as const satisfies Record<string, Rgba>;

const UNKNOWN: Rgba = [120, 130, 140, 200];

export const CHARGER_LEVEL_COLORS: Record<string, Rgba> = {
  DC: [213, 94, 0, 240],
  L2: [0, 114, 178, 230],
  L1: [86, 180, 233, 230],
  unknown: [70, 100, 140, 170],
};

export const COMMODITY_COLORS: Record<string, Rgba> = {
  lithium: [123, 44, 191, 235],
  nickel: [0, 158, 115, 235],
  cobalt: [29, 53, 87, 235],
  graphite: [52, 58, 64, 235],
  manganese: [204, 121, 167, 235],
  copper: [181, 101, 29, 235],
  rare_earths: [230, 159, 0, 240],
  unknown: UNKNOWN,
};

export const PLANT_STAGE_COLORS: Record<string, Rgba> = {
  processing: [141, 110, 99, 240],
  cathode: [194, 24, 91, 240],
  anode: [69, 90, 100, 240],
  materials_other: [142, 36, 170, 240],
  cell: [106, 27, 154, 240],
  module_pack: [57, 73, 171, 240],
  recycling: [46, 125, 50, 240],
  lead_acid: [158, 158, 158, 220],
  other: [189, 189, 189, 220],
  unknown: UNKNOWN,
};

export const ASSEMBLY_EV_COLORS: Record<string, Rgba> = {
  ev_in_production: [27, 120, 55, 245],
  ev_announced: [127, 188, 65, 245],
  no_ev: [94, 107, 117, 235],
  unknown: UNKNOWN,
};

export const FLOW_MATERIAL_COLORS: Record<string, Rgba> = {
  ...COMMODITY_COLORS,
  cathode: [194, 24, 91, 220],
  anode: [69, 90, 100, 220],
  cells: [106, 27, 154, 220],
  modules_packs: [57, 73, 171, 220],
  vehicles: [27, 120, 55, 220],
  recycled_material: [46, 125, 50, 220],
  other: [120, 130, 140, 200],
};

/**
 * How a facility's status is drawn: operating = solid, under construction = lighter fill,
 * announced = ring only, cancelled/retired = grey ring, disputed = dark ring with a pale fill.
 */
export const STATUS_STYLE: Record<string, { fillAlpha: number; outline: Rgba; outlineWidth: number; grey?: boolean }> = {
  operating: { fillAlpha: 1, outline: [255, 255, 255, 230], outlineWidth: 1.5 },
  producing: { fillAlpha: 1, outline: [255, 255, 255, 230], outlineWidth: 1.5 },
  open: { fillAlpha: 1, outline: [255, 255, 255, 230], outlineWidth: 1 },
  under_construction: { fillAlpha: 0.55, outline: [33, 37, 41, 230], outlineWidth: 1.5 },
  construction: { fillAlpha: 0.55, outline: [33, 37, 41, 230], outlineWidth: 1.5 },
  planned: { fillAlpha: 0.35, outline: [33, 37, 41, 230], outlineWidth: 1.5 },
  announced: { fillAlpha: 0.12, outline: [33, 37, 41, 255], outlineWidth: 2 },
  evaluation: { fillAlpha: 0.35, outline: [33, 37, 41, 230], outlineWidth: 1.5 },
  disputed: { fillAlpha: 0.25, outline: [200, 0, 0, 255], outlineWidth: 2.5 },
  paused: { fillAlpha: 0.3, outline: [110, 110, 110, 255], outlineWidth: 2 },
  cancelled: { fillAlpha: 0.1, outline: [150, 150, 150, 255], outlineWidth: 1.5, grey: true },
  retired: { fillAlpha: 0.1, outline: [150, 150, 150, 255], outlineWidth: 1.5, grey: true },
  closed: { fillAlpha: 0.1, outline: [150, 150, 150, 255], outlineWidth: 1.5, grey: true },
  past_producer: { fillAlpha: 0.3, outline: [110, 110, 110, 255], outlineWidth: 1.5, grey: true },
  temporarily_unavailable: { fillAlpha: 0.4, outline: [110, 110, 110, 255], outlineWidth: 1.5 },
  occurrence: { fillAlpha: 0.7, outline: [255, 255, 255, 200], outlineWidth: 0.5 },
  unknown: { fillAlpha: 0.8, outline: [255, 255, 255, 200], outlineWidth: 1 },
};

export function colorOf(palette: Record<string, Rgba>, value: string | null | undefined): Rgba {
  return palette[value ?? 'unknown'] ?? palette.unknown ?? UNKNOWN;
}

export function cssColor([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}
