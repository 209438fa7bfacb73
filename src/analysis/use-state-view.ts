/**
 * The two state views of issue 15 that take the choropleth's place: a governance policy (categorical classes by
 * status, or NEVI funds as numeric classes) and the data-coverage view (mapped / published chargers). Each gives
 * the fills the basemap draws and the hover text of a state; a click opens the state profile, as for the counts.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Country, PolicyFact, StateRecord } from '../data/atlas-format.ts';
import { useStates } from '../data/queries.ts';
import { cssColor } from '../map/layer-styles.ts';
import type { StateFills } from '../map/basemap-style.ts';
import { STATE_SELECTION_PREFIX } from '../map/selection.ts';
import type { Language } from '../state/atlas-state.ts';
import { useAtlasStore } from '../state/store.ts';
import { formatDate, formatInteger, formatNumber } from '../components/format.ts';
import { colorOfClass, type ClassBreaks } from './class-colors.ts';
import { COVERAGE_COLORS, coverageRows, type CoverageRow } from './coverage.ts';
import { classFacts, hasPolicyData, NUMERIC_POLICIES, POLICY_CLASS_COLORS, policyAmount, policyClassOf, type PolicyChoroplethKey, type PolicyClass } from './policies.ts';
import { useStateCounts } from './use-state-values.ts';

export interface PolicyView {
  kind: 'policy';
  policy: PolicyChoroplethKey;
  states: StateRecord[];
  classes: Map<string, PolicyClass>;
  /** numeric policies (NEVI): the funds per state and their classes */
  amounts: Map<string, number | null> | null;
  breaks: ClassBreaks | null;
  /** false when the build has no governance facts at all (older builds) */
  hasData: boolean;
  fills: StateFills;
}

export interface CoverageView {
  kind: 'coverage';
  rows: CoverageRow[];
  fills: StateFills;
}

function shownStates(states: readonly StateRecord[], countries: readonly Country[]): StateRecord[] {
  return states.filter((state) => countries.includes(state.country));
}

/** The policy view of the current state, or null when no policy is shown (or the coverage view takes its place). */
export function usePolicyView(): PolicyView | null {
  const policy = useAtlasStore((s) => (s.coverage ? null : s.policy));
  const countries = useAtlasStore((s) => s.countries);
  const states = useStates(policy !== null).data;
  const numeric = policy !== null && NUMERIC_POLICIES.includes(policy);
  const classes = useQuery({ queryKey: ['classes-module'], queryFn: () => import('./classes.ts'), enabled: numeric, staleTime: Infinity, gcTime: Infinity }).data;
  return useMemo(() => {
    if (!policy || !states || (numeric && !classes)) return null;
    const shown = shownStates(states, countries);
    const classOf = new Map(shown.map((state) => [state.code, policyClassOf(state, policy)]));
    const colors: Record<string, string> = {};
    let amounts: Map<string, number | null> | null = null;
    let breaks: ClassBreaks | null = null;
    if (numeric && classes) {
      amounts = new Map(shown.map((state) => [state.code, classOf.get(state.code) === 'na' ? null : policyAmount(state, policy)]));
      breaks = classes.quantileBreaks([...amounts.values()]);
      for (const state of shown) {
        const amount = amounts.get(state.code) ?? null;
        const cls = classOf.get(state.code)!;
        if (amount !== null && amount > 0) colors[state.code] = cssColor(colorOfClass(breaks, classes.classOf(breaks, amount)));
        else if (cls === 'na' || cls === 'none') colors[state.code] = cssColor(POLICY_CLASS_COLORS[cls]);
      }
    } else {
      for (const state of shown) {
        const cls = classOf.get(state.code)!;
        if (cls !== 'unknown') colors[state.code] = cssColor(POLICY_CLASS_COLORS[cls]);
      }
    }
    return { kind: 'policy', policy, states: shown, classes: classOf, amounts, breaks, hasData: hasPolicyData(states), fills: { colors } };
  }, [policy, states, countries, numeric, classes]);
}

/** The coverage view (mapped chargers under the filters / the publishers' figures), or null when it is off. */
export function useCoverageView(): CoverageView | null {
  const coverage = useAtlasStore((s) => s.coverage);
  const countries = useAtlasStore((s) => s.countries);
  const states = useStates(coverage).data;
  const counts = useStateCounts(coverage ? ['chargers'] : []).chargers;
  return useMemo(() => {
    if (!coverage || !states) return null;
    const rows = coverageRows(shownStates(states, countries), counts);
    const colors: Record<string, string> = {};
    for (const row of rows) if (row.classIndex >= 0) colors[row.state.code] = cssColor(COVERAGE_COLORS[row.classIndex]!);
    return { kind: 'coverage', rows, fills: { colors } };
  }, [coverage, states, countries, counts]);
}

function stateName(state: StateRecord, language: Language): string {
  return language === 'es' ? state.nameEs : state.nameEn;
}

/** One line per fact: value, status and dates, e.g. "Advanced Clean Cars II: in force (adopted 2022, effective 2026)". */
export function factLine(t: TFunction, language: Language, fact: PolicyFact): string {
  const dates = (['adopted', 'effective', 'ended'] as const)
    .filter((key) => fact[key])
    .map((key) => t(`governance.date.${key}`, { date: formatDate(fact[key]!, language) }));
  const amount = fact.amountMusd !== null && Number.isFinite(fact.amountMusd) ? t('governance.amount', { amount: formatNumber(fact.amountMusd, language, 1) }) : null;
  return t('governance.factLine', {
    value: policyValueLabel(t, fact.policy, fact.value),
    status: t(`governance.status.${fact.status}`, { defaultValue: fact.status }),
    details: [...dates, ...(amount ? [amount] : [])].join(', '),
    context: dates.length || amount ? 'details' : undefined,
  });
}

export function policyValueLabel(t: TFunction, policy: string, value: string): string {
  // a value code the catalog does not know is shown readable ('fuel_quality' → 'fuel quality'), never dropped
  return t(`policyValues.${policy}.${value}`, { defaultValue: value.replace(/_/g, ' ') });
}

function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Hover text of a state in the policy view. */
export function policyTooltip(t: TFunction, language: Language, view: PolicyView, state: StateRecord): string {
  const cls = view.classes.get(state.code) ?? 'unknown';
  const name = stateName(state, language);
  const lines: string[] = [];
  if (view.amounts && cls !== 'na') {
    const amount = view.amounts.get(state.code) ?? null;
    lines.push(
      amount !== null
        ? t('governance.tooltipAmount', { state: name, amount: formatNumber(amount, language, 1) })
        : t('governance.tooltip', { state: name, class: t(`governance.class.${cls}`) }),
    );
  } else {
    lines.push(t('governance.tooltip', { state: name, class: t(`governance.class.${cls}`) }));
  }
  lines.push(t(`policyNames.${view.policy}`));
  for (const fact of classFacts(state, view.policy).slice(0, 4)) {
    lines.push(factLine(t, language, fact));
    lines.push(t('governance.tooltipSource', { host: sourceHost(fact.sourceUrl), date: formatDate(fact.asOf, language) }));
  }
  if (cls === 'unknown') lines.push(t('governance.unknownNote'));
  lines.push(t('choropleth.tooltipOpen'));
  return lines.join('\n');
}

/** Hover text of a state in the coverage view. */
export function coverageTooltip(t: TFunction, language: Language, row: CoverageRow): string {
  const name = stateName(row.state, language);
  const lines = [t('coverageView.tooltipMapped', { state: name, mapped: formatInteger(row.mapped, language) })];
  if (row.figure && row.ratio !== null) {
    lines.push(
      t('coverageView.tooltipPublished', {
        value: formatInteger(row.figure.value, language),
        unit: row.figure.unit,
        publisher: row.figure.publisher,
        date: formatDate(row.figure.asOf, language),
      }),
    );
    lines.push(t('coverageView.tooltipRatio', { percent: formatNumber(row.ratio * 100, language, row.ratio * 100 >= 10 ? 0 : 1) }));
  } else {
    lines.push(t('coverageView.noFigure'));
  }
  lines.push(t('choropleth.tooltipOpen'));
  return lines.join('\n');
}

export interface StateViewBinding {
  fills: StateFills;
  tooltip: (code: string) => string | null;
  onClick: (code: string) => void;
}

const openProfile = (code: string) => useAtlasStore.getState().select(`${STATE_SELECTION_PREFIX}${code}`);

/** The binding of the policy or coverage view for the map, or null when neither is shown. */
export function useStateViewBinding(): StateViewBinding | null {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const policy = usePolicyView();
  const coverage = useCoverageView();
  return useMemo(() => {
    if (coverage) {
      const byCode = new Map(coverage.rows.map((row) => [row.state.code, row]));
      return {
        fills: coverage.fills,
        tooltip: (code: string) => {
          const row = byCode.get(code);
          return row ? coverageTooltip(t, language, row) : null;
        },
        onClick: openProfile,
      };
    }
    if (policy) {
      const byCode = new Map(policy.states.map((state) => [state.code, state]));
      return {
        fills: policy.fills,
        tooltip: (code: string) => {
          const state = byCode.get(code);
          return state ? policyTooltip(t, language, policy, state) : null;
        },
        onClick: openProfile,
      };
    }
    return null;
  }, [coverage, policy, t, language]);
}
