import type { DetailRecord } from '../../src/data/atlas-format.ts';
import type { LocatedRecord } from './adapter-types.ts';

/** A located record as a final record of its layer, keeping its source ref and any it already merged. */
export function toDetailRecord(r: LocatedRecord, id: string): DetailRecord {
  return {
    id,
    name: r.name,
    country: r.country,
    state: r.state,
    lon: r.lon,
    lat: r.lat,
    precision: r.precision,
    sources: [{ sourceId: r.sourceId, recordId: r.sourceRecordId }, ...(r.extraSources ?? [])],
    attributes: { ...r.attributes },
  };
}
