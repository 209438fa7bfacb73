/**
 * data/curated/facility-jobs.csv (FORMAT.md): employment a public source states for one facility, matched to the
 * merged records like facility-overrides.csv (../supply/facility-match.ts). A row that breaks the format is
 * quarantined with its row and reason; a valid row that matches no record, or more than one (its figure would be
 * counted twice in the state sums), is a build error.
 */
import { ATLAS_CONTRIBUTORS, PER_ROW_AS_OF, type QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { readTable } from '../io/csv.ts';
import { parseFacilityMatch, type FacilityMatch } from '../supply/facility-match.ts';
import { clean, isAsOfDate, urlProblem } from '../supply/util.ts';
import { isJobsKind, JOBS_DATASETS, type JobsDataset } from './figures.ts';
import type { JobsKind } from '../../../src/data/atlas-format.ts';

export const FACILITY_JOBS_FILE = 'facility-jobs.csv';
export const FACILITY_JOBS_SOURCE_ID = 'curated-facility-jobs';
export const FACILITY_JOBS_META = {
  title: 'Curated reported employment at battery and vehicle plants (one public source per row)',
  publisher: ATLAS_CONTRIBUTORS,
  url: 'data/curated/facility-jobs.csv',
  licence: 'CC BY 4.0 (facts with per-row citations)',
  asOf: PER_ROW_AS_OF,
};
export const FACILITY_JOBS_COLUMNS = [
  'id',
  'layer',
  'match_name',
  'match_lat',
  'match_lon',
  'match_radius_km',
  'jobs',
  'jobs_kind',
  'year',
  'source_url',
  'as_of',
  'notes',
];

export interface CuratedJobsRow {
  id: string;
  row: number;
  layer: JobsDataset;
  match: FacilityMatch;
  jobs: number;
  kind: JobsKind;
  year: number | null;
  sourceUrl: string;
  asOf: string;
  notes: string | null;
}

export function parseFacilityJobs(buf: Buffer, file = FACILITY_JOBS_FILE): { rows: CuratedJobsRow[]; quarantined: QuarantineEntry[]; rowsRead: number } {
  const sid = FACILITY_JOBS_SOURCE_ID;
  const { rows, malformed } = readTable(sid, buf, FACILITY_JOBS_COLUMNS, { label: `${sid} (${file})` });
  const quarantined: QuarantineEntry[] = malformed.map((m) => ({ ...m, reason: `${file} row ${m.row}: ${m.reason}` }));
  const out: CuratedJobsRow[] = [];
  const ids = new Set<string>();
  for (const { row, data, raw } of rows) {
    const errs: string[] = [];
    const id = clean(data.id);
    if (!id) errs.push('missing id');
    else if (ids.has(id)) errs.push(`duplicate id "${id}"`);
    if (id) ids.add(id);
    const layer = clean(data.layer);
    if (!(JOBS_DATASETS as readonly string[]).includes(layer)) errs.push(`layer "${layer}" is not one of ${JOBS_DATASETS.join(', ')}`);
    const m = parseFacilityMatch(data);
    if ('error' in m) errs.push(m.error);
    const jobsText = clean(data.jobs);
    const jobs = /^\d+$/.test(jobsText) ? Number(jobsText) : NaN;
    if (!(Number.isSafeInteger(jobs) && jobs > 0)) errs.push(`jobs "${jobsText}" is not a positive whole number`);
    const kind = clean(data.jobs_kind);
    if (!isJobsKind(kind)) errs.push(`jobs_kind "${kind}" is not employed or announced`);
    const yearText = clean(data.year);
    const year = yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (year !== null && !(year >= 1900 && year <= 2100)) errs.push(`year "${yearText}" is not a year (YYYY)`);
    const sourceUrl = clean(data.source_url);
    const urlErr = urlProblem(sourceUrl);
    if (urlErr) errs.push(urlErr);
    const asOf = clean(data.as_of);
    if (!isAsOfDate(asOf)) errs.push(`as_of "${asOf}" is not YYYY-MM or YYYY-MM-DD`);
    if (errs.length || 'error' in m) {
      quarantined.push({ sourceId: sid, row, recordId: id || null, reason: `${file} row ${row}: ${errs.join('; ')}`, raw });
      continue;
    }
    out.push({
      id,
      row,
      layer: layer as JobsDataset,
      match: m.match,
      jobs,
      kind: kind as JobsKind,
      year,
      sourceUrl,
      asOf,
      notes: clean(data.notes) || null,
    });
  }
  return { rows: out, quarantined, rowsRead: rows.length + malformed.length };
}
