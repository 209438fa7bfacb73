/**
 * Issue 15, pipeline half: the curated governance and facility-jobs files (schema and citations, on the files as
 * committed), the strict policy and facility-jobs readers on bad rows, the jobs rule, and the built output (jobs per
 * state against the source rows, computed here from the snapshot CSVs; policies.json; the new states.csv columns).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  POLICY_KEYS,
  POLICY_STATUSES,
  type AtlasManifest,
  type DetailRecord,
  type PoliciesFile,
  type PolicyFact,
  type StateRecord,
} from '../../src/data/atlas-format.ts';
import { FACILITY_JOBS_COLUMNS, parseFacilityJobs } from '../../data/pipeline/jobs/facility-jobs.ts';
import { jobsAttributes, orderFigures, parseReportedJobs, parseWorkforce, type JobsFigure } from '../../data/pipeline/jobs/figures.ts';
import { STATES_CSV_COLUMNS, exportStatesCsv, neviCell, policyCell, statesCsvRows } from '../../data/pipeline/output/export-states.ts';
import { POLICY_COLUMNS, POLICY_FILES, POLICY_VALUES, parsePolicyFile, type PolicyFileKind } from '../../data/pipeline/policies/read-policies.ts';
import { HAS_SHARED, REPO, SHARED } from './helpers.ts';

const CURATED = join(REPO, 'data/curated');
type Row = Record<string, string>;
function loadCsv(path: string): { fields: string[]; rows: Row[] } {
  const res = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(res.errors, `${path} parse errors`).toEqual([]);
  return { fields: res.meta.fields ?? [], rows: res.data };
}
const STATE_CODES = new Set(loadCsv(join(CURATED, 'state-populations.csv')).rows.map((r) => r.state_code!));
const URL_RE = /^https?:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/;
const AS_OF_RE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');

// ------------------------------------------------------------------------------------------------ curated files

describe('curated policy files: schema and citations (the committed files)', () => {
  const present = (Object.entries(POLICY_FILES) as [PolicyFileKind, string][]).filter(([, f]) => existsSync(join(CURATED, f)));
  const seen = new Set<string>();
  it.skipIf(present.length === 0)('every row: known jurisdiction, allowed policy/value/status, dates, a public URL and an as-of date, unique ids', () => {
    for (const [kind, file] of present) {
      const { fields, rows } = loadCsv(join(CURATED, file));
      expect(fields, file).toEqual(POLICY_COLUMNS);
      rows.forEach((r, i) => {
        const where = `${file} row ${i + 2} (${r.id})`;
        expect(r.id, where).toMatch(/\S/);
        expect(seen.has(r.id!), `${where}: duplicate id across the policy files`).toBe(false);
        seen.add(r.id!);
        if (kind === 'national') expect(['US', 'MX'], where).toContain(r.jurisdiction);
        else {
          expect(STATE_CODES.has(r.jurisdiction!), `${where}: jurisdiction ${r.jurisdiction} not in state-populations.csv`).toBe(true);
          expect(r.jurisdiction!.slice(0, 2), where).toBe(kind.toUpperCase());
        }
        expect(POLICY_KEYS as readonly string[], where).toContain(r.policy);
        expect(POLICY_STATUSES as readonly string[], where).toContain(r.status);
        const allowed = POLICY_VALUES[r.policy as keyof typeof POLICY_VALUES];
        if (allowed) expect(allowed, where).toContain(r.value);
        else expect(r.value, where).toMatch(/^[a-z0-9][a-z0-9_]*$/);
        expect(r.value === 'none', `${where}: value none iff status none`).toBe(r.status === 'none');
        for (const d of ['adopted', 'effective', 'ended']) if (r[d]) expect(r[d], `${where} ${d}`).toMatch(DATE_RE);
        if (r.amount_musd) expect(Number(r.amount_musd), `${where} amount_musd`).toBeGreaterThanOrEqual(0);
        if (r.policy === 'nevi_apportionment') {
          expect(r.jurisdiction!.startsWith('US'), where).toBe(true);
          if (r.status !== 'none') expect(r.amount_musd, `${where}: NEVI amount`).toMatch(/^\d+(\.\d+)?$/);
        }
        expect(r.source_url, `${where} source_url`).toMatch(URL_RE);
        expect(r.as_of, `${where} as_of`).toMatch(AS_OF_RE);
      });
      // the pipeline's reader agrees: nothing quarantined
      const parsed = parsePolicyFile(kind, readFileSync(join(CURATED, file)), STATE_CODES);
      expect(
        parsed.quarantined.map((q) => q.reason),
        file,
      ).toEqual([]);
      expect(parsed.facts).toHaveLength(rows.length);
    }
  });
});

describe('curated facility-jobs.csv: schema and citations (the committed file)', () => {
  const path = join(CURATED, 'facility-jobs.csv');
  it.skipIf(!existsSync(path))('every row: a plant layer, a match, a positive whole number of jobs, its kind, a public URL and an as-of date', () => {
    const { fields, rows } = loadCsv(path);
    expect(fields).toEqual(FACILITY_JOBS_COLUMNS);
    const ids = new Set<string>();
    rows.forEach((r, i) => {
      const where = `facility-jobs.csv row ${i + 2} (${r.id})`;
      expect(r.id, where).toMatch(/\S/);
      expect(ids.has(r.id!), `${where}: duplicate id`).toBe(false);
      ids.add(r.id!);
      expect(['battery-plants', 'assembly-plants'], where).toContain(r.layer);
      expect(r.match_name!.trim(), where).not.toBe('');
      expect(Math.abs(Number(r.match_lat)) <= 90 && Math.abs(Number(r.match_lon)) <= 180 && Number(r.match_radius_km) > 0, `${where}: match`).toBe(true);
      expect(r.jobs, where).toMatch(/^[1-9]\d*$/);
      expect(['employed', 'announced'], where).toContain(r.jobs_kind);
      if (r.year) expect(r.year, where).toMatch(/^(19|20)\d\d$/);
      expect(r.source_url, `${where} source_url`).toMatch(URL_RE);
      expect(r.as_of, `${where} as_of`).toMatch(AS_OF_RE);
    });
    expect(parseFacilityJobs(readFileSync(path)).quarantined.map((q) => q.reason)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------ readers on bad rows

describe('policy reader: bad rows are quarantined with file, row and reason', () => {
  const head = POLICY_COLUMNS.join(',');
  const url = 'https://example.org/a';
  const us = parsePolicyFile(
    'us',
    csv([
      head,
      `ok-1,US-CA,zev_rule,acc2,in_force,2022-08-25,2026,,,"ACC II",${url},2024-06,`, // 2 kept
      `ok-1,US-OR,zev_rule,acc2,in_force,,,,,,${url},2024-06,`, // 3 duplicate id
      `bad-state,US-XX,zev_rule,acc2,in_force,,,,,,${url},2024-06,`, // 4 unknown code
      `mx-in-us,MX-NLE,ev_incentive,rebate,in_force,,,,,,${url},2024-06,`, // 5 MX state in the US file
      `bad-policy,US-TX,carbon_tax,x,in_force,,,,,,${url},2024-06,`, // 6 unknown policy
      `bad-value,US-TX,zev_rule,acc3,in_force,,,,,,${url},2024-06,`, // 7 value not allowed
      `none-mismatch,US-TX,zev_rule,none,in_force,,,,,,${url},2024-06,`, // 8 value none, status in_force
      `bad-status,US-TX,zev_rule,acc2,enacted,,,,,,${url},2024-06,`, // 9 unknown status
      `bad-url,US-TX,zev_rule,acc2,in_force,,,,,,ftp://example.org/a,2024-06,`, // 10 not http(s)
      `no-url,US-TX,zev_rule,acc2,in_force,,,,,,,2024-06,`, // 11 missing URL
      `bad-asof,US-TX,zev_rule,acc2,in_force,,,,,,${url},June 2024,`, // 12 as_of
      `bad-date,US-TX,zev_rule,acc2,in_force,2024-13,,,,,${url},2024-06,`, // 13 adopted month 13
      `nevi-no-amount,US-TX,nevi_apportionment,nevi,in_force,,,,,,${url},2024-06,`, // 14 NEVI without amount
      `national-key,US-TX,federal_credit,x30d,in_force,,,,,,${url},2024-06,`, // 15 national-only key
      `short,US-TX,zev_rule`, // 16 malformed
      `ok-2,US-TX,nevi_apportionment,nevi,in_force,,,,407.8,,${url},2024-06-01,`, // 17 kept
    ]),
    STATE_CODES,
  );
  it('keeps the valid rows as PolicyFacts', () => {
    expect(us.rowsRead).toBe(16);
    expect(us.facts.map((f) => f.id)).toEqual(['ok-1', 'ok-2']);
    expect(us.facts[0]).toEqual<PolicyFact>({
      id: 'ok-1',
      jurisdiction: 'US-CA',
      policy: 'zev_rule',
      value: 'acc2',
      status: 'in_force',
      adopted: '2022-08-25',
      effective: '2026',
      ended: null,
      amountMusd: null,
      detail: 'ACC II',
      sourceUrl: url,
      asOf: '2024-06',
      notes: null,
    });
    expect(us.facts[1]!.amountMusd).toBe(407.8);
  });
  it('names the file, row and reason of every other row', () => {
    const got = us.quarantined.map((q) => [q.row, q.reason]);
    const expected: [number, RegExp][] = [
      [3, /duplicate id "ok-1"/],
      [4, /jurisdiction "US-XX" is not a state code/],
      [5, /"MX-NLE" is not a US state/],
      [6, /policy "carbon_tax" is not one of/],
      [7, /value "acc3" is not one of acc2, acc1, none/],
      [8, /value none goes with status none only/],
      [9, /status "enacted" is not one of/],
      [10, /is not http\(s\)/],
      [11, /missing source_url/],
      [12, /as_of "June 2024"/],
      [13, /adopted "2024-13"/],
      [14, /amount_musd is required for nevi_apportionment/],
      [15, /"federal_credit" is national only/],
      [16, /malformed row/],
    ];
    expect(got.map((g) => g[0]).sort((a, b) => (a as number) - (b as number))).toEqual(expected.map((e) => e[0]));
    for (const [row, re] of expected) {
      const q = us.quarantined.find((x) => x.row === row)!;
      expect(q.reason, `row ${row}`).toMatch(re);
      expect(q.reason, `row ${row}`).toMatch(new RegExp(`^policies-us\\.csv row ${row}: `));
      expect(q.sourceId).toBe('curated-policies-us');
      expect(q.raw.length).toBeGreaterThan(0);
    }
  });
  it('national facts name a country; circulation exemptions are Mexican; ids are unique across files', () => {
    const seen = new Set<string>(['taken']);
    const nat = parsePolicyFile(
      'national',
      csv([
        head,
        `mx-nom,MX,charger_standard,nom_001_sede,in_force,,,,,,${url},2025-01,`, // 2 kept
        `state-in-national,MX-CMX,charging_tariff,x,in_force,,,,,,${url},2025-01,`, // 3 state code
        `taken,US,federal_credit,x30d,repealed,2022,2023,2025-09-30,,,${url},2025-10,`, // 4 id used in another file
        `us-circ,US,circulation_exemption,hoy_no_circula,in_force,,,,,,${url},2025-01,`, // 5 MX-only key
      ]),
      STATE_CODES,
      seen,
    );
    expect(nat.facts.map((f) => f.id)).toEqual(['mx-nom']);
    expect(nat.quarantined.map((q) => q.row)).toEqual([3, 4, 5]);
    expect(nat.quarantined[0]!.reason).toMatch(/policies-national\.csv row 3: jurisdiction "MX-CMX" is not US or MX/);
    expect(nat.quarantined[1]!.reason).toMatch(/duplicate id "taken"/);
    expect(nat.quarantined[2]!.reason).toMatch(/applies to MX jurisdictions only/);
    expect(() => parsePolicyFile('mx', Buffer.from('id,jurisdiction\nx,MX-CMX\n'), STATE_CODES)).toThrow(/missing column/);
  });
});

describe('facility-jobs reader and the jobs rule', () => {
  it('quarantines bad rows with file, row and reason', () => {
    const u = 'https://example.org/j';
    const p = parseFacilityJobs(
      csv([
        FACILITY_JOBS_COLUMNS.join(','),
        `a,assembly-plants,Ramos Arizpe,25.5,-100.97,3,10000,employed,2024,${u},2024-08-29,`, // 2 ok
        `b,minerals,Mine,25.5,-100.97,3,100,employed,2024,${u},2024-08,`, // 3 layer
        `c,assembly-plants,X,25.5,-100.97,0,100,employed,2024,${u},2024-08,`, // 4 radius
        `d,assembly-plants,X,25.5,-100.97,3,about 100,employed,2024,${u},2024-08,`, // 5 jobs
        `e,assembly-plants,X,25.5,-100.97,3,100,promised,2024,${u},2024-08,`, // 6 kind
        `f,assembly-plants,X,25.5,-100.97,3,100,employed,2024,,2024-08,`, // 7 url
        `g,assembly-plants,X,25.5,-100.97,3,100,employed,24,${u},2024-08,`, // 8 year
        `a,assembly-plants,X,25.5,-100.97,3,100,employed,2024,${u},2024-02-30,`, // 9 duplicate id, bad day
      ]),
    );
    expect(p.rows.map((r) => [r.id, r.jobs, r.kind, r.year])).toEqual([['a', 10000, 'employed', 2024]]);
    expect(p.quarantined.map((q) => q.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const reason = (row: number) => p.quarantined.find((q) => q.row === row)!.reason;
    expect(reason(3)).toMatch(/^facility-jobs\.csv row 3: layer "minerals"/);
    expect(reason(4)).toMatch(/positive match_radius_km/);
    expect(reason(5)).toMatch(/jobs "about 100" is not a positive whole number/);
    expect(reason(6)).toMatch(/jobs_kind "promised"/);
    expect(reason(7)).toMatch(/missing source_url/);
    expect(reason(8)).toMatch(/year "24"/);
    expect(reason(9)).toMatch(/duplicate id "a".*as_of "2024-02-30"/);
  });
  it('reads the snapshot formats: NAATBatt workforce (employed / planned) and the investments list (0 and negatives are not reported)', () => {
    expect(parseWorkforce('75')).toEqual({ jobs: 75, kind: 'employed' });
    expect(parseWorkforce('4000  (Planned)')).toEqual({ jobs: 4000, kind: 'announced' });
    expect(parseWorkforce('')).toBeNull();
    expect(parseWorkforce('0')).toBeNull();
    expect(parseWorkforce('many')).toBeNull();
    expect(parseReportedJobs('460')).toBe(460);
    expect(parseReportedJobs('0')).toBeNull();
    expect(parseReportedJobs('-1000')).toBeNull();
    expect(parseReportedJobs('Not Specified')).toBeNull();
  });
  it('keeps one figure: curated (employed, latest year) > snapshot employed > announced; the largest within a rank; the rest listed', () => {
    const f = (
      jobs: number,
      kind: 'employed' | 'announced',
      curated: boolean,
      year: number | null = null,
      source = curated ? 'https://x.org/' + jobs : 'naatbatt',
    ): JobsFigure => ({
      jobs,
      kind,
      year,
      source,
      curated,
    });
    expect(
      orderFigures([f(900, 'announced', false), f(300, 'employed', false), f(3300, 'employed', true, 2016), f(5200, 'employed', true, 2024)]).map((x) => x.jobs),
    ).toEqual([5200, 3300, 300, 900]);
    expect(orderFigures([f(4200, 'announced', true, 2016), f(300, 'employed', false)])[0]!.jobs).toBe(4200);
    expect(orderFigures([f(9, 'employed', false), f(18, 'employed', false), f(9, 'employed', false)]).map((x) => x.jobs)).toEqual([18, 9]);
    const a = jobsAttributes([f(640, 'employed', false), f(1000, 'announced', false, null, 'na-ev-investments-2024')]);
    expect(a).toEqual({ jobs: 640, jobsKind: 'employed', jobsYear: null, jobsSourceUrl: 'naatbatt', jobsOther: ['1000 announced - na-ev-investments-2024'] });
    expect(jobsAttributes([])).toEqual({ jobs: null, jobsKind: null, jobsYear: null, jobsSourceUrl: null, jobsOther: null });
  });
});

// ------------------------------------------------------------------------------------------------ states.csv cells

describe('states.csv policy and jobs cells', () => {
  const fact = (policy: PolicyFact['policy'], value: string, status: PolicyFact['status'], amountMusd: number | null = null, asOf = '2024-06'): PolicyFact => ({
    id: `${policy}-${value}-${status}-${asOf}`,
    jurisdiction: 'US-XX',
    policy,
    value,
    status,
    adopted: null,
    effective: null,
    ended: null,
    amountMusd,
    detail: '',
    sourceUrl: 'https://example.org',
    asOf,
    notes: null,
  });
  it('values in force, else the statuses; empty when unknown; NEVI for US states only', () => {
    const facts = [
      fact('ev_incentive', 'rebate', 'in_force'),
      fact('ev_incentive', 'tax_credit', 'in_force'),
      fact('zev_rule', 'acc2', 'adopted'),
      fact('clean_fuel_standard', 'none', 'none'),
    ];
    expect(policyCell(facts, 'ev_incentive')).toBe('rebate;tax_credit');
    expect(policyCell(facts, 'zev_rule')).toBe('adopted');
    expect(policyCell(facts, 'clean_fuel_standard')).toBe('none');
    expect(policyCell(facts, 'nevi_apportionment')).toBeNull();
    expect(policyCell(undefined, 'zev_rule')).toBeNull();
    const nevi = [fact('nevi_apportionment', 'nevi', 'in_force', 100, '2022-08'), fact('nevi_apportionment', 'nevi', 'in_force', 110.06, '2024-01')];
    expect(neviCell({ country: 'US', policies: nevi })).toBe(110.06);
    expect(neviCell({ country: 'MX', policies: nevi })).toBeNull();
    expect(neviCell({ country: 'US', policies: [] })).toBeNull();
    const state = { code: 'US-XX', country: 'US', nameEn: 'X', population: 1, areaKm2: 1, counts: {}, policies: [...facts, ...nevi] } as unknown as StateRecord;
    const row = statesCsvRows([{ ...state, jobs: { reported: 1234, facilities: 3, byDataset: {} } }])[0]!;
    expect(row.slice(-6)).toEqual(['adopted', 'none', 'rebate;tax_credit', 110.06, 1234, 3]);
    const noJobs = statesCsvRows([{ ...state, jobs: { reported: 0, facilities: 0, byDataset: {} } }])[0]!;
    expect(noJobs.slice(-2)).toEqual([null, 0]);
    expect(STATES_CSV_COLUMNS.slice(-6)).toEqual([
      'zev_rule',
      'clean_fuel_standard',
      'ev_incentive',
      'nevi_apportionment_musd',
      'jobs_reported',
      'jobs_reporting_facilities',
    ]);
  });
});

// ------------------------------------------------------------------------------------------------ the built output

const BUILT = join(REPO, 'public/data');
const manifest = existsSync(join(BUILT, 'manifest.json')) ? (JSON.parse(readFileSync(join(BUILT, 'manifest.json'), 'utf8')) as AtlasManifest) : null;
const NAATBATT = join(SHARED, 'supply/naatbatt-2026-03-commercial.csv');
const INVESTMENTS = join(SHARED, 'supply/na-ev-investments-2024.csv');
const builtWithJobs = !!manifest?.auxiliary?.policies && HAS_SHARED && existsSync(NAATBATT) && existsSync(INVESTMENTS);
if (!builtWithJobs)
  console.warn('[tests/data/policies-jobs] public/data (npm run data) with policies, or the supply snapshots, not found: the built-output checks are SKIPPED');

describe.skipIf(!builtWithJobs)('built output (npm run data): jobs per state against the source rows, policies, states.csv', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(join(BUILT, f), 'utf8')) as T;
  const states = builtWithJobs ? read<StateRecord[]>('states.json') : [];
  const records = (dataset: string) =>
    builtWithJobs
      ? readdirSync(BUILT)
          .filter((f) => f.startsWith(`${dataset}.details`))
          .flatMap((f) => read<DetailRecord[]>(f))
      : [];
  const plants = { 'battery-plants': records('battery-plants'), 'assembly-plants': records('assembly-plants') };
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-policies-jobs-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // the figures of each source row, read here from the snapshot CSVs and the curated file (not through the pipeline)
  type Fig = { jobs: number; rank: number; year: number; source: string };
  const bySource = new Map<string, Fig>();
  if (builtWithJobs) {
    for (const r of loadCsv(NAATBATT).rows) {
      const m = /^(\d+)\s*(\(Planned\))?$/i.exec((r.workforce ?? '').trim());
      if (m && Number(m[1]) > 0) bySource.set(`naatbatt|${r.facility_id}`, { jobs: Number(m[1]), rank: m[2] ? 3 : 2, year: -1, source: 'naatbatt' });
    }
    // the investments adapter's record ids: "company|city", "#2", "#3"... for repeats among battery and EV-assembly rows outside Canada
    const seen = new Map<string, number>();
    for (const r of loadCsv(INVESTMENTS).rows) {
      const inScope = r.technology === 'Batteries' || (r.technology === 'Electric Vehicles' && /electric vehicles: assembly/i.test(r.product ?? ''));
      if (!inScope || r.country === 'Canada') continue;
      const key = `${r.company_name!.replace(/\s+/g, ' ').trim()}|${r.city!.replace(/\s+/g, ' ').trim()}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const jobs = Number((r.reported_jobs ?? '').replace(/,/g, ''));
      if (/^\d[\d,]*$/.test((r.reported_jobs ?? '').trim()) && jobs > 0)
        bySource.set(`na-ev-investments-2024|${n === 1 ? key : `${key}#${n}`}`, { jobs, rank: 3, year: -1, source: 'na-ev-investments-2024' });
    }
    for (const r of loadCsv(join(CURATED, 'facility-jobs.csv')).rows)
      bySource.set(`curated-facility-jobs|${r.id}`, {
        jobs: Number(r.jobs),
        rank: r.jobs_kind === 'employed' ? 0 : 1,
        year: r.year ? Number(r.year) : -1,
        source: r.source_url!,
      });
  }
  const expectedJobs = (r: DetailRecord): Fig | null => {
    const figs = r.sources.flatMap((s) => bySource.get(`${s.sourceId}|${s.recordId}`) ?? []);
    figs.sort((a, b) => a.rank - b.rank || b.year - a.year || b.jobs - a.jobs || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return figs[0] ?? null;
  };

  it('each plant keeps the figure of its source rows chosen by the rule, and only a reported one', () => {
    let withJobs = 0;
    for (const [dataset, recs] of Object.entries(plants)) {
      expect(recs.length, dataset).toBeGreaterThan(0);
      for (const r of recs) {
        const want = expectedJobs(r);
        const got = r.attributes.jobs ?? null;
        expect(got, `${r.id}`).toBe(want ? want.jobs : null);
        if (want) {
          withJobs++;
          expect(r.attributes.jobsSourceUrl, r.id).toBe(want.source);
          expect(r.attributes.jobsKind, r.id).toBe(want.rank === 0 || want.rank === 2 ? 'employed' : 'announced');
        }
      }
    }
    expect(withJobs).toBeGreaterThan(100);
  });

  it("states.json: each state's jobs equal the sum over its plants of the figures chosen from the source rows", () => {
    const want = new Map<string, { reported: number; facilities: number; byDataset: Record<string, { reported: number; facilities: number }> }>();
    for (const [dataset, recs] of Object.entries(plants))
      for (const r of recs) {
        const f = expectedJobs(r);
        if (!f || !r.state) continue;
        const s = want.get(r.state) ?? { reported: 0, facilities: 0, byDataset: {} };
        want.set(r.state, s);
        const d = (s.byDataset[dataset] ??= { reported: 0, facilities: 0 });
        d.reported += f.jobs;
        d.facilities++;
        s.reported += f.jobs;
        s.facilities++;
      }
    expect(states).toHaveLength(83);
    for (const s of states) expect(s.jobs, s.code).toEqual(want.get(s.code) ?? { reported: 0, facilities: 0, byDataset: {} });
    expect(want.get('US-MI')!.facilities).toBeGreaterThan(5);
  });

  it('policies: state facts in states.json, national facts in policies.json (listed in the manifest with bytes and sha256)', () => {
    const aux = manifest!.auxiliary!.policies!;
    expect(aux).toMatchObject({ id: 'policies', kind: 'table', files: { data: 'policies.json' } });
    const bytes = readFileSync(join(BUILT, 'policies.json'));
    expect(aux.files.bytes['policies.json']).toBe(bytes.byteLength);
    expect(aux.files.sha256!['policies.json']).toMatch(/^[0-9a-f]{64}$/);
    const file = JSON.parse(bytes.toString('utf8')) as PoliciesFile;
    expect(aux.count).toBe(file.national.length);
    expect(file.national.every((f) => f.jurisdiction === 'US' || f.jurisdiction === 'MX')).toBe(true);
    for (const s of states) for (const f of s.policies ?? []) expect(f.jurisdiction, s.code).toBe(s.code);
    // every fact of the committed files is there, once
    const rows = (Object.values(POLICY_FILES) as string[]).filter((f) => existsSync(join(CURATED, f))).flatMap((f) => loadCsv(join(CURATED, f)).rows);
    const built = [...file.national, ...states.flatMap((s) => s.policies ?? [])];
    expect(built.map((f) => f.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('states.csv: the existing columns in their order, then the policy and jobs columns, equal to states.json', () => {
    exportStatesCsv(BUILT, tmp);
    const text = readFileSync(join(tmp, 'states.csv'), 'utf8');
    const parsed = Papa.parse<Row>(text.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...STATES_CSV_COLUMNS]);
    expect(text.split('\r\n')[0]).toBe(
      'state_code,country,name,population,area_km2,chargers,minerals,battery_plants,assembly_plants,chargers_per_100k,pop_beyond_50km,share_beyond_50km,dcfast_pop_beyond_50km,dcfast_share_beyond_50km,zev_rule,clean_fuel_standard,ev_incentive,nevi_apportionment_musd,jobs_reported,jobs_reporting_facilities',
    );
    for (const r of parsed.data) {
      const s = states.find((x) => x.code === r.state_code)!;
      expect(r.jobs_reporting_facilities, s.code).toBe(String(s.jobs!.facilities));
      expect(r.jobs_reported, s.code).toBe(s.jobs!.facilities ? String(s.jobs!.reported) : '');
      if (s.country === 'MX') expect(r.nevi_apportionment_musd, s.code).toBe('');
      const inForce = (s.policies ?? []).filter((f) => f.policy === 'zev_rule' && f.status === 'in_force').map((f) => f.value);
      if (inForce.length) expect(r.zev_rule!.split(';').sort(), s.code).toEqual([...new Set(inForce)].sort());
      if (!(s.policies ?? []).some((f) => f.policy === 'zev_rule')) expect(r.zev_rule, s.code).toBe('');
    }
  });
});
