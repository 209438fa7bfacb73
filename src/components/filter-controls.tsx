import { lazy, memo, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../data/atlas-format.ts';
import { useAtlasStore } from '../state/store.ts';
import { useStateNames } from '../search/basemap-names.ts';
import { presetStateView, shownPreset, THEME_IDS, THEME_PRESETS, type ThemeId } from './theme-presets.ts';
import '../styles/governance.css';

/** The reported-jobs legend loads with the first human-capital view (issue 13). */
const JobsLegend = lazy(() => import('./jobs-views.tsx').then((module) => ({ default: module.JobsLegend })));

// The panel controls are memoised: they follow the store through their own hooks, not every re-render of the panel.
export const CountryFilter = memo(function CountryFilter() {
  const { t } = useTranslation();
  const countries = useAtlasStore((s) => s.countries);
  const setCountries = useAtlasStore((s) => s.setCountries);
  const idPrefix = useId();
  const toggle = (country: Country, checked: boolean) => {
    const next = COUNTRIES.filter((c) => (c === country ? checked : countries.includes(c)));
    setCountries(next);
  };
  return (
    <fieldset className="filter-group">
      <legend>{t('filters.country')}</legend>
      <ul className="checkbox-list inline">
        {COUNTRIES.map((country) => (
          <li key={country}>
            <input
              type="checkbox"
              id={`${idPrefix}-${country}`}
              checked={countries.includes(country)}
              onChange={(event) => toggle(country, event.currentTarget.checked)}
            />
            <label htmlFor={`${idPrefix}-${country}`}>{t(`countries.${country}`)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
});

/** Theme presets (issue 15: the task force's five areas). The checked preset is the stored theme, or for old links the one derived from the visible layers. */
export const ThemePresets = memo(function ThemePresets() {
  const { t } = useTranslation();
  const layers = useAtlasStore((s) => s.layers);
  const theme = useAtlasStore((s) => s.theme);
  const policy = useAtlasStore((s) => s.policy);
  const coverage = useAtlasStore((s) => s.coverage);
  const preset = shownPreset(theme, layers, { policy, coverage });
  const name = useId();
  const apply = (id: ThemeId) => {
    const store = useAtlasStore.getState();
    store.setVisibleLayers(THEME_PRESETS[id].layers);
    store.setStateView(presetStateView(id, store.policy));
  };
  return (
    <fieldset className="filter-group theme-presets" data-testid="theme-presets" data-theme={preset}>
      <legend>{t('filters.theme')}</legend>
      <ul className="radio-list">
        {THEME_IDS.map((id) => (
          <li key={id}>
            <input
              type="radio"
              id={`${name}-${id}`}
              name={name}
              value={id}
              data-testid={`theme-${id}`}
              checked={preset === id}
              onChange={() => apply(id)}
              aria-describedby={`${name}-${id}-hint`}
            />
            <label htmlFor={`${name}-${id}`}>{t(`themes.${id}.name`)}</label>
            <span id={`${name}-${id}-hint`} className="theme-hint">
              {t(`themes.${id}.hint`)}
            </span>
          </li>
        ))}
        <li>
          <input type="radio" id={`${name}-custom`} name={name} value="custom" checked={preset === 'custom'} disabled readOnly aria-describedby={`${name}-custom-hint`} />
          <label htmlFor={`${name}-custom`}>{t('filters.themeCustom')}</label>
          <span id={`${name}-custom-hint`} className="visually-hidden">
            {t('filters.themeCustomHint')}
          </span>
        </li>
      </ul>
      {preset === 'human' && (
        <Suspense fallback={null}>
          <JobsLegend />
        </Suspense>
      )}
    </fieldset>
  );
});

/** Optional state filter: no state checked = all states. */
export const StateFilter = memo(function StateFilter() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const selected = useAtlasStore((s) => s.filters.state ?? null);
  const setFilter = useAtlasStore((s) => s.setFilter);
  const [open, setOpen] = useState(false);
  const states = useStateNames(open || selected !== null).data;
  const idPrefix = useId();
  const grouped = useMemo(() => {
    const byCountry: Record<Country, { code: string; label: string }[]> = { US: [], MX: [] };
    for (const s of states ?? []) byCountry[s.country].push({ code: s.code, label: s[language] });
    for (const list of Object.values(byCountry)) list.sort((a, b) => a.label.localeCompare(b.label, language));
    return byCountry;
  }, [states, language]);
  const toggle = (code: string, checked: boolean) => {
    const next = new Set(selected ?? []);
    if (checked) next.add(code);
    else next.delete(code);
    setFilter('state', next.size === 0 ? null : [...next].sort());
  };
  const summary = selected === null ? t('filters.stateAll') : t('filters.stateSelected', { count: selected.length });
  return (
    <div className="filter-group state-filter">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${idPrefix}-states`} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="disclosure-icon">
          {open ? '▾' : '▸'}
        </span>{' '}
        {t('filters.state')}: {summary}
      </button>
      <div id={`${idPrefix}-states`} hidden={!open}>
        <p className="legend-note">{t('filters.stateHint')}</p>
        {selected !== null && (
          <button type="button" className="link-button" onClick={() => setFilter('state', null)}>
            {t('filters.stateClear')}
          </button>
        )}
        {COUNTRIES.map((country) => (
          <fieldset key={country} className="attribute-filter">
            <legend>{t(`countries.${country}`)}</legend>
            <ul className="checkbox-list scroll">
              {grouped[country].map(({ code, label }) => (
                <li key={code}>
                  <input type="checkbox" id={`${idPrefix}-${code}`} checked={selected?.includes(code) ?? false} onChange={(e) => toggle(code, e.currentTarget.checked)} />
                  <label htmlFor={`${idPrefix}-${code}`}>{label}</label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </div>
  );
});
