/**
 * The buildAuxiliary step (after writeDatasets): the auxiliary datasets of the manifest's `auxiliary` section.
 *   states.json              StateRecord[]: 51 US (incl. DC) + 32 MX states, sorted by code: population, area, BEV
 *                            registrations (data/pipeline/population), features per point dataset (the written
 *                            records, equal to each layer's countByState), figures published for the state by others
 *   population.columns.bin   population points (county / municipio centres): position, country, state, population, precision
 *   population.details.json  { id, name }[] in the same row order (sorted by id)
 *   policies.json            PoliciesFile: national governance facts (data/pipeline/policies); the state facts are in
 *                            states.json (StateRecord.policies), with each state's reported jobs (StateRecord.jobs, data/pipeline/jobs)
 * Its sources are 'auxiliary' sources of the registry (data/pipeline/sources/default-sources.ts); they appear in the
 * manifest like every other source, with missing: true and a reason when their input is absent. Without the population
 * snapshots, states.json still comes from data/curated/state-populations.csv and a warning says the points are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  POINT_DATASET_IDS,
  POLICIES_DATASET_ID,
  POPULATION_DATASET_ID,
  STATES_DATASET_ID,
  type AuxiliaryDatasetManifest,
  type PoliciesFile,
  type DatasetId,
  type LayerManifest,
  type PointDatasetId,
  type PublishedFigure,
  type QuarantineEntry,
  type SourceInfo,
  type StateRecord,
} from '../../src/data/atlas-format.ts';
import { SchemaDriftError } from './adapter-types.ts';
import { BuildFailure, baseDirOf, writeOutput, type BuildContext, type LayerRecords, type Ledger } from './build-steps.ts';
import { InputEncodingError, sha256 } from './io/read-input.ts';
import { jobsByState } from './jobs/figures.ts';
import { countByState } from './output/counts.ts';
import { curatedStateCodes, policySourceId, readPolicies } from './policies/build-policies.ts';
import { POLICY_SOURCE_IDS } from './policies/read-policies.ts';
import { encodePopulationColumns } from './output/population-columns.ts';
import { INEGI_FILE } from './population/inegi.ts';
import { NEW_MUNICIPIOS, POPULATION_SOURCES, PopulationCheckError, buildPopulationDatasets, type PopulationDatasets } from './population/index.ts';
import { MX_STATE_FIGURES_ID, parseMxStateChargerFigures, type ParsedPublishedFigures } from './population/published-figures.ts';
import { US_BEV_FILE, US_COUNTY_FILE } from './population/us-census.ts';
import { SourceRegistryError, sourceDescription, type SourceEntry } from './sources/registry.ts';

export const STATES_FILE = 'states.json';
export const POPULATION_COLUMNS_FILE = 'population.columns.bin';
export const POPULATION_DETAILS_FILE = 'population.details.json';
export const POLICIES_FILE = 'policies.json';
/** the point datasets the state counts are computed from */
export const STATES_DERIVED_FROM: readonly PointDatasetId[] = POINT_DATASET_IDS;

/** The population snapshot sources: read together (the module needs all four files or none). */
const POPULATION_SNAPSHOT_IDS = ['census-2020-cenpop', 'inegi-censo-2020', 'inegi-mg-2015', 'afdc-bev-2023'] as const;
/** Every auxiliary source the step reads: it fails (unknown source) when one is not registered. */
export const AUXILIARY_SOURCE_IDS: readonly string[] = [...Object.keys(POPULATION_SOURCES), MX_STATE_FIGURES_ID, ...Object.values(POLICY_SOURCE_IDS)];

export interface AuxiliaryOutput {
  /** undefined when the basemap is missing or incomplete (no state polygons, no areas): nothing written, a warning */
  auxiliary: Record<string, AuxiliaryDatasetManifest> | undefined;
  population: PopulationDatasets['report'] | null;
}

type Counts = Pick<SourceInfo, 'rowsRead' | 'recordsKept' | 'rowsQuarantined'> & { rowsOutOfScope?: number };

export function buildAuxiliary(ctx: BuildContext, input: { layerRecords: LayerRecords; layers: Record<DatasetId, LayerManifest> }, ledger: Ledger): AuxiliaryOutput {
  const { opts } = ctx;
  const entries = new Map<string, SourceEntry>();
  for (const id of AUXILIARY_SOURCE_IDS) {
    const e = ctx.registry.get(id); // unknown: SourceRegistryError
    if (e.role !== 'auxiliary') throw new SourceRegistryError(`source "${id}" feeds the auxiliary datasets but is registered with role ${e.role}`);
    entries.set(id, e);
  }
  const entry = (id: string) => entries.get(id)!;
  const pathOf = (e: SourceEntry) => (e.input ? join(baseDirOf(e.origin, opts), e.input) : null);
  const rel = (p: string) => relative(process.cwd(), p) || p;

  // --- the basemap gives the 83 states and their areas: without it there is no state table
  const basemapProblem = checkBasemap(opts.basemapPath);
  if (basemapProblem) {
    ctx.warn('auxiliary-missing', `States and population datasets not built: ${basemapProblem}`);
    return { auxiliary: undefined, population: null };
  }

  // --- which population snapshots are there (all four or none are read)
  const absent = POPULATION_SNAPSHOT_IDS.filter((id) => !existsSync(pathOf(entry(id))!));
  const readSnapshots = absent.length === 0;
  let pd: PopulationDatasets;
  try {
    pd = buildPopulationDatasets({
      snapshotDir: readSnapshots ? opts.snapshotDir : null,
      basemapStatesGeoJsonPath: opts.basemapPath,
      curatedDir: opts.curatedDir,
      log: (s) => ctx.log(`  ${s}`),
      strict: true,
    });
  } catch (e) {
    if (e instanceof PopulationCheckError) throw new BuildFailure(`Population checks failed (data/pipeline/population):\n${e.message}`);
    if (e instanceof InputEncodingError) throw new BuildFailure(`Unreadable input: ${e.message}`);
    throw new BuildFailure(`Population datasets: ${(e as Error).message}`);
  }
  // a source the module cites must be registered (and be an auxiliary source)
  for (const s of pd.sources)
    if (!entries.has(s.id)) throw new SourceRegistryError(`the population module cites source "${s.id}", which the auxiliary step does not know`);
  const report = pd.report;

  // --- sources: counts, checksums; missing ones with a reason
  const info = (id: string, counts: Counts, checksum: string | null): SourceInfo => {
    const e = entry(id);
    return {
      ...sourceDescription(e),
      rowsRead: counts.rowsRead,
      recordsKept: counts.recordsKept,
      rowsQuarantined: counts.rowsQuarantined,
      ...(counts.rowsOutOfScope ? { rowsOutOfScope: counts.rowsOutOfScope } : {}),
      checksum,
    };
  };
  const checksumOf = (id: string) => {
    const p = pathOf(entry(id));
    return p && existsSync(p) ? sha256(readFileSync(p)) : null;
  };
  const missing = (id: string, reason: string) => {
    ledger.sources[id] = { ...info(id, { rowsRead: 0, recordsKept: 0, rowsQuarantined: 0 }, null), missing: true, missingReason: reason };
    if (ctx.snapshotDirExists || entry(id).origin === 'curated') ctx.warn('source-missing', `Source ${id} is missing: ${reason}`, id);
  };
  const notFound = (id: string) =>
    !ctx.snapshotDirExists && entry(id).origin === 'snapshot' ? `snapshot folder ${opts.snapshotDir} not found` : `input not found: ${rel(pathOf(entry(id))!)}`;

  const quarantined: QuarantineEntry[] = [];
  const fileSource: Record<string, string> = { [US_COUNTY_FILE]: 'census-2020-cenpop', [US_BEV_FILE]: 'afdc-bev-2023', [INEGI_FILE]: 'inegi-censo-2020' };
  for (const q of report.quarantined) {
    const sourceId = fileSource[q.file];
    if (!sourceId) throw new BuildFailure(`internal: population quarantine entry of an unknown file ${q.file}`);
    quarantined.push({ sourceId, row: q.row, recordId: null, reason: q.reason, raw: q.raw });
  }
  const qOf = (id: string) => quarantined.filter((q) => q.sourceId === id).length;
  const fileOf = (name: string) => report.files.find((f) => f.file === name);

  if (readSnapshots) {
    const us = fileOf(US_COUNTY_FILE)!;
    ledger.sources['census-2020-cenpop'] = info(
      'census-2020-cenpop',
      { rowsRead: us.rowsRead, recordsKept: report.us.counties, rowsQuarantined: qOf('census-2020-cenpop'), rowsOutOfScope: report.us.outsideAtlas.rows },
      checksumOf('census-2020-cenpop'),
    );
    const inegi = fileOf(INEGI_FILE)!;
    // the national total, the 32 state subtotal rows and the footer are checked, not points: counted out of scope
    const inegiOther = (report.mx.nationalTotalRow === null ? 0 : 1) + report.mx.subtotalRows + report.mx.footerRows.length;
    ledger.sources['inegi-censo-2020'] = info(
      'inegi-censo-2020',
      { rowsRead: inegi.rowsRead, recordsKept: report.mx.municipios, rowsQuarantined: qOf('inegi-censo-2020'), rowsOutOfScope: inegiOther },
      checksumOf('inegi-censo-2020'),
    );
    const polygons = report.mx.placedByPolygon + report.mx.polygonsWithoutCensusRow.length;
    ledger.sources['inegi-mg-2015'] = info(
      'inegi-mg-2015',
      { rowsRead: polygons, recordsKept: report.mx.placedByPolygon, rowsQuarantined: 0, rowsOutOfScope: report.mx.polygonsWithoutCensusRow.length },
      checksumOf('inegi-mg-2015'),
    );
    const bev = fileOf(US_BEV_FILE)!;
    ledger.sources['afdc-bev-2023'] = info(
      'afdc-bev-2023',
      { rowsRead: bev.rowsRead, recordsKept: report.bev?.rows ?? 0, rowsQuarantined: qOf('afdc-bev-2023') },
      checksumOf('afdc-bev-2023'),
    );
    ledger.sources['inegi-ageeml'] = info(
      'inegi-ageeml',
      { rowsRead: NEW_MUNICIPIOS.length, recordsKept: report.mx.placedByParent.length, rowsQuarantined: 0 },
      sha256(JSON.stringify(NEW_MUNICIPIOS)),
    );
  } else {
    for (const id of POPULATION_SNAPSHOT_IDS) {
      missing(
        id,
        absent.includes(id)
          ? notFound(id)
          : `not read: the population snapshots are read together and ${absent.map((a) => rel(pathOf(entry(a))!)).join(', ')} ${absent.length > 1 ? 'are' : 'is'} missing`,
      );
    }
    ledger.sources['inegi-ageeml'] = info('inegi-ageeml', { rowsRead: 0, recordsKept: 0, rowsQuarantined: 0 }, sha256(JSON.stringify(NEW_MUNICIPIOS)));
    const why = !ctx.snapshotDirExists
      ? `snapshot folder ${opts.snapshotDir} not found`
      : absent.length === POPULATION_SNAPSHOT_IDS.length
        ? 'population snapshots not found'
        : `population snapshots incomplete: ${absent.map((a) => rel(pathOf(entry(a))!)).join(', ')} missing`;
    ctx.warn(
      'population-missing',
      `Population points are missing (${why}): states.json has the curated state populations (data/curated/state-populations.csv), no battery-EV registrations, and there are no population points.`,
    );
  }
  ledger.sources['curated-state-populations'] = info(
    'curated-state-populations',
    { rowsRead: report.curated.rows, recordsKept: report.curated.rows - report.curated.mismatches.length, rowsQuarantined: 0 },
    checksumOf('curated-state-populations'),
  );
  ledger.sources['natural-earth-admin1'] = info(
    'natural-earth-admin1',
    { rowsRead: pd.states.length, recordsKept: pd.states.length, rowsQuarantined: 0 },
    sha256(readFileSync(opts.basemapPath)),
  );
  if (readSnapshots) for (const w of report.warnings) ctx.warn('population-warning', w);

  // --- published figures per Mexican state
  const figPath = pathOf(entry(MX_STATE_FIGURES_ID))!;
  let figures: ParsedPublishedFigures | null = null;
  if (existsSync(figPath)) {
    try {
      figures = parseMxStateChargerFigures(readFileSync(figPath));
    } catch (e) {
      if (e instanceof SchemaDriftError) throw new BuildFailure(`Schema drift: the build stops because a source's format changed.\n  ${e.message}`);
      if (e instanceof InputEncodingError) throw new BuildFailure(`Unreadable input: ${e.message}`);
      throw e;
    }
    for (const w of figures.warnings) ctx.warn('input-warning', w, MX_STATE_FIGURES_ID);
  } else missing(MX_STATE_FIGURES_ID, notFound(MX_STATE_FIGURES_ID));

  // --- the state table
  const codes = new Set(pd.states.map((s) => s.code));
  const published = new Map<string, PublishedFigure[]>();
  if (figures) {
    for (const [code, list] of figures.byState) {
      if (codes.has(code)) published.set(code, list);
      else
        for (const f of list)
          quarantined.push({
            sourceId: MX_STATE_FIGURES_ID,
            row: 0,
            recordId: null,
            reason: `state ${code} is not a basemap state`,
            raw: JSON.stringify(f).slice(0, 500),
          });
    }
    quarantined.push(...figures.quarantined);
    const kept = [...published.values()].reduce((a, l) => a + l.length, 0);
    ledger.sources[MX_STATE_FIGURES_ID] = info(
      MX_STATE_FIGURES_ID,
      { rowsRead: figures.rowsRead, recordsKept: kept, rowsQuarantined: qOf(MX_STATE_FIGURES_ID) },
      checksumOf(MX_STATE_FIGURES_ID),
    );
  }
  const counts = stateCounts(ctx, input, codes);
  // --- governance facts (policies-*.csv) and reported jobs (issue 15)
  const policies = readPolicies(ctx, ledger, curatedStateCodes(ctx));
  for (const code of policies.byState.keys()) if (!codes.has(code)) throw new BuildFailure(`internal: policy facts of ${code}, which is not a basemap state`);
  const jobs = jobsByState(input.layerRecords);
  const states: StateRecord[] = pd.states.map((s) => {
    const figs = published.get(s.code) ?? [];
    const facts = policies.byState.get(s.code) ?? [];
    if (!(s.population >= 0)) throw new BuildFailure(`internal: ${s.code} has no population`);
    return {
      code: s.code,
      country: s.country,
      nameEn: s.nameEn,
      nameEs: s.nameEs,
      population: s.population,
      areaKm2: s.areaKm2,
      bevRegistrations2023: s.bevRegistrations2023,
      counts: counts.get(s.code) ?? {},
      published: figs,
      sourceIds: [...new Set([...s.sources, ...(figs.length ? [MX_STATE_FIGURES_ID] : []), ...facts.map(policySourceId)])].sort(),
      policies: facts,
      jobs: jobs.get(s.code) ?? { reported: 0, facilities: 0, byDataset: {} },
    };
  });
  states.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  ledger.quarantine.push(...quarantined);

  // --- write the files
  const statesBytes = writeOutput(opts.outDir, STATES_FILE, JSON.stringify(states));
  const points = [...pd.population].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let enc: ReturnType<typeof encodePopulationColumns>;
  try {
    enc = encodePopulationColumns(points);
  } catch (e) {
    throw new BuildFailure((e as Error).message);
  }
  const colBytes = writeOutput(opts.outDir, POPULATION_COLUMNS_FILE, enc.bytes);
  const detailBytes = writeOutput(opts.outDir, POPULATION_DETAILS_FILE, JSON.stringify(points.map((p) => ({ id: p.id, name: p.name }))));
  const policiesFile: PoliciesFile = { national: policies.national };
  const policiesBytes = writeOutput(opts.outDir, POLICIES_FILE, JSON.stringify(policiesFile));

  // a dataset's sources: those its rows cite, plus the registered sources that feed it and are missing
  const sourcesOf = (dataset: string, cited: Iterable<string>) => {
    const ids = new Set(cited);
    for (const e of entries.values()) if (e.datasets.includes(dataset as never) && ledger.sources[e.id]?.missing) ids.add(e.id);
    return [...ids].filter((id) => id in ledger.sources).sort();
  };
  const pointSources = readSnapshots ? ['census-2020-cenpop', 'inegi-censo-2020', 'inegi-mg-2015', ...(report.mx.placedByParent.length ? ['inegi-ageeml'] : [])] : [];
  const auxiliary: Record<string, AuxiliaryDatasetManifest> = {
    [STATES_DATASET_ID]: {
      id: STATES_DATASET_ID,
      kind: 'table',
      count: states.length,
      files: { data: STATES_FILE, bytes: { [STATES_FILE]: statesBytes } },
      sourceIds: sourcesOf(
        STATES_DATASET_ID,
        states.flatMap((s) => s.sourceIds),
      ),
      derivedFrom: [...STATES_DERIVED_FROM],
    },
    [POPULATION_DATASET_ID]: {
      id: POPULATION_DATASET_ID,
      kind: 'points',
      count: points.length,
      files: { columns: POPULATION_COLUMNS_FILE, data: POPULATION_DETAILS_FILE, bytes: { [POPULATION_COLUMNS_FILE]: colBytes, [POPULATION_DETAILS_FILE]: detailBytes } },
      columns: enc.columns,
      sourceIds: sourcesOf(POPULATION_DATASET_ID, pointSources),
    },
    [POLICIES_DATASET_ID]: {
      id: POLICIES_DATASET_ID,
      kind: 'table',
      count: policiesFile.national.length,
      files: { data: POLICIES_FILE, bytes: { [POLICIES_FILE]: policiesBytes } },
      sourceIds: sourcesOf(POLICIES_DATASET_ID, [POLICY_SOURCE_IDS.national]),
    },
  };

  logReport(ctx, pd, figures, quarantined, readSnapshots);
  return { auxiliary, population: report };
}

/** Null when the basemap has the 51 US + 32 MX state polygons, else what is wrong. */
function checkBasemap(path: string): string | null {
  if (!existsSync(path)) return `state polygons not found (${path})`;
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { features?: { properties?: { country?: string } | null }[] };
  const n = (c: string) => (fc.features ?? []).filter((f) => f.properties?.country === c).length;
  if (n('US') !== 51 || n('MX') !== 32) return `the basemap ${path} has ${n('US')} US + ${n('MX')} MX states, not 51 + 32`;
  return null;
}

/**
 * Features per point dataset in each state, from the records written by writeDatasets (equal to each layer's
 * countByState). A dataset with no point at all in a country (coverage 'none') is unknown there, not zero: left out.
 */
function stateCounts(
  ctx: BuildContext,
  input: { layerRecords: LayerRecords; layers: Record<DatasetId, LayerManifest> },
  codes: Set<string>,
): Map<string, StateRecord['counts']> {
  const out = new Map<string, StateRecord['counts']>();
  for (const code of codes) out.set(code, {});
  for (const d of STATES_DERIVED_FROM) {
    const byState = countByState(input.layerRecords[d]);
    const manifest = input.layers[d].countByState;
    if (JSON.stringify(byState) !== JSON.stringify(manifest)) throw new BuildFailure(`internal: ${d} records and the manifest's countByState differ`);
    const strays = Object.keys(byState).filter((c) => !codes.has(c));
    if (strays.length) ctx.warn('state-unknown', `${d}: features in states that are not in the state table: ${strays.join(', ')}`);
    for (const code of codes) {
      const country = code.slice(0, 2) as 'US' | 'MX';
      if (input.layers[d].coverage[country].level === 'none') continue;
      out.get(code)![d] = byState[code] ?? 0;
    }
  }
  return out;
}

function logReport(ctx: BuildContext, pd: PopulationDatasets, figures: ParsedPublishedFigures | null, quarantined: QuarantineEntry[], readSnapshots: boolean): void {
  const r = pd.report;
  const log = (s: string) => ctx.log(`  ${s}`);
  const us = pd.states.filter((s) => s.country === 'US').reduce((a, s) => a + s.population, 0);
  const mx = pd.states.filter((s) => s.country === 'MX').reduce((a, s) => a + s.population, 0);
  log(
    `states: ${pd.states.length} (US ${us.toLocaleString('en-US')}, MX ${mx.toLocaleString('en-US')} people; ${readSnapshots ? 'snapshot sums = ' : 'from '}${r.curated.file.split('/').pop()})`,
  );
  for (const f of r.files) {
    log(
      `  ${f.file}: ${f.linesRead} lines, ${f.rowsRead} rows read, ${f.kept} kept, ${f.quarantined} quarantined${f.encoding === 'utf-8' ? '' : ` (read as ${f.encoding}, not UTF-8)`}`,
    );
  }
  if (readSnapshots) {
    log(
      `  US: ${r.us.counties} counties; ${r.us.outsideAtlas.rows} rows outside the atlas (${r.us.outsideAtlas.territories.join(', ')}, ${r.us.outsideAtlas.population} people)`,
    );
    const ok = r.mx.subtotalsChecked.filter((c) => c.ok).length;
    log(
      `  MX: ${r.mx.municipios} municipios; INEGI subtotals checked: ${ok} of ${r.mx.subtotalsChecked.length} equal the municipio sums; national total row ${r.mx.nationalTotalRow}`,
    );
    log(
      `  MX: ${r.mx.placedByPolygon} placed at their 2015 polygon's centre, ${r.mx.placedByParent.length} placed by parent (approximate): ${r.mx.placedByParent
        .map((p) => `${p.code} ${p.name} -> ${p.parentCode} ${p.parentName}`)
        .join('; ')}`,
    );
  }
  log(`  population points: ${pd.population.length}${readSnapshots ? '' : ' (population snapshots missing)'}`);
  if (figures) log(`  published MX charger figures: ${figures.rowsRead} rows read, ${figures.kept} kept, ${figures.quarantined.length} quarantined`);
  log(`  quarantined: ${quarantined.length}${quarantined.length ? ` (${[...new Set(quarantined.map((q) => q.sourceId))].join(', ')})` : ''}`);
}
