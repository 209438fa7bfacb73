/**
 * What every source adapter returns. Adapters parse one source (a snapshot file or a live API
 * response) into candidate records; they never drop a row silently: a row they cannot map goes to
 * `quarantined` with its row number and reason. Country/state assignment, coordinate validation
 * against the basemap, merging and writing are done centrally by the pipeline afterwards.
 */
import type { PointDatasetId, QuarantineEntry, SourceInfo, SourceRef } from '../../src/data/atlas-format.ts';

export interface CandidateRecord {
  layer: PointDatasetId;
  /** id inside its source; unique per source */
  sourceRecordId: string;
  name: string;
  lon: number;
  lat: number;
  /** the country the source states ('US', 'MX', other ISO codes), or null if it states none */
  statedCountry: string | null;
  /** the state/province the source states (as written), or null */
  statedState: string | null;
  precision: 'exact' | 'approximate';
  /** more source refs when the adapter itself merged rows (e.g. phases) */
  extraSources?: SourceRef[];
  attributes: Record<string, string | number | boolean | string[] | null>;
}

export interface AdapterResult {
  source: Omit<SourceInfo, 'rowsRead' | 'recordsKept' | 'rowsQuarantined' | 'checksum'>;
  rowsRead: number;
  records: CandidateRecord[];
  quarantined: QuarantineEntry[];
  /** (additive) rows that are valid but outside the atlas's scope (other fuels, Canadian sites):
   *  counted, not quarantined. rowsRead = records + quarantined + outOfScope.count */
  outOfScope?: { count: number; reason: string };
  /** (additive) non-fatal problems found while reading (e.g. non-UTF-8 bytes decoded as windows-1252) */
  warnings?: string[];
  /** (additive) the 1-based input row (or JSON index) of each record, for quarantine entries */
  rowRefs?: number[];
}

/** Thrown when a source's columns/fields no longer match what the adapter expects. The build fails. */
export class SchemaDriftError extends Error {
  constructor(
    public readonly sourceId: string,
    public readonly detail: string,
  ) {
    super(`Schema drift in source "${sourceId}": ${detail}`);
    this.name = 'SchemaDriftError';
  }
}

/** One source. `inputs` are paths relative to the snapshot folder (origin 'snapshot') or to data/curated. */
export interface SourceAdapter {
  sourceId: string;
  origin: 'snapshot' | 'curated';
  inputs: string[];
  /** (additive) members of `inputs` that may be absent: the adapter then receives no entry for them */
  optionalInputs?: string[];
  /** receives the raw bytes of each input (gzip already inflated), keyed by the paths in `inputs` */
  parse(files: Record<string, Buffer>): AdapterResult;
}

/** A candidate record after central validation and point-in-polygon state assignment. */
export interface LocatedRecord extends CandidateRecord {
  sourceId: string;
  country: import('../../src/data/atlas-format.ts').Country;
  state: string | null;
}

/** Merges the located records of one layer (from every source) into the layer's final records. */
export type LayerMerger = (records: LocatedRecord[]) => import('../../src/data/atlas-format.ts').DetailRecord[];
