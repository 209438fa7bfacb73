/** Data pipeline CLI. Usage: tsx data/pipeline/cli.ts build | ensure | update | export <dir> | baseline */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATLAS_FORMAT_VERSION } from '../../src/data/atlas-format.ts';
import { BuildFailure, buildAtlas, type BuildOptions, type BuildResult } from './build.ts';
import { TruncationError, writeBaseline } from './baseline.ts';
import { exportGeojson } from './output/export-geojson.ts';
import { exportStatesCsv, hasStatesTable } from './output/export-states.ts';
import { fetchLive } from './live/live-sources.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function defaultOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  return {
    snapshotDir: resolve(repoRoot, env.ATLAS_SNAPSHOT_DIR ?? '../shared/data'),
    curatedDir: join(repoRoot, 'data/curated'),
    outDir: resolve(repoRoot, env.ATLAS_OUT_DIR ?? 'public/data'),
    liveDir: env.ATLAS_NO_LIVE === '1' ? null : resolve(repoRoot, env.ATLAS_LIVE_DIR ?? 'data/cache/live'),
    basemapPath: resolve(repoRoot, env.ATLAS_BASEMAP ?? 'public/basemap/states.geojson'),
    baselinePath: join(repoRoot, 'data/baseline-counts.json'),
    allowShrink: env.ATLAS_ALLOW_SHRINK === '1',
    log: (s) => console.log(s),
  };
}

function pad(s: string | number, n: number, right = false) {
  const t = String(s);
  return right ? t.padStart(n) : t.padEnd(n);
}

export function printSummary(r: BuildResult, ms: number) {
  const m = r.manifest;
  console.log(`\nAtlas data built in ${(ms / 1000).toFixed(1)} s, mode "${m.mode}", format v${m.formatVersion} -> ${r.outDir}`);
  console.log(`steps: ${r.steps.map((st) => `${st.name} ${st.ms.toFixed(0)} ms`).join(', ')}`);
  console.log(
    `\n${pad('source', 30)}${pad('origin', 9)}${pad('read', 8, true)}${pad('kept', 8, true)}${pad('merged', 8, true)}${pad('out-scope', 10, true)}${pad('quarant.', 9, true)}  notes`,
  );
  for (const s of r.stats) {
    const latin1 = Object.entries(s.encodings ?? {})
      .filter(([, e]) => e !== 'utf-8')
      .map(([f, e]) => `${f} read as ${e} (not UTF-8)`);
    const notes = s.missing
      ? `MISSING: ${m.sources[s.sourceId]?.missingReason ?? ''}`
      : [s.outOfScope ? `out of scope: ${s.outOfScopeReason}` : '', s.snapped ? `${s.snapped} snapped to nearest state` : '', ...latin1].filter(Boolean).join('; ');
    console.log(
      `${pad(s.sourceId, 30)}${pad(s.origin, 9)}${pad(s.rowsRead, 8, true)}${pad(s.kept, 8, true)}${pad(s.merged, 8, true)}${pad(s.outOfScope, 10, true)}${pad(s.quarantined, 9, true)}  ${notes}`,
    );
  }
  console.log(`\n${pad('layer', 18)}${pad('total', 8, true)}${pad('US', 8, true)}${pad('MX', 8, true)}  coverage`);
  for (const l of Object.values(m.layers)) {
    console.log(
      `${pad(l.id, 18)}${pad(l.count, 8, true)}${pad(l.countByCountry.US, 8, true)}${pad(l.countByCountry.MX, 8, true)}  US ${l.coverage.US.level}, MX ${l.coverage.MX.level}`,
    );
  }
  for (const a of Object.values(m.auxiliary ?? {})) {
    console.log(`${pad(a.id, 18)}${pad(a.count, 8, true)}  auxiliary ${a.kind}: ${Object.keys(a.files.bytes).join(', ')}`);
  }
  const auxSources = [...new Set(Object.values(m.auxiliary ?? {}).flatMap((a) => a.sourceIds))];
  if (auxSources.length) {
    console.log(
      `\n${pad('auxiliary source', 30)}${pad('origin', 9)}${pad('read', 8, true)}${pad('kept', 8, true)}${pad('out-scope', 10, true)}${pad('quarant.', 9, true)}  notes`,
    );
    for (const id of auxSources) {
      const s = m.sources[id];
      if (!s) continue;
      console.log(
        `${pad(id, 30)}${pad(s.origin, 9)}${pad(s.rowsRead, 8, true)}${pad(s.recordsKept, 8, true)}${pad(s.rowsOutOfScope ?? 0, 10, true)}${pad(s.rowsQuarantined, 9, true)}  ${s.missing ? `MISSING: ${s.missingReason ?? ''}` : ''}`,
      );
    }
  }
  console.log(`\nQuarantined: ${m.quarantine.total} rows -> ${r.quarantinePath}`);
  if (m.warnings.length) {
    console.log(`Warnings (${m.warnings.length}):`);
    for (const w of m.warnings) console.log(`  [${w.code}] ${w.message}`);
  }
}

async function build(): Promise<BuildResult> {
  const t0 = Date.now();
  const r = await buildAtlas(defaultOptions());
  printSummary(r, Date.now() - t0);
  return r;
}

async function main(argv: string[]) {
  const cmd = argv[0] ?? 'build';
  try {
    if (cmd === 'build') {
      await build();
    } else if (cmd === 'ensure') {
      const o = defaultOptions();
      const mp = join(o.outDir, 'manifest.json');
      let ok = false;
      if (existsSync(mp)) {
        try {
          ok = (JSON.parse(readFileSync(mp, 'utf8')) as { formatVersion?: number }).formatVersion === ATLAS_FORMAT_VERSION;
        } catch {
          ok = false;
        }
      }
      if (ok) console.log(`atlas data present (${mp}, format v${ATLAS_FORMAT_VERSION}); run "npm run data" to rebuild`);
      else {
        console.log(existsSync(mp) ? 'atlas data has another format version: rebuilding' : 'atlas data missing: building');
        await build();
      }
    } else if (cmd === 'update') {
      const o = defaultOptions();
      if (!o.liveDir) throw new BuildFailure('ATLAS_NO_LIVE=1 is set: nothing to update');
      console.log(`Fetching live data into ${o.liveDir} ...`);
      const rep = await fetchLive(o.liveDir);
      if (rep.fetched.length === 0) console.log('No live data fetched: the build uses cached live data if any, else the snapshots.');
      for (const f of rep.failed) console.log(`  not refreshed: ${f.source}: ${f.reason}`);
      await build();
    } else if (cmd === 'export') {
      const dir = argv[1];
      if (!dir) throw new BuildFailure('usage: npm run data:export -- <dir>');
      const o = defaultOptions();
      if (!existsSync(join(o.outDir, 'manifest.json')) || !hasStatesTable(o.outDir)) await build();
      const written = exportGeojson(o.outDir, resolve(process.cwd(), dir));
      for (const w of written) console.log(`  ${w.file}: ${w.features} features`);
      const st = exportStatesCsv(o.outDir, resolve(process.cwd(), dir));
      console.log(`  ${st.file}: ${st.rows} states`);
    } else if (cmd === 'baseline') {
      const r = await build();
      const p = defaultOptions().baselinePath!;
      writeBaseline(
        p,
        r.stats.filter((s) => !s.missing && s.origin === 'snapshot'),
      );
      console.log(`wrote ${p}`);
    } else {
      throw new BuildFailure(`unknown command "${cmd}" (build | ensure | update | export <dir> | baseline)`);
    }
  } catch (e) {
    if (e instanceof BuildFailure || e instanceof TruncationError) {
      console.error(`\nDATA BUILD FAILED\n${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
