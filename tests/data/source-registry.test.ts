import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceAdapter } from '../../data/pipeline/adapter-types.ts';
import { BUILD_STEPS, BuildFailure, buildAtlas } from '../../data/pipeline/build.ts';
import { defaultRegistry } from '../../data/pipeline/sources/default-sources.ts';
import { SourceRegistry, SourceRegistryError, type SourceEntry } from '../../data/pipeline/sources/registry.ts';
import { FIXTURES, REPO } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-registry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const meta = { title: 'T', publisher: 'P', url: 'https://example.org', licence: 'CC0', asOf: '2024' };
const adapter = (id: string, layer: 'minerals' | 'chargers' = 'minerals'): SourceAdapter => ({
  sourceId: id,
  origin: 'curated',
  inputs: ['assembly-plants.csv'],
  parse: () => ({
    source: { id, ...meta, origin: 'curated' },
    rowsRead: 1,
    quarantined: [],
    records: [{ layer, sourceRecordId: '1', name: 'x', lon: -100, lat: 40, statedCountry: 'US', statedState: null, precision: 'exact', attributes: {} }],
  }),
});

describe('source registry', () => {
  it('registers every charger, supply, curated, live, flow and override source the same way', () => {
    const r = defaultRegistry();
    const ids = r.all().map((e) => e.id);
    for (const id of [
      'afdc-us-2022',
      'supercharge-info-2021',
      'ocm-mx-2019',
      'cim',
      'minmod',
      'curated-assembly-plants',
      'afdc-us-live',
      'ocm-mx-live',
      'curated-flows',
      'jv-ownership-links',
      'curated-overrides',
      'census-2020-cenpop',
      'inegi-censo-2020',
      'inegi-mg-2015',
      'afdc-bev-2023',
      'curated-state-populations',
      'mx-state-charger-figures',
    ])
      expect(ids).toContain(id);
    for (const e of r.all()) {
      expect(e.datasets.length, e.id).toBeGreaterThan(0);
      expect(['records', 'flows', 'overrides', 'auxiliary']).toContain(e.role);
      if (e.role === 'auxiliary') for (const d of e.datasets) expect(['states', 'population', 'policies']).toContain(d);
      expect(e.meta.title, e.id).not.toBe('');
    }
    // run order: live, charger snapshots, supply, curated
    expect(ids.indexOf('afdc-us-live')).toBeLessThan(ids.indexOf('afdc-us-2022'));
    expect(ids.indexOf('ocm-mx-2019')).toBeLessThan(ids.indexOf('cim'));
  });

  it('an unknown source id, a missing role or dataset, or a records source without adapter is an error', () => {
    const r = defaultRegistry();
    expect(() => r.get('no-such-source')).toThrow(SourceRegistryError);
    expect(() => r.get('no-such-source')).toThrow(/unknown source "no-such-source"/);
    expect(() => r.only(['afdc-us-2022', 'typo'])).toThrow(/unknown source "typo"/);
    const ok: SourceEntry = { id: 'x', origin: 'curated', role: 'records', datasets: ['minerals'], meta, adapter: adapter('x') };
    expect(() => new SourceRegistry([{ ...ok, role: undefined as unknown as 'records' }])).toThrow(/"x" has no valid role/);
    expect(() => new SourceRegistry([{ ...ok, datasets: [] }])).toThrow(/"x" declares no dataset/);
    expect(() => new SourceRegistry([{ ...ok, datasets: ['flows'] }])).toThrow(/records source feeds point datasets/);
    expect(() => new SourceRegistry([{ ...ok, adapter: undefined }])).toThrow(/without an adapter/);
    expect(() => new SourceRegistry([{ ...ok, adapter: adapter('y') }])).toThrow(/adapter of "y"/);
    expect(() => new SourceRegistry([ok, ok])).toThrow(/registered twice/);
    const aux: SourceEntry = { id: 'a', origin: 'snapshot', role: 'auxiliary', datasets: ['states'], meta, input: 'a.csv' };
    expect(() => new SourceRegistry([aux])).not.toThrow();
    expect(() => new SourceRegistry([{ ...aux, datasets: ['chargers'] }])).toThrow(/auxiliary source feeds auxiliary datasets/);
    expect(() => new SourceRegistry([{ ...ok, datasets: ['states'] }])).toThrow(/unknown dataset "states"/);
  });

  it('the build runs named steps and fails clearly when a source yields a dataset it does not declare', async () => {
    const base = {
      snapshotDir: join(tmp, 'none'),
      curatedDir: join(REPO, 'data/curated'),
      liveDir: null,
      basemapPath: join(FIXTURES, 'states-fixture.geojson'),
      baselinePath: null,
      supply: { layerMergers: {} },
    };
    const flowsAndOverrides = defaultRegistry()
      .all()
      .filter((e) => e.role !== 'records');
    const logs: string[] = [];
    const good = new SourceRegistry([{ id: 'x', origin: 'curated', role: 'records', datasets: ['minerals'], meta, adapter: adapter('x') }, ...flowsAndOverrides]);
    const r = await buildAtlas({ ...base, outDir: join(tmp, 'ok'), sources: good, log: (s) => logs.push(s) });
    expect(r.steps.map((s) => s.name)).toEqual([...BUILD_STEPS]);
    expect(logs.filter((l) => /^ {2}step \w+ +\d+ ms$/.test(l))).toHaveLength(BUILD_STEPS.length);
    expect(r.manifest.sources.x).toMatchObject({ rowsRead: 1, origin: 'curated' });
    // the fixture basemap has no 51 + 32 state polygons: no state table, and a warning says so
    expect(r.manifest.auxiliary).toBeUndefined();
    expect(r.manifest.warnings.map((w) => w.code)).toContain('auxiliary-missing');
    // the auxiliary step's sources are registered like the others: one missing is an unknown source
    const noAux = new SourceRegistry([
      { id: 'x', origin: 'curated', role: 'records', datasets: ['minerals'], meta, adapter: adapter('x') },
      ...flowsAndOverrides.filter((e) => e.id !== 'census-2020-cenpop'),
    ]);
    await expect(buildAtlas({ ...base, outDir: join(tmp, 'no-aux'), sources: noAux })).rejects.toThrow(/unknown source "census-2020-cenpop"/);
    const liar = new SourceRegistry([
      { id: 'x', origin: 'curated', role: 'records', datasets: ['minerals'], meta, adapter: adapter('x', 'chargers') },
      ...flowsAndOverrides,
    ]);
    const p = buildAtlas({ ...base, outDir: join(tmp, 'bad'), sources: liar });
    await expect(p).rejects.toThrow(BuildFailure);
    await expect(p).rejects.toThrow(/"x" yields records of chargers, which it does not declare/);
  });
});
