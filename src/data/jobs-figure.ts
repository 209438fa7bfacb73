import { JOBS_KINDS, type JobsKind } from './atlas-format.ts';

/** One jobs figure found for a facility but not kept (detail attribute `jobsOther`). */
export interface OtherJobsFigure {
  jobs: number;
  kind: JobsKind;
  year: number | null;
  /** a URL (curated rows) or the source id (snapshot figures) */
  source: string;
}

/** "<jobs> <kind> <year|-> <source>", as stored in `jobsOther`. */
export function encodeOtherJobsFigure(f: OtherJobsFigure): string {
  return `${f.jobs} ${f.kind} ${f.year ?? '-'} ${f.source}`;
}

const OTHER_FIGURE = /^(\d+) (\S+) (\d{4}|-) (\S.*)$/;

/** The figure a `jobsOther` entry holds, or null when it is not in that form (it is then shown as written). */
export function decodeOtherJobsFigure(text: string): OtherJobsFigure | null {
  const match = OTHER_FIGURE.exec(text);
  if (!match || !(JOBS_KINDS as readonly string[]).includes(match[2]!)) return null;
  return { jobs: Number(match[1]), kind: match[2] as JobsKind, year: match[3] === '-' ? null : Number(match[3]), source: match[4]! };
}
