import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type CoverageNote, type Country, type LayerManifest, type SourceInfo } from '../data/atlas-format.ts';
import { useManifest } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';
import { cssColor } from '../map/layer-styles.ts';
import type { LayerSpec } from '../map/layer-spec.ts';
import type { LayerId } from '../map/layers/index.ts';
import { AttributeFilter } from './attribute-filter.tsx';
import { filtersOfLayer } from '../filters/filter-options.ts';
import { formatDate, formatInteger, safeHref } from './format.ts';
import { LegendKey } from './legend-keys.tsx';
import { LayerDataProblem, LayerUnavailable, useLayerDataState, useLoadingBytesText } from './layer-data-status.tsx';
import { publisherName, sourceAsOfText, sourceTitle } from './source-text.ts';

/** The count element end-to-end tests read: formatted text, raw integer in data-count. */
export function LayerCount({
  layer,
  count,
  total,
  loadingText,
}: {
  layer: LayerId;
  count: number | undefined;
  total: number | undefined;
  loadingText?: string | undefined;
}) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <span className="layer-count">
      {count === undefined ? (
        <span data-testid={`count-${layer}`} aria-busy="true" className="count-value loading">
          {loadingText ?? t('legend.countLoading')}
        </span>
      ) : (
        <span data-testid={`count-${layer}`} data-count={count} className="count-value">
          {formatInteger(count, language)}
        </span>
      )}
      {total !== undefined && <span className="count-total"> {t('legend.ofTotal', { total: formatInteger(total, language) })}</span>}
    </span>
  );
}

// SourceList, CoverageList and the legend key are memoised: a filter change renders a layer's section again when it
// changes its count, but not these, whose props stay the same (they still follow the language through their own hooks).
export const SourceList = memo(function SourceList({ sourceIds, sources }: { sourceIds: readonly string[]; sources: Record<string, SourceInfo> }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  if (sourceIds.length === 0) return <p className="legend-note gap">{t('legend.noSources')}</p>;
  return (
    <ul className="source-list">
      {sourceIds.map((id) => {
        const source = sources[id];
        if (!source) return <li key={id}>{t('details.unknownSource', { id })}</li>;
        const href = safeHref(source.url);
        return (
          <li key={id} data-source-id={id}>
            {href ? (
              <a href={href} rel="noopener noreferrer" target="_blank">
                {sourceTitle(source, language)}
              </a>
            ) : (
              <span>{sourceTitle(source, language)}</span>
            )}
            <span className="source-meta">
              {' — '}
              {publisherName(source.publisher, t)}
              {' · '}
              <span className="as-of">{sourceAsOfText(source.asOf, language, t, 'legend.asOf', 'data.asOfPerRow')}</span>
              {source.missing && <strong className="gap"> · {t('legend.missing')}</strong>}
            </span>
            <span className="source-licence">{t('legend.licence', { licence: source.licence })}</span>
          </li>
        );
      })}
    </ul>
  );
});

/** The catalog key of a coverage note's unit or reference label (by the note's messageKey); the data's own text is the fallback. */
function coverageKey(group: 'units' | 'referenceLabels', layer: LayerId, country: Country, note: CoverageNote): string {
  return note.messageKey.startsWith('coverage.') ? `coverage.${group}.${note.messageKey.slice('coverage.'.length)}` : `coverage.${group}.${layer}.${country}`;
}

export function coverageSentence(t: ReturnType<typeof useTranslation>['t'], language: Language, layer: LayerId, country: Country, note: CoverageNote): string {
  const base = { country: t(`countries.${country}`), mapped: formatInteger(note.mapped, language) };
  const reference = note.reference;
  if (!reference) return t(`coverage.${note.level}`, base);
  const unitKey = coverageKey('units', layer, country, note);
  return t(`coverage.${note.level}Reference`, {
    ...base,
    publisher: reference.publisher,
    value: formatInteger(reference.value, language),
    unit: t(unitKey, { defaultValue: reference.unit }),
    date: formatDate(reference.asOf, language),
  });
}

export const CoverageList = memo(function CoverageList({ layer, entry }: { layer: LayerId; entry: LayerManifest }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <ul className="coverage-list" data-testid={`coverage-${layer}`}>
      {COUNTRIES.map((country) => {
        const note = entry.coverage?.[country];
        if (!note) return null;
        const href = safeHref(note.reference?.sourceUrl);
        return (
          <li key={country} className={`coverage coverage-${note.level}`} data-country={country} data-level={note.level}>
            <span>{coverageSentence(t, language, layer, country, note)}</span>
            {note.reference && href && (
              <>
                {' '}
                <a href={href} rel="noopener noreferrer" target="_blank">
                  {t('coverage.referenceLink', { label: t(coverageKey('referenceLabels', layer, country, note), { defaultValue: note.reference.label }) })}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
});

const MemoLegendKey = memo(LegendKey);

/** The layer's visibility checkbox (memoised: React rewrites a re-rendered input's name and type attributes). */
const LayerToggle = memo(function LayerToggle({ layer, id, checked }: { layer: LayerId; id: string; checked: boolean }) {
  const setLayerVisible = useAtlasStore((s) => s.setLayerVisible);
  return <input type="checkbox" id={id} checked={checked} onChange={(event) => setLayerVisible(layer, event.currentTarget.checked)} />;
});

/** One layer in the legend: visibility toggle, symbol key, count, filters, sources and coverage (memoised: a filter
 *  change renders again only the sections whose count it changed). */
export const LayerSection = memo(function LayerSection({ spec, count }: { spec: LayerSpec; count: number | undefined }) {
  const layer = spec.id;
  const { t } = useTranslation();
  const manifest = useManifest().data;
  const visible = useAtlasStore((s) => s.layers[layer] ?? false);
  // the state colours count this layer: its filters stay at hand even when its symbols are hidden
  const countedByStates = useAtlasStore((s) => s.choropleth === layer);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const id = useId();
  const entry = manifest?.layers[spec.dataset];
  const groups = filtersOfLayer(layer);
  const active = useAtlasStore((s) => groups.filter((option) => s.filters[option.param] != null).length);
  const layerName = t(`layers.${layer}`);
  // issue 12: bytes while the data file loads; a plain reason and Retry when it cannot be used
  const dataState = useLayerDataState(spec);
  const loadingText = useLoadingBytesText(dataState);
  return (
    <section
      className={`layer-section${visible || countedByStates ? '' : ' is-hidden'}`}
      aria-labelledby={`${id}-name`}
      data-layer={layer}
      style={{ '--layer-color': cssColor(spec.color) } as React.CSSProperties}
    >
      <div className="layer-head">
        <LayerToggle layer={layer} id={`${id}-toggle`} checked={visible} />
        <label htmlFor={`${id}-toggle`} id={`${id}-name`} className="layer-name">
          <span className="layer-chip" aria-hidden="true" />
          {layerName}
        </label>
        {dataState.kind === 'error' ? <LayerUnavailable layer={layer} /> : <LayerCount layer={layer} count={count} total={entry?.count} loadingText={loadingText} />}
      </div>
      <LayerDataProblem layer={layer} state={dataState} />
      {!visible && <p className="legend-note">{countedByStates ? t('legend.hiddenCounted') : t('legend.hidden')}</p>}
      <div className="layer-body">
        <MemoLegendKey spec={spec} />
        <button type="button" className="disclosure" aria-expanded={filtersOpen} aria-controls={`${id}-filters`} onClick={() => setFiltersOpen(!filtersOpen)}>
          <span aria-hidden="true" className="disclosure-icon">
            {filtersOpen ? '▾' : '▸'}
          </span>{' '}
          {t('filters.show', { layer: layerName })}
          {active > 0 && <span className="badge"> · {t('filters.active', { count: active })}</span>}
        </button>
        <div id={`${id}-filters`} className="layer-filters" hidden={!filtersOpen}>
          <p className="legend-note">{t('filters.allChecked')}</p>
          {groups.map((option) => (
            <AttributeFilter key={option.param} option={option} />
          ))}
        </div>
        {entry && manifest && (
          <>
            <h4 className="legend-subhead">{t('legend.coverage')}</h4>
            <CoverageList layer={layer} entry={entry} />
            <h4 className="legend-subhead">{t('legend.sources')}</h4>
            <SourceList sourceIds={entry.sourceIds} sources={manifest.sources} />
          </>
        )}
      </div>
    </section>
  );
});
