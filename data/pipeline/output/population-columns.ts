/** population.columns.bin: the population points (US county centres of population, Mexican municipio centres) as
 *  binary columns (src/data/column-codec.ts): position, country, state, population (number), precision. */
import type { ColumnSpec } from '../../../src/data/atlas-format.ts';
import { encodeColumnTable } from '../../../src/data/column-codec.ts';
import type { PopulationPoint } from '../population/types.ts';

/** float32 holds every whole number up to 2^24 exactly (the largest county, Los Angeles, has about 10 million people) */
const FLOAT32_EXACT = 2 ** 24;

export function encodePopulationColumns(points: readonly PopulationPoint[]): { bytes: Buffer; columns: ColumnSpec[] } {
  const n = points.length;
  const position = new Float32Array(n * 2);
  const country = new Uint8Array(n);
  const state = new Uint8Array(n);
  const population = new Float32Array(n);
  const precision = new Uint8Array(n);
  const countries = ['unknown', 'US', 'MX'];
  const states = ['unknown', ...[...new Set(points.map((p) => p.state).filter(Boolean))].sort()];
  const precisions = ['unknown', 'exact', 'approximate'];
  if (states.length > 256) throw new Error('population: more than 255 states');
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  points.forEach((p, i) => {
    if (!Number.isInteger(p.population) || p.population < 0 || p.population > FLOAT32_EXACT)
      throw new Error(`population point ${p.id}: population ${p.population} cannot be stored exactly as float32`);
    position[i * 2] = p.lon;
    position[i * 2 + 1] = p.lat;
    country[i] = Math.max(0, countries.indexOf(p.country));
    state[i] = stateIndex.get(p.state) ?? 0;
    population[i] = p.population;
    precision[i] = p.approximate ? 2 : 1;
  });
  const { bytes, specs } = encodeColumnTable([
    { name: 'position', kind: 'position', values: position, shuffle: true },
    { name: 'country', kind: 'category', categories: countries, values: country },
    { name: 'state', kind: 'category', categories: states, values: state },
    { name: 'population', kind: 'number', values: population },
    { name: 'precision', kind: 'category', categories: precisions, values: precision },
  ]);
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), columns: specs };
}
