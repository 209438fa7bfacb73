/**
 * Governance facts (issue 15): data/curated/policies-us.csv, policies-mx.csv and policies-national.csv
 * (format: data/curated/FORMAT.md). Every row is checked strictly; a row that breaks a rule is quarantined
 * (quarantine.json and a build warning) naming the file, the row and the reason, never kept half-right:
 *   - id: present and unique across the three files;
 *   - jurisdiction: in the state files, an ISO 3166-2 code of data/curated/state-populations.csv of that file's
 *     country (US-.. in policies-us.csv, MX-.. in policies-mx.csv); in policies-national.csv, US or MX only;
 *   - policy: one of POLICY_KEYS; the national-only keys (charger_standard, charging_tariff, federal_credit,
 *     fuel_standard, other) only in policies-national.csv; nevi_apportionment only for the US, circulation_exemption
 *     only for Mexico;
 *   - value: one of the policy's values (POLICY_VALUES), or a lower-case id where FORMAT.md lists none;
 *     value `none` if and only if status `none`;
 *   - status: one of POLICY_STATUSES; adopted/effective/ended: empty or YYYY, YYYY-MM, YYYY-MM-DD;
 *   - amount_musd: empty or a number >= 0, required for nevi_apportionment (except status none);
 *   - source_url: a public http(s) URL; as_of: YYYY-MM or YYYY-MM-DD.
 * A state with no fact for a policy is unknown, never "no".
 */
import {
  ATLAS_CONTRIBUTORS,
  PER_ROW_AS_OF,
  POLICY_COUNTRY,
  POLICY_KEYS,
  POLICY_STATUSES,
  type PolicyFact,
  type PolicyKey,
  type PolicyStatus,
  type QuarantineEntry,
} from '../../../src/data/atlas-format.ts';
import { readTable } from '../io/csv.ts';
import { clean, isAsOfDate, urlProblem } from '../supply/util.ts';

export type PolicyFileKind = 'us' | 'mx' | 'national';
export const POLICY_FILE_KINDS: readonly PolicyFileKind[] = ['us', 'mx', 'national'];
export const POLICY_FILES: Record<PolicyFileKind, string> = { us: 'policies-us.csv', mx: 'policies-mx.csv', national: 'policies-national.csv' };
export const POLICY_SOURCE_IDS: Record<PolicyFileKind, string> = {
  us: 'curated-policies-us',
  mx: 'curated-policies-mx',
  national: 'curated-policies-national',
};
export const POLICY_SOURCE_META: Record<PolicyFileKind, { title: string; publisher: string; url: string; licence: string; asOf: string }> = {
  us: {
    title: 'Curated governance facts of US states: ZEV rules, clean fuel standards, EV incentives, NEVI apportionments (one public source per row)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/policies-us.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
  },
  mx: {
    title: 'Curated governance facts of Mexican states: EV incentives, circulation and verification exemptions (one public source per row)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/policies-mx.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
  },
  national: {
    title: 'Curated federal governance facts of the US and Mexico: charger standards, charging tariffs, federal credits, fuel standards (one public source per row)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/policies-national.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
  },
};
export const POLICY_COLUMNS = [
  'id',
  'jurisdiction',
  'policy',
  'value',
  'status',
  'adopted',
  'effective',
  'ended',
  'amount_musd',
  'detail',
  'source_url',
  'as_of',
  'notes',
];

/** The values of each policy (data/curated/FORMAT.md); null = any lower-case id (FORMAT.md lists none). */
export const POLICY_VALUES: Readonly<Record<PolicyKey, readonly string[] | null>> = {
  zev_rule: ['acc2', 'acc1', 'none'],
  clean_fuel_standard: ['lcfs', 'none'],
  ev_incentive: ['rebate', 'tax_credit', 'registration_discount', 'tenencia_exemption', 'isn_exemption', 'other', 'none'],
  nevi_apportionment: ['nevi'],
  circulation_exemption: ['hoy_no_circula', 'verification', 'other', 'none'],
  charging_programme: null,
  charger_standard: null,
  charging_tariff: null,
  federal_credit: null,
  fuel_standard: null,
  other: null,
};
/** Keys that only national (federal) facts may have. */
export const NATIONAL_ONLY_POLICIES: readonly PolicyKey[] = ['charger_standard', 'charging_tariff', 'federal_credit', 'fuel_standard', 'other'];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. */
export function isPolicyDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  return isAsOfDate(s);
}

export interface ParsedPolicies {
  facts: PolicyFact[];
  quarantined: QuarantineEntry[];
  rowsRead: number;
}

/**
 * Parses one policy file. `stateCodes`: the ISO 3166-2 codes of state-populations.csv; `seenIds`: ids already read
 * from the other files (updated), so an id is unique across the three.
 */
export function parsePolicyFile(kind: PolicyFileKind, buf: Buffer, stateCodes: ReadonlySet<string>, seenIds: Set<string> = new Set()): ParsedPolicies {
  const file = POLICY_FILES[kind];
  const sid = POLICY_SOURCE_IDS[kind];
  const { rows, malformed } = readTable(sid, buf, POLICY_COLUMNS, { label: `${sid} (${file})` });
  const quarantined: QuarantineEntry[] = malformed.map((m) => ({ ...m, reason: `${file} row ${m.row}: ${m.reason}` }));
  const facts: PolicyFact[] = [];
  for (const { row, data, raw } of rows) {
    const errs: string[] = [];
    const id = clean(data.id);
    if (!id) errs.push('missing id');
    else if (seenIds.has(id)) errs.push(`duplicate id "${id}"`);
    if (id) seenIds.add(id);

    const jurisdiction = clean(data.jurisdiction);
    let country: 'US' | 'MX' | null = null;
    if (kind === 'national') {
      if (jurisdiction === 'US' || jurisdiction === 'MX') country = jurisdiction;
      else errs.push(`jurisdiction "${jurisdiction}" is not US or MX (policies-national.csv holds federal facts only)`);
    } else {
      const want = kind === 'us' ? 'US' : 'MX';
      if (!stateCodes.has(jurisdiction)) errs.push(`jurisdiction "${jurisdiction}" is not a state code of state-populations.csv`);
      else if (!jurisdiction.startsWith(`${want}-`)) errs.push(`jurisdiction "${jurisdiction}" is not a ${want} state (${file})`);
      else country = want;
    }

    const policyText = clean(data.policy);
    const policy = (POLICY_KEYS as readonly string[]).includes(policyText) ? (policyText as PolicyKey) : null;
    if (!policy) errs.push(`policy "${policyText}" is not one of ${POLICY_KEYS.join(', ')}`);
    else {
      if (kind !== 'national' && NATIONAL_ONLY_POLICIES.includes(policy)) errs.push(`policy "${policy}" is national only (policies-national.csv)`);
      const only = POLICY_COUNTRY[policy];
      if (only && country && country !== only) errs.push(`policy "${policy}" applies to ${only} jurisdictions only`);
    }

    const statusText = clean(data.status);
    const status = (POLICY_STATUSES as readonly string[]).includes(statusText) ? (statusText as PolicyStatus) : null;
    if (!status) errs.push(`status "${statusText}" is not one of ${POLICY_STATUSES.join(', ')}`);

    const value = clean(data.value);
    if (policy) {
      const allowed = POLICY_VALUES[policy];
      if (allowed ? !allowed.includes(value) : !/^[a-z0-9][a-z0-9_]*$/.test(value))
        errs.push(allowed ? `value "${value}" is not one of ${allowed.join(', ')} for ${policy}` : `value "${value}" is not a lower-case id (a-z, 0-9, _)`);
    }
    if (status && (value === 'none') !== (status === 'none')) errs.push(`value "${value}" with status "${status}": value none goes with status none only`);

    const dates: Record<'adopted' | 'effective' | 'ended', string | null> = { adopted: null, effective: null, ended: null };
    for (const k of ['adopted', 'effective', 'ended'] as const) {
      const v = clean(data[k]);
      if (v === '') continue;
      if (isPolicyDate(v)) dates[k] = v;
      else errs.push(`${k} "${v}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    }

    const amountText = clean(data.amount_musd);
    let amountMusd: number | null = null;
    if (amountText !== '') {
      const n = /^\d+(\.\d+)?$/.test(amountText) ? Number(amountText) : NaN;
      if (Number.isFinite(n)) amountMusd = n;
      else errs.push(`amount_musd "${amountText}" is not a number >= 0 (million USD, no separators)`);
    } else if (policy === 'nevi_apportionment' && status !== 'none') errs.push('amount_musd is required for nevi_apportionment');

    const sourceUrl = clean(data.source_url);
    const urlErr = urlProblem(sourceUrl);
    if (urlErr) errs.push(urlErr);
    const asOf = clean(data.as_of);
    if (!isAsOfDate(asOf)) errs.push(`as_of "${asOf}" is not YYYY-MM or YYYY-MM-DD`);

    if (errs.length || !policy || !status) {
      quarantined.push({ sourceId: sid, row, recordId: id || null, reason: `${file} row ${row}: ${errs.join('; ')}`, raw });
      continue;
    }
    facts.push({
      id,
      jurisdiction,
      policy,
      value,
      status,
      ...dates,
      amountMusd,
      detail: clean(data.detail),
      sourceUrl,
      asOf,
      notes: clean(data.notes) || null,
    });
  }
  return { facts, quarantined, rowsRead: rows.length + malformed.length };
}

/** Facts in a stable order: jurisdiction, policy (POLICY_KEYS order), then id. */
export function sortFacts(facts: readonly PolicyFact[]): PolicyFact[] {
  const order = (p: PolicyKey) => POLICY_KEYS.indexOf(p);
  return [...facts].sort((a, b) =>
    a.jurisdiction < b.jurisdiction ? -1 : a.jurisdiction > b.jurisdiction ? 1 : order(a.policy) - order(b.policy) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
