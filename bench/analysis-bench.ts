/**
 * The analysis work redone after a filter change, measured in Node with the app's own code.
 *
 * Charging gap: the recomputation after a filter change, measured in Node on a built atlas (bench/dist/atlas or
 * the 1M-row atlas-scale): for each change of the bench's filter cycle (Mexico only, DC fast only, all), the
 * chargers' mask (src/filters/layer-mask.ts) and the app's gap analysis (src/analysis/use-gap.ts `analyse`:
 * nearest visible charger for 5,612 population points, figures, 20 greedy candidates, and the same for DC fast
 * only), at R = 50 km. Also the one-time index build and the nearest-charger step alone with each search
 * strategy ('skip' masked chargers in the full index vs 'rebuild' an index of the visible ones).
 */
import { readFileSync } from 'node:fs';
import type { StateRecord } from '../src/data/atlas-format.ts';
import { classOf, quantileBreaks } from '../src/analysis/classes.ts';
import { countByState, stateValues } from '../src/analysis/state-measures.ts';
import { join } from 'node:path';
import type { AtlasManifest } from '../src/data/atlas-format.ts';
import type { LayerColumns } from '../src/data/atlas-data.ts';
import { decodeColumnTable } from '../src/data/column-codec.ts';
import * as gap from '../src/analysis/gap.ts';
import { analyse } from '../src/analysis/use-gap.ts';
import { computeLayerMask } from '../src/filters/layer-mask.ts';
import { chargersLayer } from '../src/map/layers/chargers.ts';
import { defaultAtlasState } from '../src/state/atlas-state.ts';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const stats = (xs: number[]) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

export interface GapBench {
  chargers: number;
  populationPoints: number;
  indexBuildMs: number;
  recomputeMs: { median: number; p95: number; n: number };
  byFilter: Record<string, { median: number; p95: number; n: number }>;
  nearestMs: Record<string, { skip: number; rebuild: number; auto: string }>;
}

type ColumnSpecs = NonNullable<AtlasManifest['layers']['chargers']['columns']>;

function readBuild(dataDir: string) {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as AtlasManifest;
  const read = (file: string, specs: ColumnSpecs) => {
    const b = readFileSync(join(dataDir, file));
    return decodeColumnTable(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, specs);
  };
  const c = manifest.layers.chargers;
  const decoded = read(c.files.columns!, c.columns!);
  const position = decoded.position!.values as Float32Array;
  const chargers: LayerColumns = { dataset: 'chargers', rowCount: position.length / 2, position, columns: decoded };
  return { manifest, read, chargers };
}

/** The bench's filter cycle (the same as the in-browser one): Mexico only, DC fast only, all. */
function filterCycle(): Record<string, Parameters<typeof computeLayerMask>[1]> {
  const base = defaultAtlasState();
  return {
    'mx-only': { countries: ['MX'], filters: base.filters },
    'dc-only': { countries: base.countries, filters: { ...base.filters, chargerLevel: ['DC'] } },
    all: { countries: base.countries, filters: base.filters },
  };
}

export function measureGapRecompute(dataDir: string, changes: number): GapBench {
  const { manifest, read, chargers } = readBuild(dataDir);
  const position = chargers.position;
  const p = manifest.auxiliary?.population;
  if (!p?.files.columns || !p.columns) throw new Error('no population points in this build');
  const points = gap.populationPointsOf(read(p.files.columns, p.columns))!;
  const base = defaultAtlasState();
  const filterStates = filterCycle();
  let start = performance.now();
  const index = gap.buildChargerIndex(position);
  const indexBuildMs = performance.now() - start;
  // warm the app's index cache (once per charger data, as in the app) and the JIT
  analyse({
    gap,
    points,
    chargers,
    mask: computeLayerMask(chargers, filterStates.all!, chargersLayer.filters),
    radiusKm: 50,
    countries: base.countries,
    stateFilter: null,
  });
  const all: number[] = [];
  const byFilter: Record<string, number[]> = {};
  const names = Object.keys(filterStates);
  for (let i = 0; i < changes; i++) {
    const name = names[i % names.length]!;
    const input = filterStates[name]!;
    start = performance.now();
    const mask = computeLayerMask(chargers, input, chargersLayer.filters);
    analyse({ gap, points, chargers, mask, radiusKm: 50, countries: input.countries, stateFilter: null });
    const ms = performance.now() - start;
    all.push(ms);
    (byFilter[name] ??= []).push(ms);
  }
  const nearestMs: GapBench['nearestMs'] = {};
  for (const name of names) {
    const mask = computeLayerMask(chargers, filterStates[name]!, chargersLayer.filters);
    const popMask = gap.populationMask(points, filterStates[name]!.countries, null);
    const time = (strategy: gap.SearchStrategy) => {
      const t0 = performance.now();
      gap.nearestChargerKm(index, mask, points, popMask, strategy);
      return performance.now() - t0;
    };
    time('skip');
    time('rebuild');
    nearestMs[name] = { skip: time('skip'), rebuild: time('rebuild'), auto: gap.nearestChargerKm(index, mask, points, popMask).strategy };
  }
  return {
    chargers: chargers.rowCount,
    populationPoints: points.rowCount,
    indexBuildMs,
    recomputeMs: stats(all),
    byFilter: Object.fromEntries(Object.entries(byFilter).map(([k, v]) => [k, stats(v)])),
    nearestMs,
  };
}

/** One line per strategy and filter, for the report. */
export function describeGapBench(b: GapBench): string {
  const nearest = Object.entries(b.nearestMs)
    .map(([f, s]) => `${f}: skip ${s.skip.toFixed(0)} ms, rebuild ${s.rebuild.toFixed(0)} ms (auto: ${s.auto})`)
    .join('; ');
  return `gap (${b.chargers.toLocaleString('en-US')} chargers, ${b.populationPoints.toLocaleString('en-US')} population points): index build ${b.indexBuildMs.toFixed(0)} ms once; nearest-charger step by strategy: ${nearest}`;
}

export interface ChoroplethBench {
  chargers: number;
  states: number;
  recomputeMs: { median: number; p95: number; n: number };
}

/**
 * The state choropleth redone after a filter change (chargers per 100,000 people): the chargers' mask, the
 * per-state counts, every state's value and ranks, the quantile classes and each state's class: the work
 * `useStateValues` and `useChoroplethData` do (the map's paint update is measured in the browser figures).
 */
export function measureChoroplethRecompute(dataDir: string, changes: number): ChoroplethBench {
  const { manifest, chargers } = readBuild(dataDir);
  const statesFile = manifest.auxiliary?.states?.files.data;
  if (!statesFile) throw new Error('no states dataset in this build');
  const states = JSON.parse(readFileSync(join(dataDir, statesFile), 'utf8')) as StateRecord[];
  const filterStates = filterCycle();
  const names = Object.keys(filterStates);
  const recompute = (input: Parameters<typeof computeLayerMask>[1]) => {
    const mask = computeLayerMask(chargers, input, chargersLayer.filters);
    const values = stateValues(states, countByState(chargers, mask), 'chargers', 'per100k').filter((v) => input.countries.includes(v.state.country));
    const breaks = quantileBreaks(values.map((v) => v.value));
    return values.map((v) => classOf(breaks, v.value));
  };
  recompute(filterStates.all!);
  const all: number[] = [];
  for (let i = 0; i < changes; i++) {
    const start = performance.now();
    recompute(filterStates[names[i % names.length]!]!);
    all.push(performance.now() - start);
  }
  return { chargers: chargers.rowCount, states: states.length, recomputeMs: stats(all) };
}
