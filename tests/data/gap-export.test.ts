/** states.csv's gap columns (npm run data:export) equal what the app computes for the same filters. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AtlasManifest } from '../../src/data/atlas-format.ts';
import { decodeColumnTable } from '../../src/data/column-codec.ts';
import type { LayerColumns } from '../../src/data/atlas-data.ts';
import { computeLayerMask } from '../../src/filters/layer-mask.ts';
import { chargersLayer } from '../../src/map/layers/chargers.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import * as gap from '../../src/analysis/gap.ts';
import { analyse } from '../../src/analysis/use-gap.ts';
import { exportStatesCsv } from '../../data/pipeline/output/export-states.ts';
import { REPO } from './helpers.ts';

const BUILT = join(REPO, 'public/data');
const manifestPath = join(BUILT, 'manifest.json');
const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as AtlasManifest) : null;
const ready = !!manifest?.auxiliary?.population?.files.columns && !!manifest.layers.chargers?.files.columns;

function columns(file: string, specs: NonNullable<AtlasManifest['layers']['chargers']['columns']>) {
  const bytes = readFileSync(join(BUILT, file));
  return decodeColumnTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, specs);
}

describe.skipIf(!ready)('states.csv gap columns (built public/data)', () => {
  it('equal the app’s figures for the default filters, all chargers and DC fast only, at 50 km', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gap-export-'));
    exportStatesCsv(BUILT, dir);
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'states.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const c = manifest!.layers.chargers;
    const decoded = columns(c.files.columns!, c.columns!);
    const chargers: LayerColumns = {
      dataset: 'chargers',
      rowCount: decoded.position!.values.length / 2,
      position: decoded.position!.values as Float32Array,
      columns: decoded,
    };
    const p = manifest!.auxiliary!.population!;
    const points = gap.populationPointsOf(columns(p.files.columns!, p.columns!))!;
    const state = defaultAtlasState();
    expect(state.gapRadiusKm).toBe(50);
    const mask = computeLayerMask(chargers, state, chargersLayer.filters, chargersLayer.where);
    const app = analyse({ gap, points, chargers, mask, radiusKm: state.gapRadiusKm, countries: state.countries, stateFilter: null });
    // the app's DC fast figure: the same mask with the level filter set to DC only
    const dcMask = computeLayerMask(chargers, { ...state, filters: { ...state.filters, chargerLevel: ['DC'] } }, chargersLayer.filters, chargersLayer.where);
    const dcApp = analyse({ gap, points, chargers, mask: dcMask, radiusKm: 50, countries: state.countries, stateFilter: null });
    expect(app.dcFast.figures.byState).toEqual(dcApp.result.figures.byState);
    let checked = 0;
    for (const row of csv) {
      const all = app.result.figures.byState.get(row.state_code!);
      const dc = app.dcFast.figures.byState.get(row.state_code!);
      if (!all) {
        expect(row.pop_beyond_50km).toBe('');
        continue;
      }
      expect(Number(row.pop_beyond_50km), row.state_code).toBe(all.beyond);
      expect(Number(row.share_beyond_50km), row.state_code).toBeCloseTo(all.share!, 6);
      expect(Number(row.dcfast_pop_beyond_50km), row.state_code).toBe(dc!.beyond);
      expect(Number(row.dcfast_share_beyond_50km), row.state_code).toBeCloseTo(dc!.share!, 6);
      checked++;
    }
    expect(checked).toBe(83);
  });
});
