/** Live refresh: fetch AFDC and Open Charge Map into data/cache/live/, then the build reads the cache
 *  through the same parsers as the snapshots (origin 'live'). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceContext, SourceEntry } from '../sources/registry.ts';
import { AFDC_LIVE_ID, parseAfdcFull } from '../chargers/afdc.ts';
import { OCM_LIVE_MX_ID, OCM_LIVE_US_ID, parseOcm, parseOcmReference } from '../chargers/ocm.ts';

export const LIVE_FILES = {
  afdc: 'afdc-us-elec.csv',
  ocmMX: 'ocm-mx-pois.json',
  ocmUS: 'ocm-us-pois.json',
  ocmRef: 'ocm-reference.json',
} as const;
const META = 'fetched.json';

export interface LiveMeta {
  [file: string]: { fetchedAt: string; url: string; bytes: number };
}

export function readLiveMeta(liveDir: string): LiveMeta {
  const p = join(liveDir, META);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as LiveMeta) : {};
}

export const AFDC_API = 'https://developer.nrel.gov/api/alt-fuel-stations/v1.csv';
export const OCM_API = 'https://api.openchargemap.io/v3';

/** URLs without keys (keys are added at fetch time and never written to disk). */
export function liveUrls(ocmMaxResults = 100000) {
  return {
    afdc: `${AFDC_API}?fuel_type=ELEC&country=US&status=all&access=all`,
    ocmMX: `${OCM_API}/poi?countrycode=MX&output=json&compact=true&verbose=false&maxresults=${ocmMaxResults}`,
    ocmUS: `${OCM_API}/poi?countrycode=US&output=json&compact=true&verbose=false&maxresults=${ocmMaxResults}`,
    ocmRef: `${OCM_API}/referencedata/?output=json`,
  };
}

async function fetchWithTimeout(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Buffer> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return Buffer.from(await res.arrayBuffer());
}

export interface FetchReport {
  fetched: string[];
  failed: { source: string; reason: string }[];
}

/** Fetch every live source it has a key for. Failures are reported, never fatal: the build falls back to snapshots. */
export async function fetchLive(liveDir: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000, log = console.log): Promise<FetchReport> {
  mkdirSync(liveDir, { recursive: true });
  const meta = readLiveMeta(liveDir);
  const urls = liveUrls();
  const report: FetchReport = { fetched: [], failed: [] };
  const save = (key: keyof typeof LIVE_FILES, url: string, buf: Buffer) => {
    writeFileSync(join(liveDir, LIVE_FILES[key]), buf);
    meta[LIVE_FILES[key]] = { fetchedAt: new Date().toISOString(), url, bytes: buf.length };
    report.fetched.push(LIVE_FILES[key]);
  };
  const attempt = async (key: keyof typeof LIVE_FILES, fetchUrl: string, headers: Record<string, string>, check: (b: Buffer) => void) => {
    const url = fetchUrl.replace(/api_key=[^&]+/, 'api_key=***');
    log(`  fetching ${url}`);
    try {
      const buf = await fetchWithTimeout(fetchUrl, headers, timeoutMs);
      check(buf);
      save(key, url, buf);
      log(`  ok: ${LIVE_FILES[key]} (${buf.length} bytes)`);
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const reason = err.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000}s` : err.cause?.code ? `network error ${err.cause.code} (offline?)` : err.message;
      report.failed.push({ source: key, reason });
      log(`  FAILED ${key}: ${reason}; the build will use the snapshot instead`);
    }
  };
  const nrel = env.NREL_API_KEY;
  if (!nrel) report.failed.push({ source: 'afdc', reason: 'NREL_API_KEY is not set (get a free key at https://developer.nrel.gov/signup/)' });
  else
    await attempt('afdc', `${urls.afdc}&api_key=${encodeURIComponent(nrel)}`, {}, (b) => {
      parseAfdcFull(b, { sourceId: AFDC_LIVE_ID, title: '', asOf: '', origin: 'live' }); // schema drift check before saving
    });
  const ocm = env.OCM_API_KEY;
  if (!ocm) report.failed.push({ source: 'ocm', reason: 'OCM_API_KEY is not set (get a key at https://openchargemap.org/site/develop/api)' });
  else {
    const h = { 'X-API-Key': ocm };
    await attempt('ocmRef', urls.ocmRef, h, (b) => void parseOcmReference(b));
    await attempt('ocmMX', urls.ocmMX, h, (b) => void JSON.parse(b.toString('utf8')));
    await attempt('ocmUS', urls.ocmUS, h, (b) => void JSON.parse(b.toString('utf8')));
  }
  for (const f of report.failed) if (f.reason.includes('not set')) log(`  skipped ${f.source}: ${f.reason}`);
  writeFileSync(join(liveDir, META), JSON.stringify(meta, null, 2));
  return report;
}

/** Live sources, registered in the source registry like every other source (data/pipeline/sources/default-sources.ts).
 *  Each builds its adapter from what is in the live cache; with nothing cached it is not planned (not "missing"). */
export function liveSourceEntries(): SourceEntry[] {
  const cached = (ctx: SourceContext, file: string) => !!ctx.liveDir && existsSync(join(ctx.liveDir, file));
  const date = (ctx: SourceContext, f: string) => (readLiveMeta(ctx.liveDir!)[f]?.fetchedAt ?? '').slice(0, 10) || 'unknown';
  const ocmRef = (ctx: SourceContext) => {
    if (cached(ctx, LIVE_FILES.ocmRef)) return join(ctx.liveDir!, LIVE_FILES.ocmRef);
    const snap = join(ctx.snapshotDir, SNAPSHOT_OCM_REFERENCE);
    return existsSync(snap) ? snap : null;
  };
  const ocm = (id: string, file: string, cc: string, replaces: string[]): SourceEntry => ({
    id,
    origin: 'live',
    role: 'records',
    datasets: ['chargers'],
    replaces,
    meta: {
      title: `Open Charge Map POIs in ${cc} (live API)`,
      publisher: 'Open Charge Map',
      url: 'https://openchargemap.org/',
      licence: 'CC BY-SA 4.0 (© Open Charge Map contributors)',
      asOf: 'date of the last fetch',
    },
    adapter: (ctx) => {
      const refPath = ocmRef(ctx);
      if (!cached(ctx, file) || !refPath) return null;
      return {
        sourceId: id,
        origin: 'snapshot',
        inputs: [file, refPath],
        parse: (files) =>
          parseOcm(files[file]!, parseOcmReference(files[refPath]!), {
            sourceId: id,
            title: `Open Charge Map POIs in ${cc} (live API)`,
            asOf: date(ctx, file),
            origin: 'live',
          }),
      };
    },
  });
  return [
    {
      id: AFDC_LIVE_ID,
      origin: 'live',
      role: 'records',
      datasets: ['chargers'],
      replaces: ['afdc-us-2022', 'afdc-ny-2025'],
      meta: {
        title: 'AFDC electric vehicle charging stations, US (live API)',
        publisher: 'US DOE Alternative Fuels Data Center (NREL)',
        url: 'https://afdc.energy.gov/stations',
        licence: 'Public domain (US government work)',
        asOf: 'date of the last fetch',
      },
      adapter: (ctx) =>
        cached(ctx, LIVE_FILES.afdc)
          ? {
              sourceId: AFDC_LIVE_ID,
              origin: 'snapshot',
              inputs: [LIVE_FILES.afdc],
              parse: (files) =>
                parseAfdcFull(files[LIVE_FILES.afdc]!, {
                  sourceId: AFDC_LIVE_ID,
                  title: 'AFDC electric vehicle charging stations, US (live API)',
                  asOf: date(ctx, LIVE_FILES.afdc),
                  origin: 'live',
                }),
            }
          : null,
    },
    ocm(OCM_LIVE_MX_ID, LIVE_FILES.ocmMX, 'Mexico', ['ocm-mx-2019']),
    ocm(OCM_LIVE_US_ID, LIVE_FILES.ocmUS, 'the United States', []),
  ];
}

/** The snapshot's OCM reference tables (inputs of the live OCM sources when no live reference is cached). */
export const SNAPSHOT_OCM_REFERENCE = 'chargers/ocm/reference-2021-08.json.gz';
