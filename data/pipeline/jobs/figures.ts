/**
 * Reported jobs at facilities (issue 15): the figures sources publish, the one kept per facility, and the sums per
 * state. Reported figures only: never estimated, never derived from capacity or investment.
 *
 * Where a facility (a merged record) has several figures, one is kept by this rule, in order:
 *   1. a curated figure (data/curated/facility-jobs.csv, with its citation): 'employed' before 'announced', then the latest year;
 *   2. a snapshot figure of people employed (NAATBatt `workforce`);
 *   3. a snapshot figure of jobs announced (NAATBatt `workforce` marked "(Planned)", the investments list's `reported_jobs`).
 * Within a rank, the largest single figure (rows of one plant often repeat the plant's figure; figures are never
 * summed). The others are listed in the details (`jobsOther`).
 */
import { JOBS_KINDS, type DetailRecord, type JobsKind, type PointDatasetId, type StateJobs } from '../../../src/data/atlas-format.ts';
import { encodeOtherJobsFigure } from '../../../src/data/jobs-figure.ts';

/** The datasets whose facilities carry jobs. */
export const JOBS_DATASETS = ['battery-plants', 'assembly-plants'] as const satisfies readonly PointDatasetId[];
export type JobsDataset = (typeof JOBS_DATASETS)[number];

export interface JobsFigure {
  jobs: number;
  kind: JobsKind;
  /** the year the figure refers to, when the source states it */
  year: number | null;
  /** a URL (curated rows) or the source id (snapshot figures) */
  source: string;
  curated: boolean;
}

/** NAATBatt `workforce`: "75" (employed), "150 (Planned)" (announced); empty, 0 or anything else = not reported. */
export function parseWorkforce(s: string | undefined | null): { jobs: number; kind: JobsKind } | null {
  const m = /^\s*(\d[\d,]*)\s*(\(\s*planned\s*\))?\s*$/i.exec(s ?? '');
  if (!m) return null;
  const jobs = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(jobs) || jobs <= 0) return null;
  return { jobs, kind: m[2] ? 'announced' : 'employed' };
}

/** Investments list `reported_jobs` (jobs announced with the investment): a positive integer; 0 ("Less than 100",
 *  "Unreported"), negative (a cancellation), "-", "Not Specified" = not reported. */
export function parseReportedJobs(s: string | undefined | null): number | null {
  const c = (s ?? '').trim().replace(/,/g, '');
  if (!/^\d+$/.test(c)) return null;
  const n = Number(c);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function isJobsKind(s: string): s is JobsKind {
  return (JOBS_KINDS as readonly string[]).includes(s);
}

/** Rank of a figure under the rule above (lower = preferred). */
function rank(f: JobsFigure): number {
  if (f.curated) return f.kind === 'employed' ? 0 : 1;
  return f.kind === 'employed' ? 2 : 3;
}

/** Figures in the order of the rule: the first is the one kept. Identical figures (same number, kind, year, source) count once. */
export function orderFigures(figures: readonly JobsFigure[]): JobsFigure[] {
  const seen = new Set<string>();
  const unique = figures.filter((f) => {
    const k = `${f.jobs}|${f.kind}|${f.year}|${f.source}|${f.curated}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort((a, b) => rank(a) - rank(b) || (b.year ?? -1) - (a.year ?? -1) || b.jobs - a.jobs || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** The jobs attributes of a record (all null when no source reports a figure). */
export function jobsAttributes(figures: readonly JobsFigure[]): DetailRecord['attributes'] {
  const [kept, ...others] = orderFigures(figures);
  if (!kept) return { jobs: null, jobsKind: null, jobsYear: null, jobsSourceUrl: null, jobsOther: null };
  return {
    jobs: kept.jobs,
    jobsKind: kept.kind,
    jobsYear: kept.year,
    jobsSourceUrl: kept.source,
    jobsOther: others.length ? others.map(encodeOtherJobsFigure) : null,
  };
}

/** Jobs reported per state: the sum of each facility's kept figure and how many facilities report one, per dataset. */
export function jobsByState(layerRecords: Pick<Record<PointDatasetId, readonly DetailRecord[]>, JobsDataset>): Map<string, StateJobs> {
  const out = new Map<string, StateJobs>();
  for (const d of JOBS_DATASETS) {
    for (const r of layerRecords[d]) {
      const jobs = r.attributes.jobs;
      if (!r.state || typeof jobs !== 'number' || !Number.isFinite(jobs)) continue;
      const s = out.get(r.state) ?? { reported: 0, facilities: 0, byDataset: {} };
      out.set(r.state, s);
      const per = (s.byDataset[d] ??= { reported: 0, facilities: 0 });
      per.reported += jobs;
      per.facilities += 1;
      s.reported += jobs;
      s.facilities += 1;
    }
  }
  return out;
}
