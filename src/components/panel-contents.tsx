import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANEL_TABS } from '../state/atlas-state.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';
import { useDeferredVisibleCounts } from '../filters/use-layer-masks.ts';
import { useAtlasStore } from '../state/store.ts';
import { DataStatus } from './data-status.tsx';
import { CountryFilter, StateFilter, ThemePresets } from './filter-controls.tsx';
import { LayerSection } from './layer-section.tsx';
import { ChoroplethControls } from './choropleth-controls.tsx';
import { OfflineSection } from '../offline/offline-controls.tsx';
import '../styles/panels.css';

/** Loaded with their tab. */
const StatsPanel = lazy(() => import('./stats-panel.tsx').then((module) => ({ default: module.StatsPanel })));
const TableView = lazy(() => import('./table-view.tsx').then((module) => ({ default: module.TableView })));
const GapPanel = lazy(() => import('./gap-panel.tsx').then((module) => ({ default: module.GapPanel })));

/** The side panel: tabs for the layers (filters and legend), the statistics and the table view. */
export function PanelContents() {
  const { t } = useTranslation();
  const tab = useAtlasStore((s) => s.panelTab);
  const setPanelTab = useAtlasStore((s) => s.setPanelTab);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = PANEL_TABS.indexOf(tab);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = PANEL_TABS[(next + PANEL_TABS.length) % PANEL_TABS.length]!;
    setPanelTab(target);
    document.getElementById(`panel-tab-${target}`)?.focus();
  };
  return (
    <div className="panel-contents">
      <DataStatus />
      <div className="panel-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {PANEL_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`panel-tab-${id}`}
            data-testid={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-view-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setPanelTab(id)}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-view-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
        {tab === 'layers' && <LayersView />}
        {tab !== 'layers' && (
          <Suspense fallback={<p className="legend-note">{t('legend.countLoading')}</p>}>
            {tab === 'stats' ? <StatsPanel /> : tab === 'gap' ? <GapPanel /> : <TableView />}
          </Suspense>
        )}
      </div>
    </div>
  );
}

/** Filters, the state choropleth and the legend. */
function LayersView() {
  const { t } = useTranslation();
  const resetFilters = useAtlasStore((s) => s.resetFilters);
  const setCountries = useAtlasStore((s) => s.setCountries);
  return (
    <>
      <section className="panel-section" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('filters.heading')}</h2>
        <CountryFilter />
        <ThemePresets />
        <StateFilter />
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            resetFilters();
            setCountries(['US', 'MX']);
          }}
        >
          {t('filters.reset')}
        </button>
      </section>
      <ChoroplethControls />
      <Legend />
      <OfflineSection />
    </>
  );
}

/**
 * The legend: one section per layer with the count of features passing the filters. The counts are deferred (the
 * map's render goes first after a filter change) and only the sections whose count changed render again.
 */
function Legend() {
  const { t } = useTranslation();
  const counts = useDeferredVisibleCounts();
  return (
    <section className="panel-section" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legend.heading')}</h2>
      {LAYER_SPECS.map((spec) => (
        <LayerSection key={spec.id} spec={spec} count={counts[spec.id]} />
      ))}
    </section>
  );
}
