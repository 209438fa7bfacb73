/**
 * Reads the three curated policy files for the buildAuxiliary step: state facts go to states.json (StateRecord.policies),
 * national facts to policies.json (PoliciesFile). Each file is an 'auxiliary' source of the registry; a missing file
 * means "no facts yet" (the source is listed as missing, with a warning); a quarantined row is also a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PolicyFact } from '../../../src/data/atlas-format.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import { BuildFailure, baseDirOf, type BuildContext, type Ledger } from '../build-steps.ts';
import { InputEncodingError, sha256 } from '../io/read-input.ts';
import { parseCuratedStatePopulations } from '../population/curated.ts';
import { SourceRegistryError, sourceDescription } from '../sources/registry.ts';
import { POLICY_FILE_KINDS, POLICY_SOURCE_IDS, parsePolicyFile, sortFacts, type PolicyFileKind } from './read-policies.ts';

export const STATE_POPULATIONS_SOURCE_ID = 'curated-state-populations';

export interface PoliciesOutput {
  /** state code -> its facts (sorted by policy, then id) */
  byState: Map<string, PolicyFact[]>;
  national: PolicyFact[];
  /** per file: rows read, facts kept, rows quarantined (null = file missing) */
  files: Record<PolicyFileKind, { rowsRead: number; kept: number; quarantined: number } | null>;
}

/** The state codes of data/curated/state-populations.csv (the jurisdictions a state fact may name). */
export function curatedStateCodes(ctx: BuildContext): Set<string> {
  const e = ctx.registry.get(STATE_POPULATIONS_SOURCE_ID);
  const path = join(baseDirOf(e.origin, ctx.opts), e.input ?? '');
  if (!e.input || !existsSync(path)) throw new BuildFailure(`Policies: the state codes come from ${e.input ?? STATE_POPULATIONS_SOURCE_ID}, which is missing`);
  return new Set(parseCuratedStatePopulations(readFileSync(path)).map((r) => r.code));
}

export function readPolicies(ctx: BuildContext, ledger: Ledger, stateCodes: ReadonlySet<string>): PoliciesOutput {
  const seenIds = new Set<string>();
  const out: PoliciesOutput = { byState: new Map(), national: [], files: { us: null, mx: null, national: null } };
  const state: PolicyFact[] = [];
  for (const kind of POLICY_FILE_KINDS) {
    const entry = ctx.registry.get(POLICY_SOURCE_IDS[kind]);
    if (entry.role !== 'auxiliary') throw new SourceRegistryError(`source "${entry.id}" feeds the policy datasets but is registered with role ${entry.role}`);
    const info = sourceDescription(entry);
    const path = entry.input ? join(baseDirOf(entry.origin, ctx.opts), entry.input) : null;
    if (!path || !existsSync(path)) {
      const reason = `input not found: ${path ? relative(process.cwd(), path) || path : '(no input registered)'}`;
      ledger.sources[entry.id] = { ...info, rowsRead: 0, recordsKept: 0, rowsQuarantined: 0, checksum: null, missing: true, missingReason: reason };
      ctx.warn(
        'source-missing',
        `Source ${entry.id} is missing: ${reason} (no ${kind === 'national' ? 'national' : kind.toUpperCase() + ' state'} policy facts yet)`,
        entry.id,
      );
      continue;
    }
    const buf = readFileSync(path);
    let parsed: ReturnType<typeof parsePolicyFile>;
    try {
      parsed = parsePolicyFile(kind, buf, stateCodes, seenIds);
    } catch (e) {
      if (e instanceof SchemaDriftError) throw new BuildFailure(`Schema drift: the build stops because a source's format changed.\n  ${e.message}`);
      if (e instanceof InputEncodingError) throw new BuildFailure(`Unreadable input: ${e.message}`);
      throw e;
    }
    ledger.quarantine.push(...parsed.quarantined);
    for (const q of parsed.quarantined) ctx.warn('curated-row-quarantined', `${q.reason} (quarantined)`, entry.id);
    ledger.sources[entry.id] = {
      ...info,
      rowsRead: parsed.rowsRead,
      recordsKept: parsed.facts.length,
      rowsQuarantined: parsed.quarantined.length,
      checksum: sha256(buf),
    };
    out.files[kind] = { rowsRead: parsed.rowsRead, kept: parsed.facts.length, quarantined: parsed.quarantined.length };
    if (kind === 'national') out.national.push(...parsed.facts);
    else state.push(...parsed.facts);
  }
  for (const f of sortFacts(state)) {
    const list = out.byState.get(f.jurisdiction) ?? [];
    list.push(f);
    out.byState.set(f.jurisdiction, list);
  }
  out.national = sortFacts(out.national);
  const n = (k: PolicyFileKind) => {
    const f = out.files[k];
    return f ? `${f.kept} kept${f.quarantined ? `, ${f.quarantined} quarantined` : ''}` : 'missing';
  };
  ctx.log(`  policies: US states ${n('us')}; MX states ${n('mx')}; national ${n('national')}; ${out.byState.size} states with facts`);
  return out;
}

/** The source id of a fact's file (state facts by country, national facts). */
export function policySourceId(f: PolicyFact): string {
  if (f.jurisdiction === 'US' || f.jurisdiction === 'MX') return POLICY_SOURCE_IDS.national;
  return f.jurisdiction.startsWith('US-') ? POLICY_SOURCE_IDS.us : POLICY_SOURCE_IDS.mx;
}
