/**
 * The state table: every state of the selected countries with population, the layer's count and its
 * measures, sortable by any column. Test hooks (automated checks rely on them): each row has
 * `data-state="<code>"`, each numeric cell `data-measure="<measure>"` and, when it has a value,
 * `data-value="<raw number>"` (no data-value and "–" when the measure does not apply or is unknown).
 */
import { useTranslation } from 'react-i18next';
import type { PublishedFigure } from '../../data/atlas-format.ts';
import { useAtlasStore } from '../../state/store.ts';
import type { Language } from '../../state/atlas-state.ts';
import { formatDate, safeHref } from '../format.ts';
import { formatStatValue } from './stats-model.ts';
import type { SortDirection, SortKey, StateRow, TableMeasure } from './state-rows.ts';

export interface StateTableProps {
  caption: string;
  rows: readonly StateRow[];
  measures: readonly TableMeasure[];
  showPublished: boolean;
  sort: { key: SortKey; direction: SortDirection };
  onSort(key: SortKey): void;
}

/** Whether a measure of a row in a partial layer is a lower bound (counts and rates) or an upper bound (EVs per charger). */
function boundOf(row: StateRow, measure: TableMeasure): 'lower' | 'upper' | null {
  if (row.coverage !== 'partial' || measure === 'population' || row.values[measure] === null) return null;
  return measure === 'bevPerCharger' ? 'upper' : 'lower';
}

export function StateTable({ caption, rows, measures, showPublished, sort, onSort }: StateTableProps) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const select = useAtlasStore((s) => s.select);
  const nameOf = (row: StateRow) => (language === 'es' ? row.state.nameEs : row.state.nameEn);
  const header = (key: SortKey, label: string, numeric: boolean) => {
    const active = sort.key === key;
    return (
      <th key={key} scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? sort.direction : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(key)}>
          {label}
          <span aria-hidden="true" className="sort-icon">
            {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <>
      <p className="legend-note" aria-hidden="true">
        {caption}
      </p>
      <div className="state-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="stat-table state-table" data-testid="state-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {header('name', t('stats.states.name'), false)}
              {measures.map((measure) => header(measure, t(`stats.states.columns.${measure}`), true))}
              {showPublished && <th scope="col">{t('stats.states.published')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.state.code} data-state={row.state.code} data-country={row.state.country}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => select(`states:${row.state.code}`)}
                    aria-label={t('stats.states.openProfile', { state: nameOf(row) })}
                  >
                    {nameOf(row)}
                  </button>{' '}
                  <span className="country-tag">{row.state.country}</span>
                </th>
                {measures.map((measure) => {
                  const value = row.values[measure];
                  const bound = boundOf(row, measure);
                  return (
                    <td key={measure} className="num" data-measure={measure} {...(value !== null ? { 'data-value': String(value) } : {})}>
                      {value === null ? (
                        <span title={t(row.coverage === 'none' && measure !== 'population' ? 'stats.states.noData' : 'stats.states.notApplicable')}>–</span>
                      ) : (
                        <>
                          {bound && (
                            <>
                              <span className="bound-mark" aria-hidden="true" title={t(`stats.bound.${bound}`)}>
                                {bound === 'lower' ? '≥' : '≤'}
                              </span>
                              <span className="visually-hidden">{t(`stats.bound.${bound}`)} </span>
                            </>
                          )}
                          {formatStatValue(measure, value, language)}
                        </>
                      )}
                    </td>
                  );
                })}
                {showPublished && (
                  <td className="published-cell" data-published={row.published.length}>
                    {row.published.length === 0 ? '–' : <PublishedList figures={row.published} language={language} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PublishedList({ figures, language }: { figures: readonly PublishedFigure[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <ul className="published-list">
      {figures.map((figure, i) => {
        const href = safeHref(figure.sourceUrl);
        return (
          <li key={i}>
            <strong>{formatStatValue('count', figure.value, language)}</strong>{' '}
            {t('stats.states.publishedLine', { unit: figure.unit, publisher: figure.publisher, date: formatDate(figure.asOf, language) })}
            {href && (
              <>
                {' '}
                <a href={href} rel="noopener noreferrer" target="_blank">
                  {t('stats.states.publishedSource')}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
