/** Live refresh: fetch AFDC and Open Charge Map into data/cache/live/, then the build reads the cache
 *  through the same parsers as the snapshots (origin 'live'). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceAdapter } from '../adapter-types.ts';
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

/** A source adapter plus where its relative inputs live and which origin it reports. */
export interface PlannedAdapter {
  adapter: SourceAdapter;
  origin: 'snapshot' | 'live' | 'curated';
  /** folder for relative inputs (absolute inputs are read as they are) */
  baseDir: string;
}

/** Live adapters for whatever is in the cache, and the snapshot source ids they replace. */
export function liveAdapters(liveDir: string, snapshotOcmRef: string | null): { planned: PlannedAdapter[]; replaces: string[] } {
  const meta = readLiveMeta(liveDir);
  const has = (f: string) => existsSync(join(liveDir, f));
  const date = (f: string) => (meta[f]?.fetchedAt ?? '').slice(0, 10) || 'unknown';
  const planned: PlannedAdapter[] = [];
  const replaces: string[] = [];
  if (has(LIVE_FILES.afdc)) {
    planned.push({
      origin: 'live',
      baseDir: liveDir,
      adapter: {
        sourceId: AFDC_LIVE_ID, origin: 'snapshot', inputs: [LIVE_FILES.afdc],
        parse: (files) => parseAfdcFull(files[LIVE_FILES.afdc]!, { sourceId: AFDC_LIVE_ID, title: 'AFDC electric vehicle charging stations, US (live API)', asOf: date(LIVE_FILES.afdc), origin: 'live' }),
      },
    });
    replaces.push('afdc-us-2022', 'afdc-ny-2025');
  }
  const refPath = has(LIVE_FILES.ocmRef) ? join(liveDir, LIVE_FILES.ocmRef) : snapshotOcmRef;
  for (const [file, id, cc] of [[LIVE_FILES.ocmMX, OCM_LIVE_MX_ID, 'Mexico'], [LIVE_FILES.ocmUS, OCM_LIVE_US_ID, 'the United States']] as const) {
    if (!has(file) || !refPath || !existsSync(refPath)) continue;
    planned.push({
      origin: 'live',
      baseDir: liveDir,
      adapter: {
        sourceId: id, origin: 'snapshot', inputs: [file, refPath],
        parse: (files) => parseOcm(files[file]!, parseOcmReference(files[refPath]!), { sourceId: id, title: `Open Charge Map POIs in ${cc} (live API)`, asOf: date(file), origin: 'live' }),
      },
    });
    if (id === OCM_LIVE_MX_ID) replaces.push('ocm-mx-2019');
  }
  return { planned, replaces };
}
