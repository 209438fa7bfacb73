/**
 * The attachJobs build step (after reconcile, before writeDatasets): gives every battery and assembly plant its
 * reported jobs (./figures.ts for the rule). Snapshot figures come from the adapters (NAATBatt `workforce`, the
 * investments list's `reported_jobs`), which put them on their candidate records (attributes jobs, jobsKind, jobsYear,
 * jobsSourceUrl); they are looked up here through each merged record's source refs, so every row folded into a
 * facility counts, not only the merge's primary. Curated figures come from data/curated/facility-jobs.csv; a matched
 * row is cited among the record's sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DetailRecord, QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { SchemaDriftError, type LocatedRecord } from '../adapter-types.ts';
import { BuildFailure, baseDirOf, type BuildContext, type LayerRecords, type Ledger } from '../build-steps.ts';
import { InputEncodingError, sha256 } from '../io/read-input.ts';
import { SourceRegistryError, sourceDescription } from '../sources/registry.ts';
import { describeMatch, matchesFacility } from '../supply/facility-match.ts';
import { FACILITY_JOBS_SOURCE_ID, parseFacilityJobs, type CuratedJobsRow } from './facility-jobs.ts';
import { isJobsKind, JOBS_DATASETS, jobsAttributes, type JobsFigure } from './figures.ts';

const key = (sourceId: string, recordId: string) => `${sourceId}\u0000${recordId}`;

/** The jobs figure an adapter put on a candidate record, or null. */
export function candidateFigure(r: Pick<LocatedRecord, 'sourceId' | 'attributes'>): JobsFigure | null {
  const a = r.attributes;
  if (typeof a.jobs !== 'number' || !(a.jobs > 0) || typeof a.jobsKind !== 'string' || !isJobsKind(a.jobsKind)) return null;
  return {
    jobs: a.jobs,
    kind: a.jobsKind,
    year: typeof a.jobsYear === 'number' ? a.jobsYear : null,
    source: typeof a.jobsSourceUrl === 'string' && a.jobsSourceUrl ? a.jobsSourceUrl : r.sourceId,
    curated: false,
  };
}

export interface JobsReport {
  /** facilities with a kept figure, per dataset */
  facilities: Record<string, number>;
  /** kept figures by origin: curated, snapshot employed, snapshot announced */
  kept: { curated: number; employed: number; announced: number };
  curatedRows: number;
}

export function attachJobs(
  ctx: BuildContext,
  input: { layerRecords: LayerRecords; locatedBySource: Map<string, LocatedRecord[]> },
  ledger: Ledger,
): { layerRecords: LayerRecords; report: JobsReport } {
  // --- snapshot figures, by (source, record id)
  const snapshot = new Map<string, JobsFigure>();
  for (const [sourceId, recs] of input.locatedBySource) {
    for (const r of recs) {
      const f = candidateFigure(r);
      if (f) snapshot.set(key(sourceId, r.sourceRecordId), f);
    }
  }

  // --- curated figures
  const entry = ctx.registry.get(FACILITY_JOBS_SOURCE_ID);
  if (entry.role !== 'overrides') throw new SourceRegistryError(`source "${entry.id}" is matched to facilities but is registered with role ${entry.role}`);
  const path = entry.input ? join(baseDirOf(entry.origin, ctx.opts), entry.input) : null;
  const rel = (p: string) => relative(process.cwd(), p) || p;
  let curated: CuratedJobsRow[] = [];
  let quarantined: QuarantineEntry[] = [];
  const info = sourceDescription(entry);
  if (!path || !existsSync(path)) {
    const reason = `input not found: ${path ? rel(path) : '(no input registered)'}`;
    ledger.sources[entry.id] = { ...info, rowsRead: 0, recordsKept: 0, rowsQuarantined: 0, checksum: null, missing: true, missingReason: reason };
    ctx.warn('source-missing', `Source ${entry.id} is missing: ${reason} (no curated facility jobs yet)`, entry.id);
  } else {
    const buf = readFileSync(path);
    let rowsRead: number;
    try {
      ({ rows: curated, quarantined, rowsRead } = parseFacilityJobs(buf));
    } catch (e) {
      if (e instanceof SchemaDriftError) throw new BuildFailure(`Schema drift: the build stops because a source's format changed.\n  ${e.message}`);
      if (e instanceof InputEncodingError) throw new BuildFailure(`Unreadable input: ${e.message}`);
      throw e;
    }
    ledger.quarantine.push(...quarantined);
    for (const q of quarantined) ctx.warn('curated-row-quarantined', `${q.reason} (quarantined)`, entry.id);
    ledger.sources[entry.id] = { ...info, rowsRead, recordsKept: 0, rowsQuarantined: quarantined.length, checksum: sha256(buf) };
  }

  const curatedByRecord = new Map<string, { row: CuratedJobsRow; figure: JobsFigure }[]>();
  const errors: string[] = [];
  const unbuilt = new Set<string>();
  for (const row of curated) {
    // a layer with no record at all (a build of a subset of the sources): nothing to match, said once
    if (input.layerRecords[row.layer].length === 0) {
      unbuilt.add(row.layer);
      continue;
    }
    const hits = input.layerRecords[row.layer].filter((r) => matchesFacility(r, row.match));
    const where = `facility jobs "${row.id}" (facility-jobs.csv row ${row.row})`;
    if (hits.length === 0) errors.push(`${where}: matches no ${describeMatch(row.layer, row.match)}`);
    else if (hits.length > 1)
      errors.push(`${where}: matches ${hits.length} records (${hits.map((h) => h.id).join(', ')}); narrow match_name or match_radius_km so it names one facility`);
    else {
      const list = curatedByRecord.get(hits[0]!.id) ?? [];
      list.push({ row, figure: { jobs: row.jobs, kind: row.kind, year: row.year, source: row.sourceUrl, curated: true } });
      curatedByRecord.set(hits[0]!.id, list);
    }
  }
  for (const layer of unbuilt) ctx.warn('facility-jobs-unmatched', `${layer} has no record in this build: its rows of ${entry.input} are not matched`, entry.id);
  if (errors.length) {
    if (ctx.snapshotDirExists) throw new BuildFailure(`Curated facility jobs failed (data/curated/${entry.input}):\n  ${errors.join('\n  ')}`);
    for (const e of errors) ctx.warn('facility-jobs-unmatched', `${e} (expected in curated-only mode)`, entry.id);
  }
  if (ledger.sources[entry.id] && !ledger.sources[entry.id]!.missing)
    ledger.sources[entry.id]!.recordsKept = [...curatedByRecord.values()].reduce((a, l) => a + l.length, 0);

  // --- one figure per facility
  const report: JobsReport = { facilities: {}, kept: { curated: 0, employed: 0, announced: 0 }, curatedRows: curated.length };
  const layerRecords = { ...input.layerRecords };
  for (const d of JOBS_DATASETS) {
    let n = 0;
    layerRecords[d] = input.layerRecords[d].map((r): DetailRecord => {
      const cur = curatedByRecord.get(r.id) ?? [];
      const figures = [...r.sources.flatMap((s) => snapshot.get(key(s.sourceId, s.recordId)) ?? []), ...cur.map((c) => c.figure)];
      const attrs = jobsAttributes(figures);
      if (typeof attrs.jobs === 'number') {
        n++;
        const keptCurated = cur.some((c) => c.figure.source === attrs.jobsSourceUrl && c.figure.jobs === attrs.jobs);
        if (keptCurated) report.kept.curated++;
        else if (attrs.jobsKind === 'employed') report.kept.employed++;
        else report.kept.announced++;
      }
      const sources = cur.length ? [...r.sources, ...cur.map((c) => ({ sourceId: FACILITY_JOBS_SOURCE_ID, recordId: c.row.id, url: c.row.sourceUrl }))] : r.sources;
      return { ...r, sources, attributes: { ...r.attributes, ...attrs } };
    });
    report.facilities[d] = n;
  }
  ctx.log(
    `  jobs reported: ${JOBS_DATASETS.map((d) => `${report.facilities[d]} ${d}`).join(', ')} (kept: ${report.kept.curated} curated, ${report.kept.employed} employed, ${report.kept.announced} announced; ${report.curatedRows} curated rows, ${quarantined.length} quarantined)`,
  );
  return { layerRecords, report };
}
