/** A state's profile: its figures for every layer under the current filters, its ranks, published figures beside the mapped ones, and sources. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateRecord } from '../data/atlas-format.ts';
import { useManifest } from '../data/queries.ts';
import { POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { useAtlasStore } from '../state/store.ts';
import { formatMeasure } from '../analysis/format-measure.ts';
import { stateValues, type StateMeasure } from '../analysis/state-measures.ts';
import { useStateCounts } from '../analysis/use-state-values.ts';
import { formatDate, formatInteger, formatNumber, safeHref } from './format.ts';
import { SourceList } from './layer-section.tsx';
import { StatePolicies } from './state-policies.tsx';

const PROFILE_MEASURES: readonly StateMeasure[] = ['count', 'per100k', 'per10kKm2'];

export function StateProfile({ state, allStates }: { state: StateRecord; allStates: readonly StateRecord[] }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const measure = useAtlasStore((s) => s.measure);
  const manifest = useManifest().data;
  const counts = useStateCounts();
  const rows = useMemo(
    () =>
      POINT_LAYER_SPECS.map((spec) => {
        const layerCounts = counts[spec.id];
        if (!layerCounts) return { spec, values: null };
        const rankMeasure = measure === 'bevPerCharger' && spec.id !== 'chargers' ? 'count' : measure;
        const ranked = stateValues(allStates, layerCounts, spec.id, rankMeasure).find((v) => v.state.code === state.code) ?? null;
        const inCountry = allStates.filter((s) => s.country === state.country).length;
        const perMeasure = Object.fromEntries(PROFILE_MEASURES.map((m) => [m, stateValues([state], layerCounts, spec.id, m)[0]?.value ?? null])) as Record<
          StateMeasure,
          number | null
        >;
        return { spec, values: { ranked, perMeasure, inCountry, total: allStates.length } };
      }),
    [counts, allStates, state, measure],
  );
  const chargersCount = counts.chargers?.get(state.code) ?? 0;
  return (
    <div className="state-profile" data-testid="state-profile" data-state={state.code}>
      <dl className="details-attributes">
        <dt>{t('profile.population')}</dt>
        <dd data-measure="population" data-value={state.population}>
          {formatInteger(state.population, language)}
        </dd>
        <dt>{t('profile.area')}</dt>
        <dd data-measure="areaKm2" data-value={state.areaKm2}>
          {formatInteger(state.areaKm2, language)} km²
        </dd>
        {state.bevRegistrations2023 !== null && (
          <>
            <dt>{t('profile.bev')}</dt>
            <dd data-measure="bevRegistrations2023" data-value={state.bevRegistrations2023}>
              {formatInteger(state.bevRegistrations2023, language)}
            </dd>
          </>
        )}
      </dl>
      <table className="profile-table">
        <thead>
          <tr>
            <th scope="col">{t('profile.layer')}</th>
            <th scope="col">{t('profile.count')}</th>
            <th scope="col">{t('measures.per100k')}</th>
            <th scope="col">{t('measures.per10kKm2')}</th>
            <th scope="col">{t('profile.rank')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ spec, values }) => (
            <tr key={spec.id} data-layer={spec.id}>
              <th scope="row">{t(`layers.${spec.id}`)}</th>
              {PROFILE_MEASURES.map((m) => (
                <td key={m} data-measure={m} data-value={values?.perMeasure[m] ?? ''}>
                  {values?.perMeasure[m] == null ? '–' : formatMeasure(m, values.perMeasure[m]!, language)}
                </td>
              ))}
              <td data-rank-country={values?.ranked?.rankInCountry ?? ''} data-rank-binational={values?.ranked?.rankBinational ?? ''}>
                {values?.ranked?.rankInCountry ? (
                  <>
                    {t('profile.rankCountry', { country: state.country, rank: values.ranked.rankInCountry, of: values.inCountry })}
                    <br />
                    {t('profile.rankBoth', { rank: values.ranked.rankBinational, of: values.total })}
                  </>
                ) : (
                  t('profile.noRank')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend-note">{t('profile.rankedBy', { measure: t(`measures.${measure}`) })}</p>
      {POINT_LAYER_SPECS.filter((spec) => manifest?.layers[spec.dataset]?.coverage?.[state.country]?.level === 'partial').length > 0 && (
        <p className="legend-note gap">{t('profile.partial', { country: t(`countries.${state.country}`) })}</p>
      )}
      {/* issue 15: the state's policies beside its chargers per 100k and gap figures */}
      <StatePolicies state={state} allStates={allStates} />
      <h3 className="legend-subhead">{t('profile.published')}</h3>
      {state.published.length === 0 ? (
        <p className="legend-note">{t('profile.noPublished')}</p>
      ) : (
        <ul className="source-list" data-testid="published-figures">
          {state.published.map((figure, i) => {
            const href = safeHref(figure.sourceUrl);
            return (
              <li key={i} data-dataset={figure.dataset} data-value={figure.value}>
                {t('profile.publishedLine', {
                  publisher: figure.publisher,
                  date: formatDate(figure.asOf, language),
                  value: formatNumber(figure.value, language, 0),
                  unit: figure.unit,
                })}{' '}
                {href && (
                  <a href={href} rel="noopener noreferrer" target="_blank">
                    {t('legend.sources')}
                  </a>
                )}
                {figure.note && <span className="legend-note"> ({figure.note})</span>}
                {figure.dataset === 'chargers' && <p className="legend-note gap">{t('profile.publishedGap', { mapped: formatInteger(chargersCount, language) })}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {manifest && (
        <>
          <h3 className="legend-subhead">{t('profile.sources')}</h3>
          <SourceList sourceIds={state.sourceIds} sources={manifest.sources} />
        </>
      )}
    </div>
  );
}
