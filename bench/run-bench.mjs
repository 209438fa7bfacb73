#!/usr/bin/env node
/**
 * Benchmark: the atlas against two baselines (Leaflet + markercluster, maplibre clustered GeoJSON),
 * then the atlas with 1,000,000 synthetic chargers. See bench/README.md for what is measured and how.
 *
 *   npm run bench                      # build everything, 5 runs per page, then the 1M-row scale run
 *   npm run bench -- --runs 3          # runs per page (alternating atlas, leaflet, maplibre, atlas, ...)
 *   npm run bench -- --changes 6       # filter changes per run (pooled over runs; at least 21 in total)
 *   npm run bench -- --no-scale        # skip the scale run;  --scale-only: only the scale run
 *   npm run bench -- --scale-rows 1000000 --scale-runs 3
 *   npm run bench -- --skip-build      # reuse bench/dist from the previous run
 *   npm run bench -- --smoke --runs 1 --changes 3 --no-scale   # quick check that every page works
 *   npm run bench -- --quick           # the project's guard: same table and ratios in a few minutes (3 runs, 1 scale run)
 *   npm run bench -- --before <dir>    # also load another atlas build (e.g. of the previous commit) in the same alternation
 *   npm run bench -- --network slow-4g # every page load over a weak connection emulated by the bench's server
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ARRAY_TYPES, decodeColumnTable, encodeColumnTable } from '../src/data/column-codec.ts';
import { describeGapBench, measureChoroplethRecompute, measureGapRecompute } from './analysis-bench.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const DIST = join(BENCH, 'dist');
const RESULTS = join(BENCH, 'results');
const GZIP_LEVEL = 6;

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const stringOption = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : null;
};
/** --quick: the same pages, table and ratios with fewer runs (a few minutes), for a check after every change to the load or filter path. */
const QUICK = flag('quick');
const RUNS = Math.max(1, option('runs', QUICK ? 3 : 5));
const SMOKE = flag('smoke'); // a quick check of the pages: honours --changes as given (fewer than 21 changes in total)
const CHANGES_PER_RUN = SMOKE ? option('changes', 3) : Math.max(option('changes', 6), 3 * Math.ceil(21 / RUNS / 3));
const SCALE = !flag('no-scale');
const SCALE_ONLY = flag('scale-only');
const SCALE_ROWS = option('scale-rows', 1_000_000);
const SCALE_RUNS = Math.max(1, option('scale-runs', QUICK ? 1 : 3));
/** Another atlas build (a dist folder with index.html and data/) measured in the same alternation, chargers view only. */
const BEFORE_DIR = stringOption('before') ? resolve(stringOption('before')) : null;
const SCALE_CHANGES = SMOKE ? option('scale-changes', 3) : Math.max(option('scale-changes', 9), 3 * Math.ceil(21 / SCALE_RUNS / 3));
const SKIP_BUILD = flag('skip-build');
/**
 * --network <preset>: every page load over an emulated weak connection (the task force's sessions), emulated by
 * the bench's own server for every request: Chromium's network emulation (CDP) leaves out the requests of
 * workers, and maplibre fetches its tiles in one. Each response starts one round trip after its request; all
 * responses of a page share the download rate (see createLink).
 * slow-4g: the figures of Lighthouse's mobile "slow 4G" profile (150 ms round trip, 1.6 Mbps down).
 */
const NETWORK_PRESETS = {
  'slow-4g': { latency: 150, downloadThroughput: (1.6e6 / 8) | 0 },
};
const NETWORK_NAME = stringOption('network');
if (NETWORK_NAME !== null && !(NETWORK_NAME in NETWORK_PRESETS)) {
  console.error(`unknown --network ${NETWORK_NAME}; known: ${Object.keys(NETWORK_PRESETS).join(', ')}`);
  process.exit(2);
}
const NETWORK = NETWORK_NAME === null ? null : NETWORK_PRESETS[NETWORK_NAME];
const NETWORK_DESCRIPTION = NETWORK
  ? `network ${NETWORK_NAME}: every response ${NETWORK.latency} ms after its request, all of a page's responses sharing ${(NETWORK.downloadThroughput * 8) / 1e6} Mbps`
  : 'network: none emulated (127.0.0.1)';
const TIMEOUT_MS = option('timeout', 180_000);

const FILTERS = ['mx-only', 'dc-only', 'all'];
/**
 * The atlas is measured in its Infrastructure view (the chargers layer only): the same content as the
 * baselines. Its default view adds four more layers (see ATLAS_ALL_LAYERS_NOTE in bench/README.md).
 */
const ATLAS_VIEW = '#v=1&layers=chargers';
/** The atlas's default view (all five layers), measured for the target "all layers <= 1.2x the chargers view". */
const ATLAS_ALL_VIEW = '#v=1';
/** The atlas's URL for each filter (country and attribute filters are part of the fragment). */
const ATLAS_HASH = { 'mx-only': `${ATLAS_VIEW}&country=MX`, 'dc-only': `${ATLAS_VIEW}&f.chargerLevel=DC`, all: ATLAS_VIEW };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Every host name except 127.0.0.1 fails to resolve: nothing can leave the machine, at no cost per
  // request (page.route would intercept every request, including ours, and slow them all down).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Clock ticks per second of /proc/<pid>/stat's CPU times (getconf CLK_TCK; 100 on Linux when it cannot be read). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (ms, user + system) used so far by this machine's Chromium processes, by kind: the GPU process (software
 * GL runs there), renderers, the rest. Linux only (/proc): empty elsewhere. The bench runs one browser at a time, so
 * the difference across a page load is that load's.
 */
function chromiumCpuMs() {
  const out = { gpu: 0, renderer: 0, other: 0 };
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
      const kind = type === 'gpu-process' ? 'gpu' : type === 'renderer' ? 'renderer' : 'other';
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[kind] += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      // the process ended while it was read
    }
  }
  return out;
}

const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status}`);
}

// ---------------------------------------------------------------- statistics
const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);
const summary = (xs) => ({ n: sorted(xs).length, median: median(xs), p95: p95(xs), min: sorted(xs)[0] ?? NaN, max: sorted(xs).at(-1) ?? NaN });

// ---------------------------------------------------------------- files
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}
const gz = (buffer, level = GZIP_LEVEL) => gzipSync(buffer, { level }).length;

// ---------------------------------------------------------------- static server
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};
/** Already compressed formats are sent as they are; everything else gzip level 6, for all three pages alike. */
const INCOMPRESSIBLE = new Set(['.woff2', '.woff', '.png']);

const LINK_SLICE_BYTES = 16 * 1024;
const sleep = (ms) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * One emulated connection: a response's headers go out `latency` ms after its request, then its body in slices,
 * each slice taking its share of the link's rate in turn with the slices of every other response being sent.
 */
function createLink({ latency, downloadThroughput }) {
  const bytesPerMs = downloadThroughput / 1000;
  let linkFreeAt = 0;
  return async function send(res, status, headers, body) {
    await sleep(latency);
    res.writeHead(status, headers);
    for (let offset = 0; body && offset < body.length; offset += LINK_SLICE_BYTES) {
      const slice = body.subarray(offset, offset + LINK_SLICE_BYTES);
      const start = Math.max(performance.now(), linkFreeAt);
      linkFreeAt = start + slice.length / bytesPerMs;
      await sleep(linkFreeAt - performance.now());
      if (res.destroyed) return;
      res.write(slice);
    }
    res.end();
  };
}

/**
 * Serves `root` on 127.0.0.1 with files gzipped in advance (so compression time is never measured).
 * Counts the bytes it writes (headers + body) per page load: this includes requests made by web
 * workers (maplibre fetches GeoJSON in its worker), which the page's own CDP session may not see.
 */
async function startServer(root) {
  const files = new Map();
  for (const file of walk(root)) {
    const ext = extname(file).toLowerCase();
    const body = readFileSync(file);
    const gzipped = INCOMPRESSIBLE.has(ext) ? null : gzipSync(body, { level: GZIP_LEVEL });
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    files.set('/' + relative(root, file).split(sep).join('/'), { ext, body, gzipped, etag });
  }
  const stats = { bytes: 0, requests: [], notFound: [] };
  const respond = NETWORK ? createLink(NETWORK) : (res, status, headers, body) => res.writeHead(status, headers).end(body ?? undefined);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const entry = files.get(path.endsWith('/') ? path + 'index.html' : path);
    const started = performance.now();
    if (!entry) {
      stats.notFound.push(path);
      void respond(res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
      return;
    }
    const useGzip = entry.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    // `no-cache` with a validator, as static hosts answer: a file asked for again in the same load (the maplibre
    // worker importing the chunk it shares with the page) is revalidated, 304 without a body
    const notModified = req.headers['if-none-match'] === entry.etag;
    const body = notModified ? null : useGzip ? entry.gzipped : entry.body;
    const headers = {
      'content-type': TYPES[entry.ext] ?? 'application/octet-stream',
      ...(body ? { 'content-length': body.length } : {}),
      'cache-control': 'no-cache',
      etag: entry.etag,
      ...(useGzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    };
    void respond(res, notModified ? 304 : 200, headers, req.method === 'HEAD' ? null : body);
    res.on('finish', () => {
      const headerBytes = res._header ? Buffer.byteLength(res._header) : 0;
      const sent = headerBytes + (req.method === 'HEAD' || !body ? 0 : body.length);
      stats.bytes += sent;
      stats.requests.push({ path, bytes: sent, raw: entry.body.length, ms: performance.now() - started });
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    stats,
    reset() {
      stats.bytes = 0;
      stats.requests = [];
      stats.notFound = [];
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// ---------------------------------------------------------------- build
function buildAll() {
  mkdirSync(DIST, { recursive: true });
  // Baselines (vite, base './') into bench/dist/baselines, then the basemap and the GeoJSON export next to them.
  run('npx', ['vite', 'build', '-c', 'bench/vite.bench.config.ts']);
  const baselines = join(DIST, 'baselines');
  cpSync(join(ROOT, 'public/basemap'), join(baselines, 'basemap'), { recursive: true });
  cpSync(join(ROOT, 'public/fonts'), join(baselines, 'fonts'), { recursive: true });
  // The atlas itself: `npm run build` (data:ensure + vite build), written to bench/dist/atlas so the
  // team's dist/ is left alone.
  run('npm', ['run', 'build', '--', '--outDir', join(DIST, 'atlas'), '--emptyOutDir']);
  const exportDir = join(DIST, 'export');
  rmSync(exportDir, { recursive: true, force: true });
  run('npm', ['run', 'data:export', '--', exportDir]);
  mkdirSync(join(baselines, 'data'), { recursive: true });
  cpSync(join(exportDir, 'chargers.geojson'), join(baselines, 'data/chargers.geojson'));
  rmSync(exportDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- synthetic 1M-row atlas
/** Deterministic PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Copies bench/dist/atlas to bench/dist/atlas-scale and replaces chargers.columns.bin with `rows`
 * synthetic rows: each copies a real charger's categories (country, state, level, network, status,
 * access, ports, power) and its position jittered by a Gaussian of 0.05° (about 5 km), seed 20261122.
 * The chargers' details chunks are left out (the app loads details only on click, search or export).
 */
function buildScaleDist(rows) {
  const src = join(DIST, 'atlas');
  const dst = join(DIST, 'atlas-scale');
  rmSync(dst, { recursive: true, force: true });
  cpSync(src, dst, { recursive: true, filter: (p) => !/chargers\.details(-\d+)?\.json$/.test(p) });
  const manifest = JSON.parse(readFileSync(join(src, 'data/manifest.json'), 'utf8'));
  const layer = manifest.layers.chargers;
  const real = readFileSync(join(src, 'data', layer.files.columns));
  const realCols = Object.fromEntries(
    Object.entries(decodeColumnTable(real.buffer.slice(real.byteOffset, real.byteOffset + real.byteLength), layer.columns)).map(([name, c]) => [name, c.values]),
  );
  const n0 = layer.count;
  const cols = Object.fromEntries(layer.columns.map((c) => [c.name, new ARRAY_TYPES[c.type](c.kind === 'position' ? rows * 2 : rows)]));
  const rand = prng(20261122);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const countryCats = layer.columns.find((c) => c.name === 'country').categories;
  const stateCats = layer.columns.find((c) => c.name === 'state').categories;
  const countByCountry = { US: 0, MX: 0 };
  const countByState = {};
  for (let r = 0; r < rows; r++) {
    const s = Math.floor(rand() * n0);
    for (const c of layer.columns) {
      if (c.kind === 'position') {
        cols.position[2 * r] = realCols.position[2 * s] + gauss() * 0.05;
        cols.position[2 * r + 1] = realCols.position[2 * s + 1] + gauss() * 0.05;
      } else cols[c.name][r] = realCols[c.name][s];
    }
    const country = countryCats[cols.country[r]];
    if (country in countByCountry) countByCountry[country]++;
    const state = stateCats[cols.state[r]];
    if (state && state !== 'unknown') countByState[state] = (countByState[state] ?? 0) + 1;
  }
  const { bytes: outBytes, specs: outSpecs } = encodeColumnTable(
    layer.columns.map((c) => ({ name: c.name, kind: c.kind, categories: c.categories, values: cols[c.name] })),
  );
  const out = Buffer.from(outBytes.buffer, outBytes.byteOffset, outBytes.byteLength);
  writeFileSync(join(dst, 'data', layer.files.columns), out);
  layer.count = rows;
  layer.countByCountry = countByCountry;
  layer.countByState = countByState;
  layer.columns = outSpecs;
  layer.files.bytes = { [layer.files.columns]: out.byteLength };
  // the app checks each file against the manifest's sha256 (issue 12): record the synthetic file's
  if (layer.files.sha256) layer.files.sha256 = { [layer.files.columns]: createHash('sha256').update(out).digest('hex') };
  layer.files.detailChunks = [];
  delete layer.files.details;
  for (const country of ['US', 'MX']) if (layer.coverage?.[country]) layer.coverage[country].mapped = countByCountry[country];
  writeFileSync(join(dst, 'data/manifest.json'), JSON.stringify(manifest));
  return { dir: dst, rows, columnsBytes: out.byteLength, columnsGzip: gz(out), countByCountry };
}

// ---------------------------------------------------------------- in-page helpers (run in the browser)
/** Atlas: resolves with performance.now() at the first animation frame after a frame where maplibre is idle
 *  and deck.gl has drawn every layer, the chargers layer included. */
function atlasVisible(timeoutMs) {
  const el = document.querySelector('[data-testid="map"]');
  const chargersDrawn = () => {
    const map = window.__atlasMap;
    const deck = map?._controls?.find((c) => c && c._deck)?._deck;
    const layers = deck?.props?.layers ?? [];
    return layers.some((l) => l && typeof l.id === 'string' && l.id.startsWith('chargers') && l.props.visible && l.isLoaded);
  };
  const ready = () => {
    const node = el ?? document.querySelector('[data-testid="map"]');
    return node?.dataset.mapIdle === 'true' && node.dataset.deckReady === 'true' && chargersDrawn();
  };
  const start = performance.now();
  // When each part of the condition first held (for the analysis, not the figure).
  const phases = {};
  const mark = (name, ok) => ok && phases[name] === undefined && (phases[name] = Math.round(performance.now()));
  return new Promise((resolve) => {
    const tick = () => {
      const node = el ?? document.querySelector('[data-testid="map"]');
      mark('mapElement', !!node);
      mark('mapIdle', node?.dataset.mapIdle === 'true');
      mark('deckReadyAnyLayers', node?.dataset.deckReady === 'true' && Number(node.dataset.deckLayers) > 0);
      mark('chargersLayerLoaded', chargersDrawn());
      // deck.gl has drawn the chargers on its own canvas (the basemap may still be loading under them):
      // the first animation frame after that, the same "next frame" rule as the main figure.
      if (phases.deckChargersFrame === undefined && node?.dataset.deckReady === 'true' && chargersDrawn()) {
        phases.deckChargersFrame = null;
        requestAnimationFrame(() => (phases.deckChargersFrame = performance.now()));
      }
      if (ready()) requestAnimationFrame(() => resolve({ t: performance.now(), phases }));
      else if (performance.now() - start > timeoutMs) resolve({ t: null, phases });
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Atlas: changes location.hash; resolves with ms until the first animation frame after deck.gl has
 *  re-rendered with the new layers (data-deck-ready went false, then true again) and maplibre is idle. */
function atlasFilter({ hash, timeoutMs }) {
  const el = document.querySelector('[data-testid="map"]');
  const deck = () => window.__atlasMap?._controls?.find((c) => c && c._deck)?._deck;
  const before = deck()?.props?.layers;
  let sawNotReady = false;
  const observer = new MutationObserver(() => {
    if (el.dataset.deckReady === 'false') sawNotReady = true;
  });
  observer.observe(el, { attributes: true, attributeFilter: ['data-deck-ready'] });
  const t0 = performance.now();
  location.hash = hash;
  return new Promise((resolve) => {
    const tick = () => {
      const layersChanged = deck()?.props?.layers !== before;
      if (sawNotReady && layersChanged && el.dataset.deckReady === 'true' && el.dataset.mapIdle === 'true') {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      } else if (performance.now() - t0 > timeoutMs) {
        observer.disconnect();
        resolve(null);
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

// ---------------------------------------------------------------- one page load
const PAGES = {
  atlas: { dist: 'atlas', path: `/index.html${ATLAS_VIEW}` },
  leaflet: { dist: 'baselines', path: '/leaflet/index.html' },
  maplibre: { dist: 'baselines', path: '/maplibre/index.html' },
  // reference, not a baseline: maplibre alone drawing the atlas's basemap (its first idle: the floor of the atlas's first view)
  'basemap-floor': { dist: 'baselines', path: '/basemap-floor/index.html' },
  'atlas-scale': { dist: 'atlas-scale', path: `/index.html${ATLAS_VIEW}` },
  'atlas-all': { dist: 'atlas', path: `/index.html${ATLAS_ALL_VIEW}` },
  'atlas-before': { dist: 'before', path: `/index.html${ATLAS_VIEW}` },
};

async function measureLoad(kind, server, { changes, runIndex, profile = false }) {
  const profileDir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
    // The atlas's service worker precaches the whole app in the background after the first view: its
    // downloads are not the first view's and would be counted as initial JS (precache size: static figures).
    serviceWorkers: 'block',
  });
  const result = { page: kind, run: runIndex, filters: [], errors: [], external: [] };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    context.on('request', (request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && !url.startsWith(server.origin)) result.external.push(url);
    });
    page.on('pageerror', (error) => result.errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') result.errors.push(`console: ${msg.text().slice(0, 300)}`);
    });
    const cdp = await context.newCDPSession(page);
    let cdpBytes = 0;
    const scriptUrls = new Set();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scriptUrls.add(e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => (cdpBytes += e.encodedDataLength));
    await cdp.send('Network.enable');
    server.reset();

    const cpuBefore = chromiumCpuMs();
    await page.goto(server.origin + PAGES[kind].path, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    if (kind.startsWith('atlas')) {
      const { t, phases } = await page.evaluate(atlasVisible, TIMEOUT_MS);
      result.visibleAt = t;
      result.phases = phases;
      result.deckChargersAt = phases.deckChargersFrame ?? NaN;
    } else {
      await page.waitForFunction(() => window.__bench && (window.__bench.chargersVisibleAt !== null || window.__bench.error), null, {
        timeout: TIMEOUT_MS,
        polling: 50,
      });
      const state = await page.evaluate(() => ({ t: window.__bench.chargersVisibleAt, error: window.__bench.error, shown: window.__bench.shown }));
      if (state.error) result.errors.push(state.error);
      result.visibleAt = state.t;
      result.shown = state.shown;
    }
    result.bytesAtVisible = server.stats.bytes;
    // Where the load's CPU went (both cores are busy for the whole load in software GL: less work is what helps).
    const cpuAfter = chromiumCpuMs();
    result.cpuMsToVisible = cpuBefore && cpuAfter ? Object.fromEntries(Object.keys(cpuAfter).map((k) => [k, cpuAfter[k] - cpuBefore[k]])) : null;
    // Main-thread resource timings (ms since navigation): when each file had arrived.
    result.resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: Math.round(e.startTime), end: Math.round(e.responseEnd) })),
    );
    result.navigation = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n ? { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) } : null;
    });
    result.cdpBytesAtVisible = cdpBytes;
    // Settle (late requests, idle callbacks), then the heap after a full GC.
    await page.waitForTimeout(1000);
    result.bytes = server.stats.bytes;
    result.cdpBytes = cdpBytes;
    result.requests = server.stats.requests.length;
    result.requestLog = server.stats.requests.map(({ path, bytes, raw }) => ({ path, bytes, raw }));
    result.notFound = [...server.stats.notFound];
    result.scripts = [...scriptUrls].map((u) => new URL(u).pathname);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    result.heapUsed = heap.usedSize;
    result.heapTotal = heap.totalSize;
    // usedSize leaves out ArrayBuffer backing stores (typed-array columns); add them when reported.
    result.heapBacking = heap.backingStorageSize ?? null;
    result.heapEmbedder = heap.embedderHeapUsedSize ?? null;

    if (!Number.isFinite(result.visibleAt)) throw new Error('chargers never became visible: no filter changes measured');
    // Filter changes, cycling mx-only, dc-only, all (the pooled sequence is the same for every page).
    for (let i = 0; i < changes; i++) {
      const name = FILTERS[i % FILTERS.length];
      await page.waitForTimeout(150);
      let ms;
      if (profile && i === changes - 1) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (kind.startsWith('atlas')) ms = await page.evaluate(atlasFilter, { hash: ATLAS_HASH[name], timeoutMs: 60_000 });
      else
        ms = await withTimeout(
          page.evaluate((n) => window.__bench.applyFilter(n), name),
          60_000,
        );
      if (profile && i === changes - 1) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        result.cpuProfile = { filter: name, ms, top: topFunctions(cpu) };
      }
      result.filters.push({ name, ms: ms ?? NaN, timedOut: ms === null });
    }
    result.bytesAfterFilters = server.stats.bytes;
    // after the filter changes: its GPU work must not run into theirs
    if (kind.startsWith('atlas')) result.deckFrameGpuMs = await deckFrameGpuMs(page);
  } catch (error) {
    result.errors.push(`runner: ${error.message}`);
  } finally {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
  }
  return result;
}

/**
 * GPU-process CPU time of one full deck.gl redraw of the loaded view (the mean of 5; a pan, zoom or filter frame
 * redraws all deck.gl layers). In software GL this varies far less between loads than the time to visible does.
 */
async function deckFrameGpuMs(page, frames = 5) {
  const before = chromiumCpuMs();
  await page.evaluate(async (n) => {
    const deck = window.__atlasMap?._controls?.find((c) => c && c._deck)?._deck;
    for (let i = 0; deck && i < n; i++) {
      deck.redraw('bench');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
  }, frames);
  await page.waitForTimeout(300);
  const after = chromiumCpuMs();
  return before && after ? (after.gpu - before.gpu) / frames : NaN;
}

/** Resolves with null when `promise` takes longer than `ms` (the page keeps running; the run moves on). */
function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((ok) => (timer = setTimeout(() => ok(null), ms)))]).finally(() => clearTimeout(timer));
}

/** Self time per function from a CDP CPU profile, top 12. */
function topFunctions(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, ms]) => ({ fn, selfMs: Math.round(ms * 10) / 10, share: Math.round((ms / total) * 1000) / 10 }));
}

// ---------------------------------------------------------------- aggregation and report
function aggregate(runs) {
  const ok = runs.filter((r) => Number.isFinite(r.visibleAt));
  const filterMs = runs.flatMap((r) => r.filters.map((f) => f.ms));
  const byFilter = Object.fromEntries(FILTERS.map((name) => [name, summary(runs.flatMap((r) => r.filters.filter((f) => f.name === name).map((f) => f.ms)))]));
  return {
    runs: runs.length,
    failedRuns: runs.length - ok.length,
    timeToVisibleMs: summary(ok.map((r) => r.visibleAt)),
    deckChargersMs: summary(ok.map((r) => r.deckChargersAt ?? NaN)),
    mapIdleMs: summary(ok.map((r) => r.phases?.mapIdle ?? NaN)),
    filterToFrameMs: summary(filterMs),
    filterTimeouts: runs.flatMap((r) => r.filters).filter((f) => f.timedOut).length,
    filterByName: byFilter,
    // the first change after a load runs code for the first time; the p95 of few changes per run is mostly these
    firstFilterMs: summary(runs.filter((r) => r.filters.length > 0).map((r) => r.filters[0].ms)),
    laterFilterMs: summary(runs.flatMap((r) => r.filters.slice(1).map((f) => f.ms))),
    bytes: summary(runs.map((r) => r.bytes)),
    bytesAtVisible: summary(runs.map((r) => r.bytesAtVisible)),
    cdpBytes: summary(runs.map((r) => r.cdpBytes)),
    heapUsed: summary(runs.map((r) => r.heapUsed)),
    heapWithBacking: summary(runs.map((r) => (r.heapBacking == null ? NaN : r.heapUsed + r.heapBacking))),
    cpuGpuProcessMs: summary(ok.map((r) => r.cpuMsToVisible?.gpu ?? NaN)),
    cpuRendererMs: summary(ok.map((r) => r.cpuMsToVisible?.renderer ?? NaN)),
    deckFrameGpuMs: summary(ok.map((r) => r.deckFrameGpuMs ?? NaN)),
    externalRequests: runs.reduce((a, r) => a + r.external.length, 0),
    errors: runs.flatMap((r) => r.errors),
  };
}

const fmtMs = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ms` : 'n/a');
const fmtMB = (x) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} MB` : 'n/a');
const fmtKB = (x) => (Number.isFinite(x) ? `${(x / 1e3).toFixed(0)} KB` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

/** The gap recomputation figures, or null (logged) for a build without population points (an older build). */
function gapOrNull(dataDir, changes) {
  try {
    const gap = measureGapRecompute(dataDir, changes);
    log(describeGapBench(gap));
    return gap;
  } catch (error) {
    log(`gap recompute not measured: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The choropleth recomputation figures, or null (logged) for a build without the states dataset. */
function choroplethOrNull(dataDir, changes) {
  try {
    return measureChoroplethRecompute(dataDir, changes);
  } catch (error) {
    log(`choropleth recompute not measured: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function staticFigures(atlasRuns) {
  const dist = join(DIST, 'atlas');
  // JavaScript the browser actually fetched on first view (CDP resource type Script), gzip level 6 and 9.
  // The page's CDP session sees scripts of type Script; the maplibre worker's script is fetched for the
  // worker, so take every .js file the server sent during the first view as well.
  const served = atlasRuns.flatMap((r) => (r.requestLog ?? []).map((q) => q.path).filter((p) => /\.m?js$/.test(p)));
  const scripts = [...new Set([...atlasRuns.flatMap((r) => r.scripts ?? []), ...served])].filter((p) => existsSync(join(dist, p)));
  const js = scripts.map((p) => {
    const buf = readFileSync(join(dist, p));
    return { path: p, raw: buf.length, gzip: gz(buf), gzip9: gz(buf, 9), worker: /worker/i.test(p) };
  });
  const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
  const manifest = JSON.parse(readFileSync(join(dist, 'data/manifest.json'), 'utf8'));
  // the point datasets' columns: what the first view draws (auxiliary datasets such as population load with their views)
  const dataFiles = ['manifest.json', ...Object.values(manifest.layers).flatMap((layer) => (layer.files?.columns ? [layer.files.columns] : []))];
  if (manifest.layers.flows?.files?.flows) dataFiles.push(manifest.layers.flows.files.flows);
  const data = dataFiles.map((f) => {
    const buf = readFileSync(join(dist, 'data', f));
    return { file: f, raw: buf.length, gzip: gz(buf), gzip9: gz(buf, 9) };
  });
  return {
    initialJs: {
      files: js,
      raw: sum(js, 'raw'),
      gzip: sum(js, 'gzip'),
      gzip9: sum(js, 'gzip9'),
      mainThreadGzip: sum(
        js.filter((f) => !f.worker),
        'gzip',
      ),
      workerGzip: sum(
        js.filter((f) => f.worker),
        'gzip',
      ),
    },
    renderCriticalData: { files: data, raw: sum(data, 'raw'), gzip: sum(data, 'gzip'), gzip9: sum(data, 'gzip9') },
  };
}

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  if (!SKIP_BUILD) buildAll();
  for (const d of ['atlas', 'baselines']) if (!existsSync(join(DIST, d))) throw new Error(`bench/dist/${d} missing: run without --skip-build`);

  const env = {
    date: startedAt.toISOString(),
    node: process.version,
    chromium: execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(),
    playwrightCore: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 1e9),
    gitCommit: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    gitDirtySrc: spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).length,
    options: {
      quick: QUICK,
      before: BEFORE_DIR,
      runs: RUNS,
      changesPerRun: CHANGES_PER_RUN,
      scale: SCALE,
      scaleRows: SCALE_ROWS,
      scaleRuns: SCALE_RUNS,
      scaleChangesPerRun: SCALE_CHANGES,
      network: NETWORK_NAME === null ? null : { name: NETWORK_NAME, ...NETWORK },
    },
    server: `node:http on 127.0.0.1, gzip level ${GZIP_LEVEL} pre-compressed for every file except woff/woff2/png, Cache-Control: no-cache with an ETag (a file asked for again in a load is revalidated: 304), same for all pages; ${NETWORK_DESCRIPTION}`,
    cache:
      'cold: a new Chromium profile (launchPersistentContext on a fresh temp dir) for every page load (a file asked for twice within a load is revalidated), service workers blocked',
  };
  log('environment', env);

  const out = { environment: env, runs: [], summary: {}, allLayers: null, basemapFloor: null, before: null, static: null, gap: null, choropleth: null, scale: null };
  const servers = {};
  try {
    servers.atlas = await startServer(join(DIST, 'atlas'));
    servers.baselines = await startServer(join(DIST, 'baselines'));
    if (BEFORE_DIR) servers.before = await startServer(BEFORE_DIR);

    if (!SCALE_ONLY) {
      const order = ['atlas', 'leaflet', 'maplibre', 'atlas-all', 'basemap-floor', ...(BEFORE_DIR ? ['atlas-before'] : [])];
      for (let i = 0; i < RUNS; i++) {
        for (const kind of order) {
          // the all-layers view and the basemap reference are measured for their first view only
          const changes = kind === 'atlas-all' || kind === 'basemap-floor' ? 0 : CHANGES_PER_RUN;
          const r = await measureLoad(kind, servers[PAGES[kind].dist], { changes, runIndex: i, profile: kind === 'atlas' && i === RUNS - 1 });
          out.runs.push(r);
          const f = r.filters.map((x) => x.ms);
          log(
            `${kind} run ${i + 1}/${RUNS}: visible ${fmtMs(r.visibleAt)}, filter median ${fmtMs(median(f))} max ${fmtMs(Math.max(...f))}, ${fmtMB(r.bytes)}, heap ${fmtMB(r.heapUsed)}${r.errors.length ? `, errors: ${r.errors.slice(0, 2).join(' / ')}` : ''}`,
          );
        }
      }
      // `summary` keeps its shape (atlas, leaflet, maplibre) so results files compare over time; the other pages sit beside it
      for (const kind of ['atlas', 'leaflet', 'maplibre']) out.summary[kind] = aggregate(out.runs.filter((r) => r.page === kind));
      out.allLayers = aggregate(out.runs.filter((r) => r.page === 'atlas-all'));
      out.basemapFloor = aggregate(out.runs.filter((r) => r.page === 'basemap-floor'));
      if (BEFORE_DIR) out.before = { dir: BEFORE_DIR, summary: aggregate(out.runs.filter((r) => r.page === 'atlas-before')) };
      out.static = staticFigures(out.runs.filter((r) => r.page === 'atlas'));
      // the analysis recomputed after each filter change of the same cycle (Node, the app's own code)
      out.gap = gapOrNull(join(DIST, 'atlas', 'data'), Math.max(9, CHANGES_PER_RUN));
      out.choropleth = choroplethOrNull(join(DIST, 'atlas', 'data'), Math.max(9, CHANGES_PER_RUN));
    }

    if (SCALE || SCALE_ONLY) {
      log(`scale: generating ${SCALE_ROWS.toLocaleString('en-US')} synthetic chargers`);
      const info = buildScaleDist(SCALE_ROWS);
      servers.scale = await startServer(info.dir);
      const scaleGap = gapOrNull(join(info.dir, 'data'), Math.max(9, SCALE_CHANGES));
      const scaleChoropleth = choroplethOrNull(join(info.dir, 'data'), Math.max(9, SCALE_CHANGES));
      const runs = [];
      for (let i = 0; i < SCALE_RUNS; i++) {
        const r = await measureLoad('atlas-scale', servers.scale, { changes: SCALE_CHANGES, runIndex: i, profile: i === SCALE_RUNS - 1 });
        runs.push(r);
        const f = r.filters.map((x) => x.ms);
        log(
          `atlas-scale run ${i + 1}/${SCALE_RUNS}: visible ${fmtMs(r.visibleAt)}, filter median ${fmtMs(median(f))} max ${fmtMs(Math.max(...f))}, ${fmtMB(r.bytes)}, heap ${fmtMB(r.heapUsed)}${r.errors.length ? `, errors: ${r.errors.slice(0, 2).join(' / ')}` : ''}`,
        );
      }
      out.scale = {
        rows: info.rows,
        columnsBytes: info.columnsBytes,
        columnsGzip: info.columnsGzip,
        countByCountry: info.countByCountry,
        gap: scaleGap,
        choropleth: scaleChoropleth,
        runs,
        summary: aggregate(runs),
      };
    }
  } finally {
    for (const s of Object.values(servers)) await s.close();
  }

  // ---------------------------------------------------------------- report
  const lines = [];
  const targets = [];
  if (!SCALE_ONLY) {
    const { atlas: a, leaflet: l, maplibre: m } = out.summary;
    const ttvL = l.timeToVisibleMs.median / a.timeToVisibleMs.median;
    const ttvM = m.timeToVisibleMs.median / a.timeToVisibleMs.median;
    const st = out.static;
    const all = out.allLayers;
    const allRatio = all.timeToVisibleMs.median / a.timeToVisibleMs.median;
    // targets of issue 13
    targets.push(
      { target: 'time to visible: Leaflet/atlas >= 1.5x', value: `${ttvL.toFixed(2)}x`, pass: ttvL >= 1.5 },
      { target: 'time to visible: maplibre GeoJSON/atlas >= 2.0x', value: `${ttvM.toFixed(2)}x`, pass: ttvM >= 2 },
      { target: 'default view, all layers: <= 1.2x the chargers view', value: `${allRatio.toFixed(2)}x`, pass: allRatio <= 1.2 && all.failedRuns === 0 },
      { target: 'atlas filter-to-frame p95 < 80 ms', value: fmtMs(a.filterToFrameMs.p95), pass: a.filterToFrameMs.p95 < 80 && a.filterTimeouts === 0 },
      { target: 'render-critical data < 1 MB gzipped (10^6 B)', value: fmtKB(st.renderCriticalData.gzip), pass: st.renderCriticalData.gzip < 1e6 },
      { target: 'initial JS < 650 KB gzipped (all scripts fetched, incl. maplibre worker)', value: fmtKB(st.initialJs.gzip), pass: st.initialJs.gzip < 650e3 },
      { target: '  (main-thread scripts only, for reference)', value: fmtKB(st.initialJs.mainThreadGzip), pass: st.initialJs.mainThreadGzip < 650e3 },
      {
        target: 'no request left 127.0.0.1',
        value: String(a.externalRequests + l.externalRequests + m.externalRequests),
        pass: a.externalRequests + l.externalRequests + m.externalRequests === 0,
      },
    );
    const rows = [
      ['metric (median of runs; p95 where noted)', 'atlas', 'Leaflet+cluster', 'maplibre GeoJSON', 'Leaflet/atlas', 'maplibre/atlas'],
      [
        'time to visible chargers',
        fmtMs(a.timeToVisibleMs.median),
        fmtMs(l.timeToVisibleMs.median),
        fmtMs(m.timeToVisibleMs.median),
        ratio(l.timeToVisibleMs.median, a.timeToVisibleMs.median),
        ratio(m.timeToVisibleMs.median, a.timeToVisibleMs.median),
      ],
      [
        "  atlas: deck drew chargers (after the basemap's first idle)",
        fmtMs(a.deckChargersMs.median),
        '',
        '',
        ratio(l.timeToVisibleMs.median, a.deckChargersMs.median),
        ratio(m.timeToVisibleMs.median, a.deckChargersMs.median),
      ],
      ['  atlas: maplibre basemap first idle', fmtMs(a.mapIdleMs.median), '', '', '', ''],
      ...(out.basemapFloor?.timeToVisibleMs.n
        ? [
            [
              "  reference: maplibre alone, the atlas's basemap, first idle (the atlas's own work beyond it)",
              `${fmtMs(out.basemapFloor.timeToVisibleMs.median)} (+${fmtMs(a.timeToVisibleMs.median - out.basemapFloor.timeToVisibleMs.median)})`,
              '',
              '',
              ratio(l.timeToVisibleMs.median, out.basemapFloor.timeToVisibleMs.median),
              ratio(m.timeToVisibleMs.median, out.basemapFloor.timeToVisibleMs.median),
            ],
          ]
        : []),
      [
        'atlas default view (all layers): time to visible',
        `${fmtMs(all.timeToVisibleMs.median)} (${ratio(all.timeToVisibleMs.median, a.timeToVisibleMs.median)} of chargers view)`,
        '',
        '',
        ratio(l.timeToVisibleMs.median, all.timeToVisibleMs.median),
        ratio(m.timeToVisibleMs.median, all.timeToVisibleMs.median),
      ],
      ...(out.before
        ? [
            [
              `atlas before (${relative(ROOT, out.before.dir) || out.before.dir}): time to visible / filter p95`,
              `${fmtMs(out.before.summary.timeToVisibleMs.median)} / ${fmtMs(out.before.summary.filterToFrameMs.p95)}`,
              '',
              '',
              ratio(l.timeToVisibleMs.median, out.before.summary.timeToVisibleMs.median),
              ratio(m.timeToVisibleMs.median, out.before.summary.timeToVisibleMs.median),
            ],
          ]
        : []),
      [
        'time to visible p95',
        fmtMs(a.timeToVisibleMs.p95),
        fmtMs(l.timeToVisibleMs.p95),
        fmtMs(m.timeToVisibleMs.p95),
        ratio(l.timeToVisibleMs.p95, a.timeToVisibleMs.p95),
        ratio(m.timeToVisibleMs.p95, a.timeToVisibleMs.p95),
      ],
      [
        `filter-to-frame median (n=${a.filterToFrameMs.n})`,
        fmtMs(a.filterToFrameMs.median),
        fmtMs(l.filterToFrameMs.median),
        fmtMs(m.filterToFrameMs.median),
        ratio(l.filterToFrameMs.median, a.filterToFrameMs.median),
        ratio(m.filterToFrameMs.median, a.filterToFrameMs.median),
      ],
      [
        'filter-to-frame p95',
        fmtMs(a.filterToFrameMs.p95),
        fmtMs(l.filterToFrameMs.p95),
        fmtMs(m.filterToFrameMs.p95),
        ratio(l.filterToFrameMs.p95, a.filterToFrameMs.p95),
        ratio(m.filterToFrameMs.p95, a.filterToFrameMs.p95),
      ],
      [
        `  first change after a load: median / max (n=${a.firstFilterMs.n}); later changes: median / p95`,
        `${fmtMs(a.firstFilterMs.median)} / ${fmtMs(a.firstFilterMs.max)}; ${fmtMs(a.laterFilterMs.median)} / ${fmtMs(a.laterFilterMs.p95)}`,
        `${fmtMs(l.firstFilterMs.median)} / ${fmtMs(l.firstFilterMs.max)}; ${fmtMs(l.laterFilterMs.median)} / ${fmtMs(l.laterFilterMs.p95)}`,
        `${fmtMs(m.firstFilterMs.median)} / ${fmtMs(m.firstFilterMs.max)}; ${fmtMs(m.laterFilterMs.median)} / ${fmtMs(m.laterFilterMs.p95)}`,
        '',
        '',
      ],
      ...FILTERS.map((f) => [
        `  filter ${f} median`,
        fmtMs(a.filterByName[f].median),
        fmtMs(l.filterByName[f].median),
        fmtMs(m.filterByName[f].median),
        ratio(l.filterByName[f].median, a.filterByName[f].median),
        ratio(m.filterByName[f].median, a.filterByName[f].median),
      ]),
      [
        'CPU until visible: GPU process / renderers (Linux /proc)',
        `${fmtMs(a.cpuGpuProcessMs.median)} / ${fmtMs(a.cpuRendererMs.median)}`,
        `${fmtMs(l.cpuGpuProcessMs.median)} / ${fmtMs(l.cpuRendererMs.median)}`,
        `${fmtMs(m.cpuGpuProcessMs.median)} / ${fmtMs(m.cpuRendererMs.median)}`,
        '',
        '',
      ],
      [
        'GPU-process CPU per deck.gl redraw (mean of 5): chargers view / default view',
        `${fmtMs(a.deckFrameGpuMs.median)} / ${fmtMs(all.deckFrameGpuMs.median)}`,
        '',
        '',
        '',
        '',
      ],
      [
        'bytes transferred (page load)',
        fmtMB(a.bytes.median),
        fmtMB(l.bytes.median),
        fmtMB(m.bytes.median),
        ratio(l.bytes.median, a.bytes.median),
        ratio(m.bytes.median, a.bytes.median),
      ],
      [
        'JS heap after load + GC (used)',
        fmtMB(a.heapUsed.median),
        fmtMB(l.heapUsed.median),
        fmtMB(m.heapUsed.median),
        ratio(l.heapUsed.median, a.heapUsed.median),
        ratio(m.heapUsed.median, a.heapUsed.median),
      ],
      [
        '  heap + ArrayBuffer backing stores',
        fmtMB(a.heapWithBacking.median),
        fmtMB(l.heapWithBacking.median),
        fmtMB(m.heapWithBacking.median),
        ratio(l.heapWithBacking.median, a.heapWithBacking.median),
        ratio(m.heapWithBacking.median, a.heapWithBacking.median),
      ],
      ['requests blocked (not 127.0.0.1)', a.externalRequests, l.externalRequests, m.externalRequests, '', ''],
      ['failed runs / filter timeouts', `${a.failedRuns}/${a.filterTimeouts}`, `${l.failedRuns}/${l.filterTimeouts}`, `${m.failedRuns}/${m.filterTimeouts}`, '', ''],
      ...(out.gap
        ? [
            [
              `gap recompute after a filter change, median / p95 (Node, n=${out.gap.recomputeMs.n})`,
              `${fmtMs(out.gap.recomputeMs.median)} / ${fmtMs(out.gap.recomputeMs.p95)}`,
              '(none)',
              '(none)',
              '',
              '',
            ],
          ]
        : []),
      ...(out.choropleth
        ? [
            [
              `choropleth recompute after a filter change, median / p95 (Node, n=${out.choropleth.recomputeMs.n})`,
              `${fmtMs(out.choropleth.recomputeMs.median)} / ${fmtMs(out.choropleth.recomputeMs.p95)}`,
              '(none)',
              '(none)',
              '',
              '',
            ],
          ]
        : []),
    ];
    lines.push(
      `Runs per page: ${RUNS} (alternating), filter changes per page: ${a.filterToFrameMs.n} (cycle ${FILTERS.join(', ')}); ${NETWORK_DESCRIPTION}`,
      table(rows),
      '',
    );
    if (out.gap) lines.push(describeGapBench(out.gap), '');
    lines.push(
      `Atlas static figures: initial JS ${fmtKB(st.initialJs.gzip)} gzipped (main thread ${fmtKB(st.initialJs.mainThreadGzip)}, maplibre worker ${fmtKB(st.initialJs.workerGzip)}; ${fmtKB(st.initialJs.raw)} raw, ${st.initialJs.files.length} files); ` +
        `render-critical data ${fmtKB(st.renderCriticalData.gzip)} gzipped (${fmtKB(st.renderCriticalData.raw)} raw: ${st.renderCriticalData.files.map((f) => `${f.file} ${fmtKB(f.gzip)}`).join(', ')})`,
      '',
    );
  }
  if (out.scale) {
    const s = out.scale.summary;
    const base = out.summary.atlas;
    const rows = [
      ['atlas scale run', `${out.scale.rows.toLocaleString('en-US')} chargers`, base ? `53k (real) for comparison` : ''],
      [
        'time to visible chargers (median / p95)',
        `${fmtMs(s.timeToVisibleMs.median)} / ${fmtMs(s.timeToVisibleMs.p95)}`,
        base ? `${fmtMs(base.timeToVisibleMs.median)} / ${fmtMs(base.timeToVisibleMs.p95)}` : '',
      ],
      [
        '  deck drew chargers / basemap idle (medians)',
        `${fmtMs(s.deckChargersMs.median)} / ${fmtMs(s.mapIdleMs.median)}`,
        base ? `${fmtMs(base.deckChargersMs.median)} / ${fmtMs(base.mapIdleMs.median)}` : '',
      ],
      [
        `filter-to-frame median / p95 (n=${s.filterToFrameMs.n})`,
        `${fmtMs(s.filterToFrameMs.median)} / ${fmtMs(s.filterToFrameMs.p95)}`,
        base ? `${fmtMs(base.filterToFrameMs.median)} / ${fmtMs(base.filterToFrameMs.p95)}` : '',
      ],
      ...FILTERS.map((f) => [`  filter ${f} median`, fmtMs(s.filterByName[f].median), base ? fmtMs(base.filterByName[f].median) : '']),
      ['bytes transferred', fmtMB(s.bytes.median), base ? fmtMB(base.bytes.median) : ''],
      [
        'JS heap used / + ArrayBuffers',
        `${fmtMB(s.heapUsed.median)} / ${fmtMB(s.heapWithBacking.median)}`,
        base ? `${fmtMB(base.heapUsed.median)} / ${fmtMB(base.heapWithBacking.median)}` : '',
      ],
      ['failed runs / filter timeouts / blocked requests', `${s.failedRuns}/${s.filterTimeouts}/${s.externalRequests}`, ''],
      ...(out.scale.gap
        ? [
            [
              `gap recompute after a filter change, median / p95 (Node, n=${out.scale.gap.recomputeMs.n})`,
              `${fmtMs(out.scale.gap.recomputeMs.median)} / ${fmtMs(out.scale.gap.recomputeMs.p95)}`,
              out.gap ? `${fmtMs(out.gap.recomputeMs.median)} / ${fmtMs(out.gap.recomputeMs.p95)}` : '',
            ],
            ['  gap index build (once per charger data)', fmtMs(out.scale.gap.indexBuildMs), out.gap ? fmtMs(out.gap.indexBuildMs) : ''],
          ]
        : []),
      ...(out.scale.choropleth
        ? [
            [
              `choropleth recompute after a filter change, median / p95 (Node, n=${out.scale.choropleth.recomputeMs.n})`,
              `${fmtMs(out.scale.choropleth.recomputeMs.median)} / ${fmtMs(out.scale.choropleth.recomputeMs.p95)}`,
              out.choropleth ? `${fmtMs(out.choropleth.recomputeMs.median)} / ${fmtMs(out.choropleth.recomputeMs.p95)}` : '',
            ],
          ]
        : []),
    ];
    lines.push(table(rows), '', ...(out.scale.gap ? [describeGapBench(out.scale.gap), ''] : []));
    targets.push(
      {
        target: `scale: ${out.scale.rows.toLocaleString('en-US')} chargers load and filter (no failed run, no timeout)`,
        value: `${s.failedRuns} failed, ${s.filterTimeouts} timeouts`,
        pass: s.failedRuns === 0 && s.filterTimeouts === 0,
      },
      { target: `scale: filter-to-frame p95 < 150 ms`, value: fmtMs(s.filterToFrameMs.p95), pass: s.filterToFrameMs.p95 < 150 && s.filterTimeouts === 0 },
    );
    const prof = out.scale.runs.at(-1)?.cpuProfile;
    if (prof)
      lines.push(
        `CPU profile of one scale filter change (${prof.filter}, ${fmtMs(prof.ms)}), top self time:`,
        ...prof.top.slice(0, 8).map((t) => `  ${t.selfMs.toFixed(1).padStart(7)} ms ${String(t.share).padStart(5)}%  ${t.fn}`),
        '',
      );
  }
  const profA = out.runs.find((r) => r.cpuProfile)?.cpuProfile;
  if (profA)
    lines.push(
      `CPU profile of one atlas filter change (${profA.filter}, ${fmtMs(profA.ms)}), top self time:`,
      ...profA.top.slice(0, 8).map((t) => `  ${t.selfMs.toFixed(1).padStart(7)} ms ${String(t.share).padStart(5)}%  ${t.fn}`),
      '',
    );
  lines.push(table([['target', 'atlas', 'result'], ...targets.map((t) => [t.target, t.value, t.pass ? 'PASS' : 'FAIL'])]));
  out.targets = targets;
  const errors = [...Object.values(out.summary), out.allLayers, out.before?.summary, out.scale?.summary].flatMap((s) => s?.errors ?? []);
  if (errors.length) lines.push('', `Page errors (${errors.length}, first 5):`, ...[...new Set(errors)].slice(0, 5).map((e) => `  ${e}`));

  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  out.report = lines.join('\n');
  writeFileSync(file, JSON.stringify(out, null, 1));
  console.log('\n' + out.report + '\n');
  log(`figures written to ${relative(ROOT, file)} (total ${((Date.now() - startedAt.getTime()) / 60000).toFixed(1)} min)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
