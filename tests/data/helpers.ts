import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { StateIndex } from '../../data/pipeline/geo/state-index.ts';
import { readInputBytes } from '../../data/pipeline/io/read-input.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
export const SHARED = resolve(REPO, process.env.ATLAS_SNAPSHOT_DIR ?? '../shared/data');
export const HAS_SHARED = existsSync(join(SHARED, 'chargers'));
if (!HAS_SHARED) console.warn(`[tests/data] ${SHARED} not found: tests against the real recorded samples are SKIPPED`);
export const REAL_STATES = join(REPO, 'public/basemap/states.geojson');
export const HAS_REAL_STATES = existsSync(REAL_STATES);
export const FIXTURES = join(here, 'fixtures');

export function shared(rel: string): Buffer {
  return readInputBytes(join(SHARED, rel));
}
export function fixture(rel: string): Buffer {
  return readFileSync(join(FIXTURES, rel));
}
export function fixtureStates(): StateIndex {
  return new StateIndex(JSON.parse(readFileSync(join(FIXTURES, 'states-fixture.geojson'), 'utf8')) as FeatureCollection);
}
let real: StateIndex | null = null;
export function realStates(): StateIndex {
  real ??= new StateIndex(JSON.parse(readFileSync(REAL_STATES, 'utf8')) as FeatureCollection);
  return real;
}
/** Real basemap when present, else the fixture boxes. */
export function anyStates(): StateIndex {
  return HAS_REAL_STATES ? realStates() : fixtureStates();
}
