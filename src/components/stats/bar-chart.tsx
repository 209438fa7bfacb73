/**
 * A horizontal bar chart: one button per bar (label, an SVG bar scaled with d3-scale, the value), so
 * that a click or Enter applies the bar's filter; or, when asked, the same numbers as a <table> with a
 * button per row (the alternative for screen readers and for reading exact values).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';

export interface BarDatum {
  key: string;
  label: string;
  /** null: no value (not applicable or unknown), drawn without a bar */
  value: number | null;
  /** the value as text, per language (with its "at least" marker when it is a lower bound) */
  display: string;
  color: string;
  /** the bar's filter is the only value allowed (a second click shows all again) */
  selected: boolean;
  /** excluded by a filter in force: shown as "filtered out", not as 0 */
  excluded: boolean;
  /** `data-*` attributes for tests and automated checks */
  data?: Record<string, string>;
}

export interface BarChartProps {
  /** DOM id prefix (unique in the page) */
  id: string;
  /** stable name of the chart (`data-chart`), e.g. 'chargers.chargerLevel' */
  chartKey: string;
  title: string;
  /** heading of the value column in the table view */
  valueLabel: string;
  bars: readonly BarDatum[];
  onActivate(key: string): void;
  asTable: boolean;
  /** notes under the title (coverage, multi-valued columns) */
  notes?: ReactNode;
  /** the filter this chart's bars apply, when one is in force, and a way to clear it */
  activeFilter?: { text: string; onClear(): void } | null;
  /** a message after a click on a bar ("filter applied") */
  hint?: string;
  emptyText?: string;
}

const BAR_HEIGHT = 20;

export function BarChart({ id, chartKey, title, valueLabel, bars, onActivate, asTable, notes, activeFilter, hint, emptyText }: BarChartProps) {
  const { t } = useTranslation();
  const x = scaleLinear()
    .domain([0, max(bars, (bar) => bar.value ?? 0) || 1])
    .range([0, 100]);
  const action = (bar: BarDatum) => (bar.selected ? t('stats.bar.showAll') : t('stats.bar.showOnly'));
  return (
    <figure className="stat-chart" aria-labelledby={`${id}-title`} data-chart={chartKey}>
      <figcaption>
        <h4 id={`${id}-title`} className="stat-chart-title">
          {title}
        </h4>
        {notes}
        {activeFilter && (
          <p className="stat-filtered">
            {activeFilter.text}{' '}
            <button type="button" className="link-button" onClick={activeFilter.onClear}>
              {t('stats.bar.clear')}
            </button>
          </p>
        )}
      </figcaption>
      {bars.length === 0 && <p className="legend-note">{emptyText ?? t('stats.empty')}</p>}
      {bars.length > 0 && !asTable && (
        <ul className="stat-bars">
          {bars.map((bar) => (
            <li key={bar.key}>
              <button
                type="button"
                className={`stat-bar${bar.selected ? ' is-selected' : ''}${bar.excluded ? ' is-excluded' : ''}`}
                aria-pressed={bar.selected}
                aria-label={t('stats.bar.label', { label: bar.label, value: bar.excluded ? t('stats.bar.filteredOut') : bar.display, action: action(bar) })}
                onClick={() => onActivate(bar.key)}
                {...bar.data}
              >
                <span className="stat-bar-label">{bar.label}</span>
                <svg className="stat-bar-svg" viewBox={`0 0 100 ${BAR_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect className="stat-bar-track" x={0} y={0} width={100} height={BAR_HEIGHT} />
                  {bar.value !== null && bar.value > 0 && <rect x={0} y={0} width={Math.max(0.8, x(bar.value))} height={BAR_HEIGHT} fill={bar.color} />}
                </svg>
                <span className="stat-bar-value">{bar.excluded ? t('stats.bar.filteredOut') : bar.display}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {bars.length > 0 && asTable && (
        <table className="stat-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.table.category')}</th>
              <th scope="col" className="num">
                {valueLabel}
              </th>
              <th scope="col">{t('stats.table.filter')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} {...bar.data}>
                <th scope="row">{bar.label}</th>
                <td className="num">{bar.excluded ? t('stats.bar.filteredOut') : bar.display}</td>
                <td>
                  <button type="button" className="link-button" aria-pressed={bar.selected} onClick={() => onActivate(bar.key)}>
                    {action(bar)}
                    <span className="visually-hidden">: {bar.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="stat-hint" role="status">
        {hint ?? ''}
      </p>
    </figure>
  );
}
