/** Merge rows of one source that describe phases of one plant (same layer, same site, same company). */
import type { CandidateRecord } from '../adapter-types.ts';
import type { FACILITY_STATUSES, EV_PRODUCTION } from '../../../src/data/atlas-format.ts';
import { sharesToken, tokens } from './util.ts';

type Status = (typeof FACILITY_STATUSES)[number];
type Ev = (typeof EV_PRODUCTION)[number];

/** The plant's status is its most advanced phase's. */
const STATUS_RANK: Record<Status, number> = { operating: 7, under_construction: 6, announced: 5, paused: 4, disputed: 3, retired: 2, cancelled: 1 };
const EV_RANK: Record<Ev, number> = { ev_in_production: 3, ev_announced: 2, no_ev: 1 };

export function bestStatus(a: unknown, b: unknown): Status | null {
  const ra = typeof a === 'string' ? (STATUS_RANK[a as Status] ?? 0) : 0;
  const rb = typeof b === 'string' ? (STATUS_RANK[b as Status] ?? 0) : 0;
  if (ra === 0 && rb === 0) return null;
  return (ra >= rb ? a : b) as Status;
}
export function bestEv(a: unknown, b: unknown): Ev | null {
  const ra = typeof a === 'string' ? (EV_RANK[a as Ev] ?? 0) : 0;
  const rb = typeof b === 'string' ? (EV_RANK[b as Ev] ?? 0) : 0;
  if (ra === 0 && rb === 0) return null;
  return (ra >= rb ? a : b) as Ev;
}

export function unionList(a: unknown, b: unknown): string[] | null {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of [a, b]) {
    if (!Array.isArray(v)) continue;
    for (const x of v) {
      const k = String(x).toLowerCase();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(String(x));
      }
    }
  }
  return out.length ? out : null;
}

function sumNullable(a: unknown, b: unknown): number | null {
  const na = typeof a === 'number' ? a : null;
  const nb = typeof b === 'number' ? b : null;
  if (na === null && nb === null) return null;
  return (na ?? 0) + (nb ?? 0);
}

function earliest(a: unknown, b: unknown): string | null {
  const sa = typeof a === 'string' ? a : null;
  const sb = typeof b === 'string' ? b : null;
  if (!sa) return sb;
  if (!sb) return sa;
  return sa <= sb ? sa : sb;
}

/**
 * Rows at the same coordinates (rounded to 1e-4 deg, ~10 m), in the same layer, whose company names share a
 * distinctive word, become one record: first row's id and name, the other rows' ids in extraSources, capex
 * summed, status = most advanced phase, owners/products unioned, `phases` = number of rows.
 * Returns the merged records and how many rows were folded into another.
 */
export function mergePhases<T extends CandidateRecord>(
  sourceId: string,
  recs: T[],
  companyOf: (r: T) => string,
  urlOf: (r: T) => string | undefined = () => undefined,
): { records: T[]; merged: number } {
  const groups = new Map<string, { rec: T; toks: Set<string> }[]>();
  const out: T[] = [];
  let merged = 0;
  for (const r of recs) {
    const key = `${r.layer}|${r.lat.toFixed(4)}|${r.lon.toFixed(4)}`;
    const toks = tokens(companyOf(r));
    const g = groups.get(key) ?? [];
    groups.set(key, g);
    const hit = g.find((x) => sharesToken(x.toks, toks));
    if (!hit) {
      const copy: T = { ...r, attributes: { ...r.attributes, phases: 1 } };
      g.push({ rec: copy, toks });
      out.push(copy);
      continue;
    }
    merged++;
    for (const t of toks) hit.toks.add(t);
    const m = hit.rec;
    const a = m.attributes;
    const b = r.attributes;
    const url = urlOf(r);
    m.extraSources = [...(m.extraSources ?? []), { sourceId, recordId: r.sourceRecordId, ...(url ? { url } : {}) }, ...(r.extraSources ?? [])];
    if (m.precision === 'approximate' && r.precision === 'exact') m.precision = 'exact';
    a.phases = (typeof a.phases === 'number' ? a.phases : 1) + 1;
    if ('status' in a) a.status = bestStatus(a.status, b.status);
    if ('ev' in a) a.ev = bestEv(a.ev, b.ev);
    if ('capexMusd' in a) a.capexMusd = sumNullable(a.capexMusd, b.capexMusd);
    if ('owners' in a) a.owners = unionList(a.owners, b.owners);
    if ('products' in a) {
      const p = unionList(
        String(a.products ?? '')
          .split('; ')
          .filter(Boolean),
        String(b.products ?? '')
          .split('; ')
          .filter(Boolean),
      );
      a.products = p ? p.join('; ') : null;
    }
    if ('announced' in a) a.announced = earliest(a.announced, b.announced);
    if ('stage' in a && (a.stage === null || a.stage === 'other') && b.stage) a.stage = b.stage;
  }
  return { records: out, merged };
}
