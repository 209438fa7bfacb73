/** Choose the state choropleth (layer and measure) and read its legend: classes, unit, denominators and how partial the layer is. */
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../data/atlas-format.ts';
import { useManifest, useStates } from '../data/queries.ts';
import { POINT_LAYER_SPECS, layerSpec } from '../map/layers/index.ts';
import { cssColor, type Rgba } from '../map/layer-styles.ts';
import { useAtlasStore } from '../state/store.ts';
import { classRanges, NO_DATA_COLOR, ZERO_COLOR } from '../analysis/class-colors.ts';
import { formatMeasure } from '../analysis/format-measure.ts';
import { STATE_MEASURES, type StateMeasure } from '../analysis/state-measures.ts';
import { useChoroplethData } from '../analysis/use-choropleth.ts';
import { formatInteger } from './format.ts';
import { CHARGER_AGGREGATE_BELOW_ZOOM } from '../map/layers/chargers.ts';
import { POLICY_CHOROPLETH_KEYS, type PolicyChoroplethKey } from '../analysis/policies.ts';

/** The governance and data-coverage legends load with the first view that colours states by them (issue 13). */
const PolicyLegend = lazy(() => import('./governance-legend.tsx').then((module) => ({ default: module.PolicyLegend })));
const CoverageLegend = lazy(() => import('./governance-legend.tsx').then((module) => ({ default: module.CoverageLegend })));

function Swatch({ color }: { color: Rgba }) {
  return <span className="swatch swatch-hex choropleth-swatch" style={{ backgroundColor: cssColor(color) }} aria-hidden="true" />;
}

export function ChoroplethControls() {
  const { t } = useTranslation();
  const id = useId();
  const layerId = useAtlasStore((s) => s.choropleth);
  const measure = useAtlasStore((s) => s.measure);
  const setChoropleth = useAtlasStore((s) => s.setChoropleth);
  const setMeasure = useAtlasStore((s) => s.setMeasure);
  // issue 15: a policy or the coverage view in the same select (they take the place of a layer choropleth)
  const policy = useAtlasStore((s) => s.policy);
  const coverage = useAtlasStore((s) => s.coverage);
  const setStateView = useAtlasStore((s) => s.setStateView);
  const selected = coverage ? 'coverage' : policy ? `policy:${policy}` : (layerId ?? '');
  const states = useStates(layerId !== null || policy !== null || coverage);
  const manifestFile = useManifest().data?.auxiliary?.states;
  const measureAllowed = (m: StateMeasure) => (m !== 'bevPerCharger' && m !== 'shareBeyondR') || layerId === 'chargers';
  return (
    <section className="panel-section choropleth-controls" aria-labelledby={`${id}-heading`} data-testid="choropleth-controls">
      <h2 id={`${id}-heading`}>{t('choropleth.heading')}</h2>
      <label htmlFor={`${id}-layer`} className="control-label">
        {t('choropleth.layer')}
      </label>
      <select
        id={`${id}-layer`}
        data-testid="choropleth-layer"
        value={selected}
        disabled={!manifestFile}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === 'coverage' || value.startsWith('policy:')) {
            setStateView({ choropleth: null, coverage: value === 'coverage', policy: value === 'coverage' ? null : (value.slice(7) as PolicyChoroplethKey) });
            return;
          }
          const next = value || null;
          if (policy || coverage) setStateView({ policy: null, coverage: false });
          setChoropleth(next);
          if (next !== 'chargers' && (measure === 'bevPerCharger' || measure === 'shareBeyondR')) setMeasure('count');
        }}
      >
        <option value="">{t('choropleth.none')}</option>
        {POINT_LAYER_SPECS.map((spec) => (
          <option key={spec.id} value={spec.id}>
            {t(`layers.${spec.id}`)}
          </option>
        ))}
        <optgroup label={t('governance.optgroup')}>
          {POLICY_CHOROPLETH_KEYS.map((key) => (
            <option key={key} value={`policy:${key}`}>
              {t(`policyNames.${key}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('coverageView.optgroup')}>
          <option value="coverage">{t('coverageView.option')}</option>
        </optgroup>
      </select>
      {!manifestFile && <p className="legend-note gap">{t('choropleth.missing')}</p>}
      {layerId && !policy && !coverage && (
        <fieldset className="measure-choice">
          <legend>{t('choropleth.measure')}</legend>
          {STATE_MEASURES.filter(measureAllowed).map((m) => (
            <label key={m} className="radio-row">
              <input type="radio" name={`${id}-measure`} value={m} data-testid={`choropleth-measure-${m}`} checked={measure === m} onChange={() => setMeasure(m)} />
              <span>{t(`measures.${m}`)}</span>
            </label>
          ))}
          {layerId === 'chargers' && <p className="legend-note">{t('choropleth.bevUsOnly')}</p>}
        </fieldset>
      )}
      {(layerId || policy || coverage) && states.isLoading && <p className="legend-note">{t('choropleth.loading')}</p>}
      {layerId && !policy && !coverage && <ChoroplethLegend />}
      <Suspense fallback={null}>
        {policy && !coverage && <PolicyLegend />}
        {coverage && <CoverageLegend />}
      </Suspense>
    </section>
  );
}

/** Classes with their ranges, the measure and unit, and the partial-data notes. Also used in presentation. */
export function ChoroplethLegend() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const measure = useAtlasStore((s) => s.measure);
  const countries = useAtlasStore((s) => s.countries);
  const manifest = useManifest().data;
  const choropleth = useChoroplethData();
  if (!choropleth) return null;
  const spec = layerSpec(choropleth.layerId);
  const layerName = t(`layers.${choropleth.layerId}`);
  const dataset = spec?.dataset;
  const coverage = dataset ? manifest?.layers[dataset as keyof NonNullable<typeof manifest>['layers']]?.coverage : undefined;
  const ranges = choropleth.breaks ? classRanges(choropleth.breaks) : [];
  return (
    <div className="choropleth-legend" data-testid="choropleth-legend" data-measure={measure} data-layer={choropleth.layerId}>
      <p className="legend-key-title">{t('choropleth.legendTitle', { layer: layerName, measure: t(`measures.${measure}`) })}</p>
      <ul className="legend-key choropleth-classes">
        {ranges.map((range, i) => (
          <li key={i} data-class={i}>
            <Swatch color={choropleth.breaks!.colors[i]!} />
            <span>{t('choropleth.classRange', { from: formatMeasure(measure, range.from, language), to: formatMeasure(measure, range.to, language) })}</span>
          </li>
        ))}
        <li data-class="zero">
          <Swatch color={ZERO_COLOR} />
          <span>{t('choropleth.zero')}</span>
        </li>
        {measure === 'bevPerCharger' && (
          <li data-class="none">
            <Swatch color={NO_DATA_COLOR} />
            <span>{t('choropleth.noData')}</span>
          </li>
        )}
      </ul>
      <p className="legend-note">{t(`measureUnits.${measure}`, { layer: layerName })}</p>
      {COUNTRIES.filter((country) => countries.includes(country) && coverage?.[country]?.level === 'partial').map((country) => (
        <p key={country} className="legend-note gap" data-partial={country}>
          {t('choropleth.partial', { country: t(`countries.${country}`), mapped: formatInteger(coverage![country].mapped, language) })}
        </p>
      ))}
      <p className="legend-note">{t('choropleth.sources')}</p>
      {choropleth.layerId === 'chargers' && <p className="legend-note">{t('choropleth.hexHidden', { zoom: CHARGER_AGGREGATE_BELOW_ZOOM })}</p>}
    </div>
  );
}
