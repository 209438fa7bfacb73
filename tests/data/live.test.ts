import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAtlas } from '../../data/pipeline/build.ts';
import { fetchLive, LIVE_FILES, liveUrls } from '../../data/pipeline/live/live-sources.ts';
import { defaultRegistry } from '../../data/pipeline/sources/default-sources.ts';
import { FIXTURES, HAS_REAL_STATES, HAS_SHARED, REAL_STATES, REPO, SHARED } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-live-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('live refresh path (never touches the network in tests)', () => {
  it('URLs ask AFDC for ELEC stations in the US (all statuses and access) and OCM for MX/US compact JSON', () => {
    const u = liveUrls(5000);
    expect(u.afdc).toContain('fuel_type=ELEC');
    expect(u.afdc).toContain('country=US');
    expect(u.afdc).toContain('status=all');
    expect(u.ocmMX).toContain('countrycode=MX');
    expect(u.ocmMX).toContain('compact=true');
    expect(u.ocmUS).toContain('countrycode=US');
  });

  it('without API keys nothing is fetched and the reasons are clear', async () => {
    const logs: string[] = [];
    const rep = await fetchLive(join(tmp, 'nokeys'), {}, 1000, (s) => logs.push(s));
    expect(rep.fetched).toEqual([]);
    expect(rep.failed.map((f) => f.reason).join(' ')).toMatch(/NREL_API_KEY is not set.*OCM_API_KEY is not set/);
  });

  it.skipIf(!HAS_SHARED)(
    'cached live responses (recorded real formats) go through the same adapters and win over snapshots',
    async () => {
      const live = join(tmp, 'live');
      mkdirSync(live, { recursive: true });
      writeFileSync(join(live, LIVE_FILES.afdc), gunzipSync(readFileSync(join(SHARED, 'chargers/afdc-ny-full-columns-2025-02.csv.gz'))));
      copyFileSync(join(SHARED, 'chargers/ocm/mx-pois-2018-2019.json'), join(live, LIVE_FILES.ocmMX));
      writeFileSync(join(live, 'fetched.json'), JSON.stringify({ [LIVE_FILES.afdc]: { fetchedAt: '2025-05-01T00:00:00Z', url: 'x', bytes: 1 } }));
      const r = await buildAtlas({
        snapshotDir: SHARED,
        curatedDir: join(REPO, 'data/curated'),
        outDir: join(tmp, 'out'),
        liveDir: live,
        basemapPath: HAS_REAL_STATES ? REAL_STATES : join(FIXTURES, 'states-fixture.geojson'),
        baselinePath: null,
        supply: { layerMergers: {} },
        sources: defaultRegistry().withoutRecordsOf(['minerals', 'battery-plants', 'assembly-plants']),
      });
      const m = r.manifest;
      expect(m.mode).toBe('live');
      expect(m.sources['afdc-us-live']).toMatchObject({ origin: 'live', asOf: '2025-05-01', rowsRead: 4857 });
      expect(m.sources['ocm-mx-live']).toMatchObject({ origin: 'live', rowsRead: 100 });
      expect(m.sources['afdc-us-2022']).toBeUndefined();
      expect(m.sources['ocm-mx-2019']).toBeUndefined();
      expect(m.sources['supercharge-info-2021']?.origin).toBe('snapshot');
      expect(m.layers.chargers.coverage.US.level).toBe('complete');
      expect(m.layers.chargers.countByCountry.US).toBeGreaterThan(4700);
    },
    60_000,
  );
});
