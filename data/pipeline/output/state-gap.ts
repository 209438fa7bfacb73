/**
 * Charging-gap figures per state for the states.csv export, computed from the built output with the app's own
 * module (src/analysis/gap.ts): people whose straight-line distance to the nearest charger is beyond 50 km, for the
 * default filters (every charger, both countries) and for DC fast chargers only (the level filter set to DC; a lower
 * bound on coverage, since most US sites of the 2022 snapshot have no known level).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POPULATION_DATASET_ID, type AtlasManifest } from '../../../src/data/atlas-format.ts';
import { decodeColumnTable } from '../../../src/data/column-codec.ts';
import { buildChargerIndex, computeGap, DEFAULT_GAP_RADIUS_KM, levelMask, populationPointsOf, type GapFigure } from '../../../src/analysis/gap.ts';

export interface StateGap {
  all: GapFigure;
  dcFast: GapFigure;
}

function readColumns(builtDir: string, file: string, specs: NonNullable<AtlasManifest['auxiliary']>[string]['columns']) {
  const bytes = readFileSync(join(builtDir, file));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return decodeColumnTable(buffer, specs ?? []);
}

/** Per state code, people beyond `radiusKm` of any charger and of any DC fast charger; null when the build lacks chargers or population points. */
export function stateGapFigures(builtDir: string, radiusKm: number = DEFAULT_GAP_RADIUS_KM): Map<string, StateGap> | null {
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as AtlasManifest;
  const chargers = manifest.layers.chargers;
  const population = manifest.auxiliary?.[POPULATION_DATASET_ID];
  if (!chargers?.files.columns || !chargers.columns || !population?.files.columns || !population.columns) return null;
  const chargerColumns = readColumns(builtDir, chargers.files.columns, chargers.columns);
  const points = populationPointsOf(readColumns(builtDir, population.files.columns, population.columns));
  const position = chargerColumns.position?.values;
  const level = chargerColumns.level;
  if (!points || !(position instanceof Float32Array) || !level) return null;
  const index = buildChargerIndex(position);
  const all = computeGap(index, null, points, null, radiusKm, { candidates: 0 }).figures.byState;
  const dc = computeGap(index, levelMask(level.values, level.spec.categories ?? [], 'DC'), points, null, radiusKm, { candidates: 0 }).figures.byState;
  const result = new Map<string, StateGap>();
  for (const [code, figure] of all) result.set(code, { all: figure, dcFast: dc.get(code)! });
  return result;
}

/** A share in 0..1 rounded to 6 decimals, or null. */
export function roundShare(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1e6) / 1e6;
}
