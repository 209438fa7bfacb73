/** `export <dir>` also writes <dir>/states.csv: one row per state (51 US incl. DC, 32 MX) from the built states.json,
 *  with the counts of each point dataset (no filter, which are the app's default filters: equal to the features of
 *  that state in the layer exports), chargers per 100,000 people, and the charging gap at 50 km (people whose
 *  straight-line distance to the nearest charger, or DC fast charger, is beyond 50 km; ./state-gap.ts). UTF-8, quoted by papaparse where needed.
 *  An empty cell is unknown (a dataset with no point in that country), never zero.
 *  Issue 15 adds, after those columns: `zev_rule`, `clean_fuel_standard`, `ev_incentive` (the state's curated facts of
 *  that policy: the values in force joined by ";", else the facts' statuses, e.g. "adopted", "none" where a source says
 *  the state has none; empty = no fact, unknown), `nevi_apportionment_musd` (US states; empty where not applicable or
 *  unknown), `jobs_reported` (the sum of the reported jobs kept per facility, employed or announced; empty when no
 *  facility of the state reports jobs) and `jobs_reporting_facilities` (battery and assembly plants with a figure). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { STATES_DATASET_ID, type AtlasManifest, type PolicyFact, type PolicyKey, type StateRecord } from '../../../src/data/atlas-format.ts';
import { roundShare, stateGapFigures, type StateGap } from './state-gap.ts';

export const STATES_CSV_FILE = 'states.csv';
export const STATES_CSV_COLUMNS = [
  'state_code',
  'country',
  'name',
  'population',
  'area_km2',
  'chargers',
  'minerals',
  'battery_plants',
  'assembly_plants',
  'chargers_per_100k',
  'pop_beyond_50km',
  'share_beyond_50km',
  'dcfast_pop_beyond_50km',
  'dcfast_share_beyond_50km',
  'zev_rule',
  'clean_fuel_standard',
  'ev_incentive',
  'nevi_apportionment_musd',
  'jobs_reported',
  'jobs_reporting_facilities',
] as const;

/** The states.csv cell of one policy: the values in force (";"-joined, in file order), else the facts' statuses; null = no fact. */
export function policyCell(facts: readonly PolicyFact[] | undefined, policy: PolicyKey): string | null {
  const of = (facts ?? []).filter((f) => f.policy === policy);
  if (of.length === 0) return null;
  const uniq = (xs: string[]) => [...new Set(xs)].join(';');
  const inForce = of.filter((f) => f.status === 'in_force');
  return inForce.length ? uniq(inForce.map((f) => f.value)) : uniq(of.map((f) => f.status));
}

/** A US state's NEVI formula apportionment (million USD): the amount of its NEVI fact (the latest as_of when there are
 *  several); null for Mexican states and where no fact gives one. */
export function neviCell(s: Pick<StateRecord, 'country' | 'policies'>): number | null {
  if (s.country !== 'US') return null;
  const facts = (s.policies ?? []).filter((f) => f.policy === 'nevi_apportionment' && f.amountMusd !== null);
  if (facts.length === 0) return null;
  const latest = facts.reduce((a, b) => (b.asOf > a.asOf ? b : a));
  return latest.amountMusd;
}

/** Chargers per 100,000 people, rounded to 2 decimals; null when either is unknown or the population is 0. */
export function per100k(count: number | undefined, population: number): number | null {
  if (count === undefined || !(population > 0)) return null;
  return Math.round((count / population) * 100_000 * 100) / 100;
}

export function statesCsvRows(states: readonly StateRecord[], gaps: ReadonlyMap<string, StateGap> | null = null): (string | number | null)[][] {
  return states.map((s) => {
    const gap = gaps?.get(s.code);
    return [
      s.code,
      s.country,
      s.nameEn,
      s.population,
      s.areaKm2,
      s.counts.chargers ?? null,
      s.counts.minerals ?? null,
      s.counts['battery-plants'] ?? null,
      s.counts['assembly-plants'] ?? null,
      per100k(s.counts.chargers, s.population),
      gap ? gap.all.beyond : null,
      gap ? roundShare(gap.all.share) : null,
      gap ? gap.dcFast.beyond : null,
      gap ? roundShare(gap.dcFast.share) : null,
      policyCell(s.policies, 'zev_rule'),
      policyCell(s.policies, 'clean_fuel_standard'),
      policyCell(s.policies, 'ev_incentive'),
      neviCell(s),
      s.jobs && s.jobs.facilities > 0 ? s.jobs.reported : null,
      s.jobs ? s.jobs.facilities : null,
    ];
  });
}

/** Whether the built output has the states table (an output of an older build does not). */
export function hasStatesTable(builtDir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as AtlasManifest;
    return !!m.auxiliary?.[STATES_DATASET_ID]?.files.data;
  } catch {
    return false;
  }
}

export function exportStatesCsv(builtDir: string, outDir: string): { file: string; rows: number } {
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as AtlasManifest;
  const aux = manifest.auxiliary?.[STATES_DATASET_ID];
  if (!aux?.files.data) throw new Error(`${builtDir}/manifest.json lists no states dataset: run "npm run data" first`);
  const states = JSON.parse(readFileSync(join(builtDir, aux.files.data), 'utf8')) as StateRecord[];
  const sorted = [...states].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const csv = Papa.unparse({ fields: [...STATES_CSV_COLUMNS], data: statesCsvRows(sorted, stateGapFigures(builtDir)) }, { newline: '\r\n' });
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, STATES_CSV_FILE);
  writeFileSync(file, `${csv}\r\n`, 'utf8');
  return { file, rows: sorted.length };
}
