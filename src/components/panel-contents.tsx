import { useTranslation } from 'react-i18next';
import { LAYER_SPECS } from '../map/layers/index.ts';
import { useVisibleCounts } from '../filters/use-layer-masks.ts';
import { useAtlasStore } from '../state/store.ts';
import { DataStatus } from './data-status.tsx';
import { CountryFilter, StateFilter, ThemePresets } from './filter-controls.tsx';
import { LayerSection } from './layer-section.tsx';
import '../styles/panels.css';

/** Everything inside the side panel: data status, filters and the legend. */
export function PanelContents() {
  const { t } = useTranslation();
  const counts = useVisibleCounts();
  const resetFilters = useAtlasStore((s) => s.resetFilters);
  const setCountries = useAtlasStore((s) => s.setCountries);
  return (
    <div className="panel-contents">
      <DataStatus />
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
      <section className="panel-section" aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t('legend.heading')}</h2>
        {LAYER_SPECS.map((spec) => (
          <LayerSection key={spec.id} spec={spec} count={counts[spec.id]} />
        ))}
      </section>
    </div>
  );
}
