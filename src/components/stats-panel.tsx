/**
 * The statistics panel: charts of what passes the current filters (top states; every layer's
 * categories by filter), the state table, and the statistics as CSV with a citations file. Everything
 * is counted from the masks the map uses (no data rebuilt); a click on a bar applies its filter.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type AtlasManifest, type Country, type DatasetId, type StateRecord } from '../data/atlas-format.ts';
import { useManifest, useStates } from '../data/queries.ts';
import { useStateCounts } from '../analysis/use-state-values.ts';
import { measureApplies } from '../analysis/state-measures.ts';
import { filterOption, filtersOfLayer } from '../filters/filter-options.ts';
import { useFlowMask, useLayerMasks } from '../filters/use-layer-masks.ts';
import { LAYER_SPECS, POINT_LAYER_SPECS } from '../map/layers/index.ts';
import type { LayerSpec, PointLayerSpec } from '../map/layer-spec.ts';
import { ATTRIBUTE_FILTER_KEYS, type Language } from '../state/atlas-state.ts';
import { useAtlasStore } from '../state/store.ts';
import { localeOf, registerCatalog } from '../i18n/i18n.ts';
import { formatInteger } from './format.ts';
import { coverageSentence } from './layer-section.tsx';
import { BarChart, type BarDatum } from './stats/bar-chart.tsx';
import { maskTotal } from './stats/category-counts.ts';
import {
  barColor,
  filterAfterClick,
  filtersInForceText,
  flowLayerCharts,
  formatStatValue,
  optionLabel,
  pointLayerCharts,
  solidColor,
  type CategoryChart,
} from './stats/stats-model.ts';
import { sortStateRows, stateRows, TABLE_MEASURES, topStateRows, type SortDirection, type SortKey, type StateRow } from './stats/state-rows.ts';
import { StateTable } from './stats/state-table.tsx';
import type { StatsCsvRow } from './stats/stats-export.ts';
import { JobsStats } from './jobs-views.tsx';
import '../styles/stats.css';
import { statsCatalog } from '../i18n/catalog-stats.ts';

registerCatalog(statsCatalog);

type TFn = ReturnType<typeof useTranslation>['t'];
const TOP_STATES = 10;

function stateName(state: StateRecord, language: Language): string {
  return language === 'es' ? state.nameEs : state.nameEn;
}

/** Label of a filter value: a category label, or a state's name. */
function filterValueLabel(t: TFn, param: string, value: string, statesByCode: ReadonlyMap<string, StateRecord>, language: Language): string {
  if (param === 'state') {
    const state = statesByCode.get(value);
    return state ? stateName(state, language) : value;
  }
  const option = filterOption(param);
  return option ? optionLabel(t, option, value) : value;
}

function filterGroupLabel(t: TFn, param: string): string {
  return param === 'state' ? t('stats.filters.state') : t(`filterGroups.${param}`);
}

/** Coverage notes of a layer for the selected countries: partial = lower bounds; none = unknown, not zero. */
function coverageNotes(t: TFn, language: Language, spec: LayerSpec, manifest: AtlasManifest | undefined, countries: readonly Country[]): string[] {
  const coverage = manifest?.layers[spec.dataset as DatasetId]?.coverage;
  if (!coverage) return [];
  const notes: string[] = [];
  for (const country of countries) {
    const note = coverage[country];
    if (!note || note.level === 'complete') continue;
    const sentence = coverageSentence(t, language, spec.id, country, note);
    notes.push(note.level === 'partial' ? t('stats.lowerBound', { sentence }) : t('stats.noCoverage', { sentence }));
  }
  return notes;
}

function isPartial(manifest: AtlasManifest | undefined, spec: LayerSpec, countries: readonly Country[]): boolean {
  const coverage = manifest?.layers[spec.dataset as DatasetId]?.coverage;
  return countries.some((country) => coverage?.[country]?.level === 'partial');
}

export function StatsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const manifest = useManifest().data;
  const statesQuery = useStates();
  const states = statesQuery.data;
  const stateCounts = useStateCounts();
  const { columns, masks } = useLayerMasks();
  const { flows, mask: flowMask } = useFlowMask();
  const language = useAtlasStore((s) => s.language);
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  const choropleth = useAtlasStore((s) => s.choropleth);
  const storeMeasure = useAtlasStore((s) => s.measure);
  const setFilter = useAtlasStore((s) => s.setFilter);
  const setCountries = useAtlasStore((s) => s.setCountries);
  const resetFilters = useAtlasStore((s) => s.resetFilters);

  const [layerChoice, setLayerChoice] = useState<string | null>(null);
  const [topBy, setTopBy] = useState<'count' | 'per100k'>('count');
  const [asTables, setAsTables] = useState(false);
  const [sortChoice, setSortChoice] = useState<{ key: SortKey; direction: SortDirection } | null>(null);
  const [hint, setHint] = useState<{ chart: string; text: string } | null>(null);
  const [exportMessage, setExportMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const locale = localeOf(language);
  const statesByCode = useMemo(() => new Map((states ?? []).map((state) => [state.code, state])), [states]);
  const nameOf = (state: StateRecord) => stateName(state, language);

  // the layer of the state figures: the user's choice here, else the choropleth's, else chargers
  const choroplethSpec = choropleth ? POINT_LAYER_SPECS.find((spec) => spec.id === choropleth) : undefined;
  const tableSpec: PointLayerSpec = POINT_LAYER_SPECS.find((spec) => spec.id === layerChoice) ?? choroplethSpec ?? POINT_LAYER_SPECS[0]!;
  const tableCoverage = manifest?.layers[tableSpec.dataset]?.coverage;
  const rows = useMemo(
    () => (states ? stateRows(states, stateCounts[tableSpec.id], tableSpec.id, tableSpec.dataset, countries, filters.state, tableCoverage) : []),
    [states, stateCounts, tableSpec, countries, filters.state, tableCoverage],
  );
  const measures = TABLE_MEASURES.filter((measure) => measure !== 'bevPerCharger' || rows.some((row) => measureApplies('bevPerCharger', tableSpec.id, row.state)));
  const showPublished = rows.some((row) => row.published.length > 0);
  const sort =
    sortChoice && (sortChoice.key === 'name' || measures.includes(sortChoice.key))
      ? sortChoice
      : { key: (measures as string[]).includes(storeMeasure) ? (storeMeasure as SortKey) : 'count', direction: 'descending' as const };
  const sortedRows = sortStateRows(rows, sort.key, sort.direction, nameOf, locale);
  const topRows = topStateRows(rows, topBy, TOP_STATES, nameOf, locale);

  const charts = useMemo(() => {
    const groups: { spec: LayerSpec; total: number | undefined; charts: CategoryChart[] | null }[] = [];
    for (const spec of LAYER_SPECS) {
      const options = filtersOfLayer(spec.id);
      if (spec.kind === 'points') {
        const mask = masks[spec.id];
        groups.push({ spec, total: mask ? maskTotal(mask) : undefined, charts: pointLayerCharts(spec, options, columns[spec.dataset], mask) });
      } else {
        groups.push({ spec, total: flowMask ? maskTotal(flowMask) : undefined, charts: flowLayerCharts(spec, options, flows, flowMask) });
      }
    }
    return groups;
  }, [columns, masks, flows, flowMask]);

  const applyFilter = (chart: string, param: string, value: string) => {
    const next = filterAfterClick(filters[param], value);
    setFilter(param, next);
    const group = filterGroupLabel(t, param);
    setHint({
      chart,
      text: next ? t('stats.applied', { group, value: filterValueLabel(t, param, value, statesByCode, language) }) : t('stats.cleared', { group }),
    });
  };

  const activeFilterOf = (chart: string, param: string) => {
    const current = filters[param];
    if (current == null) return null;
    const values = current.length ? current.map((value) => filterValueLabel(t, param, value, statesByCode, language)).join(', ') : t('stats.filters.nothing');
    return {
      text: t('stats.chartFiltered', { values }),
      onClear: () => {
        setFilter(param, null);
        setHint({ chart, text: t('stats.cleared', { group: filterGroupLabel(t, param) }) });
      },
    };
  };

  const categoryBars = (chart: CategoryChart, partial: boolean): BarDatum[] => {
    const current = filters[chart.option.param];
    return chart.counts.map(({ value, count }) => {
      const formatted = formatInteger(count, language);
      return {
        key: value,
        label: optionLabel(t, chart.option, value),
        value: count,
        display: partial && count > 0 ? `≥ ${formatted}` : formatted,
        color: barColor(chart.spec, chart.option.domain, value),
        selected: current != null && current.length === 1 && current[0] === value,
        excluded: current != null && !current.includes(value) && count === 0,
        data: { 'data-category': value, 'data-count': String(count) },
      };
    });
  };

  const topMeasureLabel = topBy === 'count' ? t('stats.states.byCount') : t('stats.states.byPer100k');
  const topBars: BarDatum[] = topRows.map((row: StateRow) => {
    const value = row.values[topBy]!;
    const formatted = formatStatValue(topBy, value, language);
    return {
      key: row.state.code,
      label: nameOf(row.state),
      value,
      display: row.coverage === 'partial' ? `≥ ${formatted}` : formatted,
      color: solidColor(tableSpec.color),
      selected: filters.state?.length === 1 && filters.state[0] === row.state.code,
      excluded: false,
      data: { 'data-bar-state': row.state.code, 'data-bar-value': String(value) },
    };
  });

  const chips = [
    ...(countries.length !== COUNTRIES.length
      ? [
          {
            key: 'countries',
            text: t('stats.filters.chip', {
              group: t('stats.filters.countries'),
              values: countries.map((c) => t(`countries.${c}`)).join(', ') || t('stats.filters.nothing'),
            }),
            group: t('stats.filters.countries'),
            clear: () => setCountries([...COUNTRIES]),
          },
        ]
      : []),
    ...ATTRIBUTE_FILTER_KEYS.filter((key) => filters[key] != null).map((key) => {
      const values = filters[key]!;
      const group = filterGroupLabel(t, key);
      const layer = filterOption(key)?.layer;
      return {
        key,
        text: t('stats.filters.chip', {
          group: layer ? `${t(`layers.${layer.id}`)} · ${group}` : group,
          values: values.length ? values.map((value) => filterValueLabel(t, key, value, statesByCode, language)).join(', ') : t('stats.filters.nothing'),
        }),
        group,
        clear: () => setFilter(key, null),
      };
    }),
  ];

  const download = async (format: 'csv' | 'citations') => {
    setBusy(true);
    setExportMessage('');
    try {
      const [{ downloadText }, { exportFileName }, { statsCsv, statsCitations }] = await Promise.all([
        import('../export/download.ts'),
        import('../export/export-data.ts'),
        import('./stats/stats-export.ts'),
      ]);
      const scope = filtersInForceText(countries, filters);
      if (format === 'csv') {
        const file = exportFileName('statistics.csv');
        downloadText(file, statsCsv(statsCsvRows(), scope.join('; ') || 'none'), 'text/csv;charset=utf-8');
        setExportMessage(t('stats.export.done', { file }));
      } else {
        const file = exportFileName('statistics-citations.txt');
        const datasets = [...new Set(LAYER_SPECS.map((spec) => spec.dataset as DatasetId))];
        const context = { atlasUrl: window.location.href, exportedAt: new Date().toISOString(), scope: scope.length ? scope : ['no filter'], datasets };
        downloadText(file, statsCitations(manifest, context), 'text/plain;charset=utf-8');
        setExportMessage(t('stats.export.done', { file }));
      }
    } catch (error) {
      setExportMessage(t('stats.export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  /** The state table of every point layer and every chart's counts, as CSV rows. */
  const statsCsvRows = (): StatsCsvRow[] => {
    const out: StatsCsvRow[] = [];
    if (states) {
      for (const spec of POINT_LAYER_SPECS) {
        const coverage = manifest?.layers[spec.dataset]?.coverage;
        const layerRows = stateRows(states, stateCounts[spec.id], spec.id, spec.dataset, countries, filters.state, coverage);
        for (const row of sortStateRows(layerRows, 'name', 'ascending', (state) => state.code, 'en')) {
          out.push({
            section: 'states',
            layer: spec.id,
            chart: 'state',
            code: row.state.code,
            label: nameOf(row.state),
            country: row.state.country,
            count: row.values.count,
            population: row.values.population,
            per_100k: row.values.per100k,
            per_10k_km2: row.values.per10kKm2,
            bev_per_charger: row.values.bevPerCharger,
            published: row.published.map((f) => `${f.value} ${f.unit} (${f.publisher}, ${f.asOf}, ${f.sourceUrl})`).join(' | ') || null,
            coverage: row.coverage ?? null,
          });
        }
      }
    }
    for (const group of charts) {
      const coverage = manifest?.layers[group.spec.dataset as DatasetId]?.coverage;
      const levels = countries.map((country) => `${country}: ${coverage?.[country]?.level ?? 'unknown'}`).join('; ');
      for (const chart of group.charts ?? []) {
        for (const { value, count } of chart.counts) {
          out.push({
            section: 'categories',
            layer: group.spec.id,
            chart: chart.option.param,
            code: value,
            label: optionLabel(t, chart.option, value),
            count,
            coverage: levels,
          });
        }
      }
    }
    return out;
  };

  const onSort = (key: SortKey) =>
    setSortChoice(
      sort.key === key
        ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );

  const stateFiguresMissing = manifest && !manifest.auxiliary?.states;
  const tableLayerName = t(`layers.${tableSpec.id}`);

  return (
    <section className="panel-section stats-panel" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('stats.heading')}</h2>
      <p className="stats-intro">{t('stats.intro')}</p>

      <div className="stats-filters" aria-labelledby={`${id}-filters`}>
        <h3 id={`${id}-filters`} className="stats-subhead">
          {t('stats.filters.heading')}
        </h3>
        {chips.length === 0 ? (
          <p className="legend-note">{t('stats.filters.none')}</p>
        ) : (
          <>
            <ul className="filter-chips" data-testid="stats-filters">
              {chips.map((chip) => (
                <li key={chip.key} data-filter={chip.key}>
                  <span>{chip.text}</span>
                  <button type="button" className="chip-remove" aria-label={t('stats.filters.remove', { group: chip.group })} onClick={chip.clear}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                resetFilters();
                setCountries([...COUNTRIES]);
              }}
            >
              {t('stats.filters.reset')}
            </button>
          </>
        )}
      </div>

      <div className="stats-controls">
        <p className="checkbox-row">
          <input type="checkbox" id={`${id}-tables`} checked={asTables} onChange={(event) => setAsTables(event.currentTarget.checked)} />
          <label htmlFor={`${id}-tables`}>{t('stats.asTables')}</label>
        </p>
        <div className="export-buttons" role="group" aria-label={t('stats.export.heading')}>
          <button type="button" className="button" disabled={busy || !manifest} onClick={() => void download('csv')}>
            {t('stats.export.csv')}
          </button>
          <button type="button" className="button secondary" disabled={busy || !manifest} onClick={() => void download('citations')}>
            {t('stats.export.citations')}
          </button>
        </div>
        <p className="legend-note">{t('stats.export.note')}</p>
        <p className="stat-hint" role="status" data-testid="stats-export-status">
          {exportMessage}
        </p>
      </div>

      <section className="stats-group" aria-labelledby={`${id}-states`} style={{ '--layer-color': solidColor(tableSpec.color) } as React.CSSProperties}>
        <h3 id={`${id}-states`} className="stats-subhead">
          {t('stats.states.heading')}
        </h3>
        <p className="stats-field">
          <label htmlFor={`${id}-layer`}>{t('stats.states.layer')}</label>
          <select id={`${id}-layer`} value={tableSpec.id} onChange={(event) => setLayerChoice(event.currentTarget.value)}>
            {POINT_LAYER_SPECS.map((spec) => (
              <option key={spec.id} value={spec.id}>
                {t(`layers.${spec.id}`)}
              </option>
            ))}
          </select>
        </p>
        {stateFiguresMissing && <p className="stats-warning">{t('stats.states.missing')}</p>}
        {!stateFiguresMissing && !states && <p className="legend-note">{statesQuery.isError ? t('stats.states.missing') : t('stats.states.loading')}</p>}
        {states && (
          <>
            {coverageNotes(t, language, tableSpec, manifest, countries).map((note) => (
              <p key={note} className="stats-coverage" data-testid="stats-coverage-note">
                {note}
              </p>
            ))}
            <fieldset className="stats-switch">
              <legend>{t('stats.states.topBy')}</legend>
              {(['count', 'per100k'] as const).map((value) => (
                <label key={value}>
                  <input type="radio" name={`${id}-top`} value={value} checked={topBy === value} onChange={() => setTopBy(value)} />{' '}
                  {value === 'count' ? t('stats.states.byCount') : t('stats.states.byPer100k')}
                </label>
              ))}
            </fieldset>
            <BarChart
              id={`${id}-top`}
              chartKey="top-states"
              title={t('stats.states.topTitle', { n: TOP_STATES, layer: tableLayerName, measure: topMeasureLabel })}
              valueLabel={topMeasureLabel}
              bars={topBars}
              asTable={asTables}
              onActivate={(code) => applyFilter('top', 'state', code)}
              notes={<p className="legend-note">{t('stats.states.topNote')}</p>}
              activeFilter={activeFilterOf('top', 'state')}
              hint={hint?.chart === 'top' ? hint.text : undefined}
              emptyText={t('stats.states.topEmpty')}
            />
            <h4 className="stat-chart-title">{t('stats.states.tableHeading')}</h4>
            <p className="legend-note">
              {t('stats.states.rows', { count: rows.length })}
              {rows.some((row) => row.coverage === 'partial') && <> · {t('stats.states.boundNote')}</>}
            </p>
            <StateTable
              caption={t('stats.states.caption', { layer: tableLayerName })}
              rows={sortedRows}
              measures={measures}
              showPublished={showPublished}
              sort={sort}
              onSort={onSort}
            />
            {measures.includes('bevPerCharger') && <p className="legend-note">{t('stats.states.bevNote')}</p>}
            {showPublished && <p className="legend-note">{t('stats.states.publishedNote')}</p>}
          </>
        )}
      </section>
      {/* issue 15: reported jobs per state (plants passing the filters) */}
      <JobsStats />

      <p className="legend-note">{t('stats.unknownNote')}</p>
      {charts.map((group) => (
        <LayerCharts
          key={group.spec.id}
          spec={group.spec}
          total={group.total}
          charts={group.charts}
          notes={coverageNotes(t, language, group.spec, manifest, countries)}
          renderChart={(chart) => (
            <BarChart
              key={chart.id}
              id={`${id}-${chart.id.replace(/[^a-zA-Z0-9-]/g, '-')}`}
              chartKey={chart.id}
              title={filterGroupLabel(t, chart.option.param)}
              valueLabel={t('stats.table.count')}
              bars={categoryBars(chart, isPartial(manifest, group.spec, countries))}
              asTable={asTables}
              onActivate={(value) => applyFilter(chart.id, chart.option.param, value)}
              notes={chart.multiValued ? <p className="legend-note">{t('stats.multiValued')}</p> : undefined}
              activeFilter={activeFilterOf(chart.id, chart.option.param)}
              hint={hint?.chart === chart.id ? hint.text : undefined}
            />
          )}
        />
      ))}
    </section>
  );
}

function LayerCharts({
  spec,
  total,
  charts,
  notes,
  renderChart,
}: {
  spec: LayerSpec;
  total: number | undefined;
  charts: CategoryChart[] | null;
  notes: string[];
  renderChart(chart: CategoryChart): React.ReactNode;
}) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const headingId = `stats-layer-${spec.id}`;
  return (
    <section className="stats-group" aria-labelledby={headingId} data-stats-layer={spec.id} style={{ '--layer-color': solidColor(spec.color) } as React.CSSProperties}>
      <h3 id={headingId} className="stats-subhead">
        {t(`layers.${spec.id}`)}
      </h3>
      {total !== undefined && (
        <p className="stats-total" data-testid={`stats-total-${spec.id}`} data-count={total}>
          {t('stats.total', { count: total, formatted: formatInteger(total, language) })}
        </p>
      )}
      {notes.map((note) => (
        <p key={note} className="stats-coverage" data-testid="stats-coverage-note">
          {note}
        </p>
      ))}
      {charts === null ? <p className="legend-note">{t('stats.loading')}</p> : charts.map(renderChart)}
    </section>
  );
}
