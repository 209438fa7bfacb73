/**
 * Legends of the issue 15 state views: a governance policy (classes with their state counts per country, unknown
 * apart from a cited "none", and each country's national facts with their sources) and the data-coverage view
 * (mapped chargers against the publishers' figures, per state and per layer and country).
 */
import { useTranslation } from 'react-i18next';
import { COUNTRIES, POLICY_COUNTRY, type Country, type PolicyFact } from '../data/atlas-format.ts';
import { useManifest } from '../data/queries.ts';
import { useNationalPolicies } from '../data/policies-query.ts';
import { cssColor, type Rgba } from '../map/layer-styles.ts';
import { POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';
import { classRanges } from '../analysis/class-colors.ts';
import { COVERAGE_COLORS, COVERAGE_THRESHOLDS, type CoverageRow } from '../analysis/coverage.ts';
import { nationalFacts, NUMERIC_POLICIES, POLICY_CLASS_COLORS, POLICY_CLASSES, type PolicyClass } from '../analysis/policies.ts';
import { factLine, useCoverageView, usePolicyView } from '../analysis/use-state-view.ts';
import { CitationLink } from './citation-link.tsx';
import { formatDate, formatInteger, formatNumber } from './format.ts';
import { coverageSentence } from './layer-section.tsx';
import '../styles/governance.css';

type TFn = ReturnType<typeof useTranslation>['t'];

/** A class swatch; `hatched` marks "unknown" (no fill on the map) so that it never looks like the grey of a cited "none". */
export function ClassSwatch({ color, hatched = false }: { color: Rgba; hatched?: boolean }) {
  return (
    <span
      className={`swatch choropleth-swatch${hatched ? ' swatch-unknown' : ''}`}
      style={hatched ? undefined : { backgroundColor: cssColor(color) }}
      aria-hidden="true"
    />
  );
}

/** A fact with its source link and date. */
export function FactItem({ fact }: { fact: PolicyFact }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <li data-fact={fact.id} data-policy={fact.policy} data-status={fact.status}>
      <span>{factLine(t, language, fact)}</span>
      {fact.detail && <span className="fact-detail">{fact.detail}</span>}
      <span className="details-source-line">
        <CitationLink url={fact.sourceUrl}>{t('governance.source')}</CitationLink>
        {' · '}
        {t('governance.asOf', { date: formatDate(fact.asOf, language) })}
      </span>
      {fact.notes && <span className="legend-note">{fact.notes}</span>}
    </li>
  );
}

function NationalRows({ countries }: { countries: readonly Country[] }) {
  const { t } = useTranslation();
  const view = usePolicyView();
  const national = useNationalPolicies(view !== null);
  if (!view) return null;
  return (
    <div className="national-facts" data-testid="national-facts">
      {COUNTRIES.filter((country) => countries.includes(country)).map((country) => {
        const facts = national.data ? nationalFacts(national.data, country, view.policy) : [];
        return (
          <section key={country} data-country={country} data-count={facts.length}>
            <h3 className="legend-subhead">{t('governance.nationalHeading', { country: t(`countries.${country}`) })}</h3>
            {national.isLoading ? (
              <p className="legend-note">{t('choropleth.loading')}</p>
            ) : facts.length === 0 ? (
              <p className="legend-note">{national.data ? t('governance.noNational') : t('governance.nationalMissing')}</p>
            ) : (
              <ul className="fact-list">
                {facts.map((fact) => (
                  <FactItem key={fact.id} fact={fact} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function classLabel(t: TFn, cls: PolicyClass, only: Country | undefined): string {
  if (cls === 'na' && only) return t('governance.class.naCountry', { country: t(`countries.${only === 'US' ? 'MX' : 'US'}`) });
  return t(`governance.class.${cls}`);
}

/** The legend of the policy choropleth. Also the place of the national (federal) facts (not in the compact legend of presentations). */
export function PolicyLegend({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const countries = useAtlasStore((s) => s.countries);
  const view = usePolicyView();
  if (!view) return null;
  const only = POLICY_COUNTRY[view.policy];
  const numeric = NUMERIC_POLICIES.includes(view.policy);
  const count = (cls: PolicyClass, country: Country) => view.states.filter((state) => state.country === country && view.classes.get(state.code) === cls).length;
  const shownCountries = COUNTRIES.filter((country) => countries.includes(country));
  const classes = POLICY_CLASSES.filter((cls) => (cls === 'na' ? only !== undefined && shownCountries.some((c) => c !== only) : true));
  const ranges = numeric && view.breaks ? classRanges(view.breaks) : [];
  return (
    <div className="choropleth-legend policy-legend" data-testid="policy-legend" data-policy={view.policy} data-has-data={view.hasData}>
      <p className="legend-key-title">{t(numeric ? 'governance.legendTitleAmount' : 'governance.legendTitle', { policy: t(`policyNames.${view.policy}`) })}</p>
      {!view.hasData && <p className="legend-note gap">{t('governance.noData')}</p>}
      <ul className="legend-key choropleth-classes policy-classes">
        {ranges.map((range, i) => (
          <li key={`range-${i}`} data-class={`range-${i}`}>
            <ClassSwatch color={view.breaks!.colors[i]!} />
            <span>{t('governance.amountRange', { from: formatNumber(range.from, language, 1), to: formatNumber(range.to, language, 1) })}</span>
          </li>
        ))}
        {classes
          .filter((cls) => !numeric || cls === 'none' || cls === 'unknown' || cls === 'na')
          .map((cls) => (
            <li key={cls} data-class={cls} data-count-us={count(cls, 'US')} data-count-mx={count(cls, 'MX')}>
              <ClassSwatch color={POLICY_CLASS_COLORS[cls]} hatched={cls === 'unknown'} />
              <span>
                {classLabel(t, cls, only)}
                <span className="class-counts">
                  {' '}
                  {shownCountries
                    .filter((country) => cls !== 'na' || country !== only)
                    .map((country) => t('governance.classCount', { country, count: count(cls, country) }))
                    .join(' · ')}
                </span>
              </span>
            </li>
          ))}
      </ul>
      <p className="legend-note">{t(`governance.about.${view.policy}`)}</p>
      <p className="legend-note">{t('governance.unknownVsNone')}</p>
      {!compact && <NationalRows countries={countries} />}
    </div>
  );
}

function ratioText(ratio: number, language: Language): string {
  const percent = ratio * 100;
  return `${formatNumber(percent, language, percent >= 10 ? 0 : 1)} %`;
}

function CoverageStateTable({ rows }: { rows: CoverageRow[] }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const withFigure = rows.filter((row) => row.figure).sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0));
  const without = rows.length - withFigure.length;
  return (
    <>
      <table className="profile-table coverage-table" data-testid="coverage-state-table">
        <caption className="legend-key-title">{t('coverageView.stateTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverageView.state')}</th>
            <th scope="col">{t('coverageView.mapped')}</th>
            <th scope="col">{t('coverageView.published')}</th>
            <th scope="col">{t('coverageView.ratio')}</th>
          </tr>
        </thead>
        <tbody>
          {withFigure.map((row) => (
            <tr key={row.state.code} data-state={row.state.code} data-mapped={row.mapped} data-published={row.figure!.value}>
              <th scope="row">{language === 'es' ? row.state.nameEs : row.state.nameEn}</th>
              <td>{formatInteger(row.mapped, language)}</td>
              <td>
                <CitationLink url={row.figure!.sourceUrl} title={`${row.figure!.publisher} · ${row.figure!.unit}`}>
                  {formatInteger(row.figure!.value, language)}
                </CitationLink>
                <span className="legend-note"> {formatDate(row.figure!.asOf, language)}</span>
              </td>
              <td>{ratioText(row.ratio!, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend-note" data-testid="coverage-no-figure" data-count={without}>
        {t('coverageView.withoutFigure', { count: without })}
      </p>
    </>
  );
}

function CoverageLayerTable() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const manifest = useManifest().data;
  if (!manifest) return null;
  return (
    <table className="profile-table coverage-table" data-testid="coverage-layer-table">
      <caption className="legend-key-title">{t('coverageView.layerTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('coverageView.layer')}</th>
          <th scope="col">{t('coverageView.country')}</th>
          <th scope="col">{t('coverageView.mapped')}</th>
          <th scope="col">{t('coverageView.level')}</th>
        </tr>
      </thead>
      <tbody>
        {POINT_LAYER_SPECS.flatMap((spec) => {
          const entry = manifest.layers[spec.dataset];
          if (!entry) return [];
          return COUNTRIES.map((country) => {
            const note = entry.coverage?.[country];
            const sources = entry.sourceIds.map((id) => manifest.sources[id]).filter((source) => source && !source.missing);
            return (
              <tr key={`${spec.id}-${country}`} data-layer={spec.id} data-country={country} data-level={note?.level ?? 'unknown'}>
                <th scope="row">{t(`layers.${spec.id}`)}</th>
                <td>{country}</td>
                <td>{formatInteger(entry.countByCountry?.[country] ?? 0, language)}</td>
                <td className="coverage-cell">
                  {note ? coverageSentence(t, language, spec.id, country, note) : t('categories.unknown')}
                  <span className="legend-note"> {t('coverageView.sourceCount', { count: sources.length })}</span>
                </td>
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}

/** The legend and tables of the data-coverage view (the compact legend of presentations has no tables). */
export function CoverageLegend({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const view = useCoverageView();
  if (!view) return null;
  const edges = [0, ...COVERAGE_THRESHOLDS];
  return (
    <div className="choropleth-legend coverage-legend" data-testid="coverage-legend">
      <p className="legend-key-title">{t('coverageView.legendTitle')}</p>
      <ul className="legend-key choropleth-classes">
        {COVERAGE_COLORS.map((color, i) => (
          <li key={i} data-class={i} data-count={view.rows.filter((row) => row.classIndex === i).length}>
            <ClassSwatch color={color} />
            <span>
              {i < COVERAGE_THRESHOLDS.length
                ? t('coverageView.classRange', { from: ratioText(edges[i]!, language), to: ratioText(edges[i + 1]!, language) })
                : t('coverageView.classAll', { from: ratioText(COVERAGE_THRESHOLDS[COVERAGE_THRESHOLDS.length - 1]!, language) })}
            </span>
          </li>
        ))}
        <li data-class="none" data-count={view.rows.filter((row) => row.classIndex < 0).length}>
          <ClassSwatch color={[0, 0, 0, 0]} hatched />
          <span>{t('coverageView.noFigureClass')}</span>
        </li>
      </ul>
      <p className="legend-note">{t('coverageView.note')}</p>
      {!compact && <CoverageStateTable rows={view.rows} />}
      {!compact && <CoverageLayerTable />}
    </div>
  );
}
