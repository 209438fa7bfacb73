import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasManifest } from '../../src/data/atlas-format.ts';
import { BuildFailure, buildAtlas, type BuildOptions } from '../../data/pipeline/build.ts';
import { TruncationError } from '../../data/pipeline/baseline.ts';
import { decodeColumn } from '../../data/pipeline/output/columns.ts';
import { exportGeojson } from '../../data/pipeline/output/export-geojson.ts';
import { readLayerDetails } from '../../data/pipeline/output/read-details.ts';
import { defaultRegistry } from '../../data/pipeline/sources/default-sources.ts';
import { FIXTURES, HAS_REAL_STATES, HAS_SHARED, REAL_STATES, REPO, SHARED } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const basemap = HAS_REAL_STATES ? REAL_STATES : join(FIXTURES, 'states-fixture.geojson');
const opts = (over: Partial<BuildOptions>): BuildOptions => ({
  snapshotDir: SHARED,
  curatedDir: join(REPO, 'data/curated'),
  outDir: join(tmp, 'out'),
  liveDir: null,
  basemapPath: basemap,
  baselinePath: join(REPO, 'data/baseline-counts.json'),
  ...over,
});
const read = <T>(dir: string, f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T;

describe.skipIf(!HAS_SHARED)('full build from the snapshots into a temp dir', () => {
  const out = join(tmp, 'full');
  let m: AtlasManifest;
  let stats: Awaited<ReturnType<typeof buildAtlas>>['stats'];
  beforeAll(async () => {
    const r = await buildAtlas(opts({ outDir: out }));
    m = r.manifest;
    stats = r.stats;
  }, 120_000);

  it('manifest counts equal the layer files (details rows, column lengths, flows, quarantine)', () => {
    for (const layer of ['chargers', 'minerals', 'battery-plants', 'assembly-plants'] as const) {
      const lm = m.layers[layer];
      const recs = readLayerDetails(out, lm);
      expect(recs.length).toBe(lm.count);
      // chunks cover consecutive rows, sorted by id, and name their first and last ids
      let nextRow = 0;
      for (const chunk of lm.files.detailChunks!) {
        expect(chunk.firstRow).toBe(nextRow);
        expect(recs[chunk.firstRow]!.id).toBe(chunk.firstId);
        expect(recs[chunk.firstRow + chunk.rowCount - 1]!.id).toBe(chunk.lastId);
        nextRow += chunk.rowCount;
      }
      expect(nextRow).toBe(lm.count);
      expect(recs.every((r, i) => i === 0 || recs[i - 1]!.id < r.id)).toBe(true);
      expect(lm.countByCountry.US + lm.countByCountry.MX).toBe(lm.count);
      expect(recs.filter((r) => r.country === 'MX').length).toBe(lm.countByCountry.MX);
      expect(Object.values(lm.countByState).reduce((a, b) => a + b, 0)).toBe(recs.filter((r) => r.state).length);
      const bin = readFileSync(join(out, lm.files.columns!));
      expect(bin.byteLength).toBe(lm.files.bytes[lm.files.columns!]);
      for (const c of lm.columns!) {
        expect(c.byteOffset % 4).toBe(0);
        expect(c.length).toBe(c.kind === 'position' ? 2 * lm.count : lm.count);
      }
      // row order: sorted by id, positions match the details
      expect(recs.map((r) => r.id)).toEqual([...recs.map((r) => r.id)].sort());
      const positionSpec = lm.columns!.find((c) => c.name === 'position')!;
      expect(positionSpec.encoding).toBe('byte-shuffle');
      const pos = decodeColumn(bin, positionSpec);
      recs.forEach((record, row) => {
        expect(pos[row * 2]).toBeCloseTo(record.lon, 4);
        expect(pos[row * 2 + 1]).toBeCloseTo(record.lat, 4);
      });
    }
    expect(read<unknown[]>(out, 'flows.json').length).toBe(m.layers.flows.count);
    expect(read<unknown[]>(out, 'quarantine.json').length).toBe(m.quarantine.total);
  });

  it('every row is accounted for: read = kept + merged + out of scope + quarantined', () => {
    for (const s of stats.filter((x) => !x.missing)) {
      expect(s.kept + s.merged + s.outOfScope + s.quarantined, s.sourceId).toBe(s.rowsRead);
      const src = m.sources[s.sourceId]!;
      expect(src.rowsRead).toBe(s.rowsRead);
      expect(src.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('chargers: US and MX present, 2022 zero-longitude row quarantined, coverage says partial with the MX reference', () => {
    const c = m.layers.chargers;
    expect(c.countByCountry.US).toBeGreaterThan(49000);
    expect(c.countByCountry.MX).toBeGreaterThan(20);
    const q = read<{ sourceId: string; recordId: string | null; reason: string }[]>(out, 'quarantine.json');
    expect(q.find((x) => x.sourceId === 'afdc-us-2022' && x.recordId === '191112')?.reason).toMatch(/longitude is 0/);
    expect(c.coverage.US.level).toBe('partial');
    expect(c.coverage.MX).toMatchObject({ level: 'partial', messageKey: 'coverage.chargers.MX' });
    if (existsSync(join(REPO, 'data/curated/charger-coverage-references.csv'))) expect(c.coverage.MX.reference?.value).toBeGreaterThan(1000);
    const nets = c.columns!.find((x) => x.name === 'network')!.categories!;
    expect(nets[0]).toBe('unknown');
    expect(nets[nets.length - 1]).toBe('other');
    expect(nets.length).toBeLessThanOrEqual(17);
  });

  it('GeoJSON export: one file per layer, same records, with provenance', () => {
    const dir = join(tmp, 'export');
    const w = exportGeojson(out, dir);
    expect(w).toHaveLength(5);
    const fc = read<{ features: { properties: { sources: { sourceName: string; licence: string; asOf: string }[] } }[] }>(dir, 'chargers.geojson');
    expect(fc.features.length).toBe(m.layers.chargers.count);
    expect(fc.features[0]!.properties.sources[0]).toMatchObject({ sourceName: expect.any(String), licence: expect.any(String), asOf: expect.any(String) });
    const flows = read<{ features: { geometry: { type: string } }[] }>(dir, 'flows.geojson');
    expect(flows.features.every((f) => f.geometry.type === 'LineString')).toBe(true);
  });
});

describe('failure modes and curated-only mode', () => {
  it('curated-only: no snapshot folder still builds; snapshot sources are missing with a reason; warnings say so', async () => {
    const out = join(tmp, 'curated-only');
    const r = await buildAtlas(opts({ snapshotDir: join(tmp, 'no-such-folder'), outDir: out, baselinePath: null }));
    const m = r.manifest;
    expect(m.mode).toBe('curated-only');
    expect(m.sources['afdc-us-2022']).toMatchObject({ missing: true, missingReason: expect.stringContaining('not found') });
    expect(m.warnings.map((w) => w.code)).toContain('snapshots-missing');
    expect(m.layers.chargers.count).toBe(0);
    expect(m.layers.chargers.coverage.MX.level).toBe('none');
    if (existsSync(join(REPO, 'data/curated/assembly-plants.csv')) && existsSync(join(REPO, 'data/pipeline/supply/index.ts'))) {
      expect(m.layers['assembly-plants'].count).toBeGreaterThan(0);
    }
    expect(read<AtlasManifest>(out, 'manifest.json').formatVersion).toBe(m.formatVersion);
  }, 60_000);

  it.skipIf(!HAS_SHARED)('schema drift fails the build naming the source and the column', async () => {
    const snap = join(tmp, 'drift');
    mkdirSync(join(snap, 'chargers'), { recursive: true });
    copyFileSync(join(FIXTURES, 'bad/afdc-missing-column.csv'), join(snap, 'chargers/afdc-us-elec-2022-01.csv.gz'));
    const p = buildAtlas(
      opts({ snapshotDir: snap, outDir: join(tmp, 'drift-out'), baselinePath: null, supply: { layerMergers: {} }, sources: defaultRegistry().only(['afdc-us-2022']) }),
    );
    await expect(p).rejects.toThrow(BuildFailure);
    await expect(p).rejects.toThrow(/afdc-us-2022.*"Longitude"/s);
  });

  it('a source with far fewer rows than the baseline fails the build (truncated download); ATLAS_ALLOW_SHRINK accepts it', async () => {
    const snap = join(tmp, 'shrunk');
    mkdirSync(join(snap, 'chargers'), { recursive: true });
    copyFileSync(join(FIXTURES, 'bad/afdc-bom-crlf.csv'), join(snap, 'chargers/afdc-us-elec-2022-01.csv.gz'));
    const baseline = join(tmp, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ 'afdc-us-2022': 50270 }));
    const base = { snapshotDir: snap, baselinePath: baseline, supply: { layerMergers: {} }, sources: defaultRegistry().only(['afdc-us-2022']) };
    await expect(buildAtlas(opts({ ...base, outDir: join(tmp, 'shr1') }))).rejects.toThrow(TruncationError);
    const ok = await buildAtlas(opts({ ...base, outDir: join(tmp, 'shr2'), allowShrink: true }));
    expect(ok.manifest.layers.chargers.count).toBe(2);
    expect(ok.manifest.warnings.map((w) => w.code)).toContain('source-shrunk');
  });
});
