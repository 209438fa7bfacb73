/**
 * Governance facts on the state map (issue 15): the policy a choropleth shows, each state's class for it,
 * the colours of the classes and the national (federal) facts that go with it. Pure functions and constants.
 *
 * A state with no curated fact for a policy is UNKNOWN (no fill): never "no". A `none` fact is a cited absence
 * (the source says the state has no such policy) and has its own class and colour.
 */
import { POLICY_COUNTRY, type Country, type PolicyFact, type PolicyKey, type PolicyStatus, type StateRecord } from '../data/atlas-format.ts';
import type { Rgba } from '../map/layer-styles.ts';

/** The state-level policies a choropleth can show (link `pol=`). */
export const POLICY_CHOROPLETH_KEYS = [
  'zev_rule',
  'clean_fuel_standard',
  'ev_incentive',
  'nevi_apportionment',
  'circulation_exemption',
  'charging_programme',
] as const satisfies readonly PolicyKey[];
export type PolicyChoroplethKey = (typeof POLICY_CHOROPLETH_KEYS)[number];

/** Policies drawn as numeric classes (funds in million USD) rather than by status. */
export const NUMERIC_POLICIES: readonly PolicyChoroplethKey[] = ['nevi_apportionment'];

/** The national facts shown beside each state policy (federal rules are never copied into state rows). */
export const NATIONAL_POLICIES: Record<PolicyChoroplethKey, readonly PolicyKey[]> = {
  zev_rule: ['zev_rule', 'fuel_standard', 'other'],
  clean_fuel_standard: ['clean_fuel_standard', 'fuel_standard'],
  ev_incentive: ['ev_incentive', 'federal_credit'],
  nevi_apportionment: ['nevi_apportionment', 'charging_programme'],
  circulation_exemption: ['circulation_exemption'],
  charging_programme: ['charging_programme', 'charger_standard', 'charging_tariff'],
};

/** Categorical classes of a policy, strongest first; 'unknown' = no fact, 'na' = the policy does not exist in that country. */
export const POLICY_CLASSES = ['in_force', 'adopted', 'proposed', 'ended', 'none', 'unknown', 'na'] as const;
export type PolicyClass = (typeof POLICY_CLASSES)[number];

const CLASS_OF_STATUS: Record<PolicyStatus, PolicyClass> = {
  in_force: 'in_force',
  adopted: 'adopted',
  proposed: 'proposed',
  suspended: 'ended',
  repealed: 'ended',
  expired: 'ended',
  none: 'none',
};

/**
 * Colours of the classes: Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), chosen
 * apart in lightness too (dark blue, sky blue, reddish purple, orange, mid grey) so they also read in grey.
 * 'unknown' is not filled at all (the plain land shows), so it never looks like the grey of a cited "none".
 */
export const POLICY_CLASS_COLORS: Record<PolicyClass, Rgba> = {
  in_force: [0, 114, 178, 230],
  adopted: [86, 180, 233, 230],
  proposed: [204, 121, 167, 230],
  ended: [230, 159, 0, 230],
  none: [128, 128, 128, 230],
  unknown: [255, 255, 255, 0],
  na: [214, 209, 201, 200],
};

/** A state's facts for one policy (several rows for instruments such as incentives). */
export function factsOf(state: StateRecord, policy: PolicyKey): PolicyFact[] {
  return (state.policies ?? []).filter((fact) => fact.policy === policy);
}

/** Whether a policy applies to a state's country. */
export function policyApplies(policy: PolicyChoroplethKey, country: Country): boolean {
  const only = POLICY_COUNTRY[policy];
  return !only || only === country;
}

/** The class of a state for a policy: its strongest fact's status, 'unknown' without a fact, 'na' where it does not apply. */
export function policyClassOf(state: StateRecord, policy: PolicyChoroplethKey): PolicyClass {
  if (!policyApplies(policy, state.country)) return 'na';
  const facts = factsOf(state, policy);
  if (facts.length === 0) return 'unknown';
  let best: PolicyClass = 'unknown';
  for (const fact of facts) {
    const cls = CLASS_OF_STATUS[fact.status] ?? 'unknown';
    if (POLICY_CLASSES.indexOf(cls) < POLICY_CLASSES.indexOf(best)) best = cls;
  }
  return best;
}

/** The facts that give a state its class (those with the strongest status), for the hover text. */
export function classFacts(state: StateRecord, policy: PolicyChoroplethKey): PolicyFact[] {
  const cls = policyClassOf(state, policy);
  return factsOf(state, policy).filter((fact) => CLASS_OF_STATUS[fact.status] === cls);
}

/** Funds of a numeric policy for a state (sum of its facts' amounts), or null when no fact states an amount. */
export function policyAmount(state: StateRecord, policy: PolicyChoroplethKey): number | null {
  const amounts = factsOf(state, policy)
    .map((fact) => fact.amountMusd)
    .filter((amount): amount is number => amount !== null && Number.isFinite(amount));
  return amounts.length ? amounts.reduce((a, b) => a + b, 0) : null;
}

/** National facts of a country that go with a state policy, in the order of NATIONAL_POLICIES. */
export function nationalFacts(national: readonly PolicyFact[], country: Country, policy: PolicyChoroplethKey): PolicyFact[] {
  const keys = NATIONAL_POLICIES[policy];
  return national.filter((fact) => fact.jurisdiction === country && keys.includes(fact.policy)).sort((a, b) => keys.indexOf(a.policy) - keys.indexOf(b.policy));
}

/** How many states of each class, per country (legend counts). */
export function classCounts(states: readonly StateRecord[], policy: PolicyChoroplethKey, country: Country): Record<PolicyClass, number> {
  const counts = Object.fromEntries(POLICY_CLASSES.map((cls) => [cls, 0])) as Record<PolicyClass, number>;
  for (const state of states) if (state.country === country) counts[policyClassOf(state, policy)] += 1;
  return counts;
}

/** Whether the build carries governance facts at all (older builds have no `policies` on states). */
export function hasPolicyData(states: readonly StateRecord[]): boolean {
  return states.some((state) => state.policies !== undefined);
}
