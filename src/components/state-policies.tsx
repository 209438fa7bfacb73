/**
 * The state profile's governance part (issue 15): the state's curated policies (status, dates, sources) beside its
 * chargers per 100,000 people and its charging-gap figures, so that a user can look for relations; the atlas
 * claims no causation and says so.
 */
import { useTranslation } from 'react-i18next';
import type { StateRecord } from '../data/atlas-format.ts';
import { useAtlasStore } from '../state/store.ts';
import { formatMeasure } from '../analysis/format-measure.ts';
import { measureValue, stateValues } from '../analysis/state-measures.ts';
import { useStateCounts } from '../analysis/use-state-values.ts';
import { useGapAnalysis } from '../analysis/use-gap.ts';
import { factsOf, policyApplies, policyClassOf, POLICY_CHOROPLETH_KEYS, POLICY_CLASS_COLORS } from '../analysis/policies.ts';
import { ClassSwatch, FactItem } from './governance-legend.tsx';
import { formatInteger, formatNumber } from './format.ts';
import '../styles/governance.css';

const CHARGERS = ['chargers'] as const;

function share(value: number | null, language: 'en' | 'es'): string {
  if (value === null) return '–';
  const percent = value * 100;
  return `${formatNumber(percent, language, percent >= 10 ? 0 : 1)} %`;
}

export function StatePolicies({ state, allStates }: { state: StateRecord; allStates: readonly StateRecord[] }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const radiusKm = useAtlasStore((s) => s.gapRadiusKm);
  const setGap = useAtlasStore((s) => s.setGap);
  const counts = useStateCounts(CHARGERS).chargers;
  const { analysis, loading } = useGapAnalysis();
  const chargers = counts?.get(state.code) ?? 0;
  const per100k = counts ? measureValue('per100k', 'chargers', state, chargers) : null;
  const ranked = counts ? stateValues(allStates, counts, 'chargers', 'per100k').find((v) => v.state.code === state.code) : undefined;
  const inCountry = allStates.filter((s) => s.country === state.country).length;
  const gap = analysis?.result.figures.byState.get(state.code) ?? null;
  const dcGap = analysis?.dcFast.figures.byState.get(state.code) ?? null;
  const keys = POLICY_CHOROPLETH_KEYS.filter((key) => policyApplies(key, state.country));
  return (
    <section className="state-policies" data-testid="state-policies" aria-labelledby={`policies-${state.code}`}>
      <h3 id={`policies-${state.code}`} className="legend-subhead">
        {t('governance.profile.heading')}
      </h3>
      <p className="legend-note" data-testid="no-causation">
        {t('governance.profile.noCausation')}
      </p>
      <dl className="details-attributes side-by-side">
        <div className="details-row">
          <dt>{t('governance.profile.chargersPer100k')}</dt>
          <dd data-measure="chargersPer100k" data-value={per100k ?? ''}>
            {per100k === null ? '–' : formatMeasure('per100k', per100k, language)}
            {ranked?.rankInCountry ? ` (${t('profile.rankCountry', { country: state.country, rank: ranked.rankInCountry, of: inCountry })})` : ''}
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('governance.profile.beyond', { radius: radiusKm })}</dt>
          <dd data-measure="shareBeyondR" data-value={gap?.share ?? ''}>
            {gap ? (
              t('governance.profile.beyondValue', { share: share(gap.share, language), people: formatInteger(gap.beyond, language) })
            ) : loading ? (
              t('choropleth.loading')
            ) : (
              <button type="button" className="link-button" data-testid="profile-compute-gap" onClick={() => setGap(true)}>
                {t('governance.profile.computeGap')}
              </button>
            )}
          </dd>
        </div>
        {dcGap && (
          <div className="details-row">
            <dt>{t('governance.profile.beyondDc', { radius: radiusKm })}</dt>
            <dd data-measure="dcShareBeyondR" data-value={dcGap.share ?? ''}>
              {t('governance.profile.beyondValue', { share: share(dcGap.share, language), people: formatInteger(dcGap.beyond, language) })}
            </dd>
          </div>
        )}
      </dl>
      {state.policies === undefined && <p className="legend-note gap">{t('governance.noData')}</p>}
      <table className="profile-table profile-policies" data-testid="profile-policies">
        <thead>
          <tr>
            <th scope="col">{t('governance.profile.policy')}</th>
            <th scope="col">{t('governance.profile.facts')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const cls = policyClassOf(state, key);
            const facts = factsOf(state, key);
            return (
              <tr key={key} data-policy={key} data-class={cls}>
                <th scope="row">
                  {t(`policyNames.${key}`)}
                  <br />
                  <ClassSwatch color={POLICY_CLASS_COLORS[cls]} hatched={cls === 'unknown'} /> <span className="class-label">{t(`governance.class.${cls}`)}</span>
                </th>
                <td>
                  {facts.length === 0 ? (
                    <span className="legend-note">{t('governance.unknownNote')}</span>
                  ) : (
                    <ul className="fact-list">
                      {facts.map((fact) => (
                        <FactItem key={fact.id} fact={fact} />
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
