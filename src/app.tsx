import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/app-header.tsx';
import { SidePanel } from './components/side-panel.tsx';
import { UrlProblemsNotice } from './components/url-problems-notice.tsx';
import { ChainFilterBanner } from './components/chain-filter-banner.tsx';
import { OfflineNotices } from './offline/offline-controls.tsx';
import { MapAttribution } from './components/map-attribution.tsx';
import { PanelContents } from './components/panel-contents.tsx';
import { MapToolbar } from './components/map-toolbar.tsx';
import { MapView } from './map/map-view.tsx';
import { useDeckLayers } from './map/use-deck-layers.ts';
import { useChoroplethBinding } from './analysis/use-choropleth.ts';
import { useAtlasStore } from './state/store.ts';
import { loadLanguage } from './i18n/i18n.ts';
import { languageUnavailable } from './offline/offline-store.ts';
import type { Language } from './state/atlas-state.ts';
import { useCustomStoryLink, useSceneSync } from './present/scene-control.ts';
import { StoryProblemsNotice } from './present/story-tools.tsx';
import './styles/present.css';

/** Not needed for the first view: loaded with the first selection. */
const DetailsPanel = lazy(() => import('./components/details-panel.tsx').then((module) => ({ default: module.DetailsPanel })));
/** Issue 11: presentation and embed modes, loaded when used. */
const PresentationView = lazy(() => import('./present/presentation-view.tsx').then((module) => ({ default: module.PresentationView })));
const EmbedView = lazy(() => import('./present/embed-view.tsx').then((module) => ({ default: module.EmbedView })));

/** Keeps i18next and <html lang> in step with the store's language. */
function useLanguageSync() {
  const { i18n } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  useEffect(() => {
    const showLanguage = () => {
      document.documentElement.lang = language;
      document.title = i18n.t('app.title');
    };
    if (i18n.language === language) return showLanguage();
    let current = true;
    // a language's strings load once (src/i18n/i18n.ts); if they cannot, the interface stays in the language it has
    // and says so
    loadLanguage(language).then(
      () => {
        if (!current) return;
        void i18n.changeLanguage(language);
        showLanguage();
      },
      () => {
        if (current) languageUnavailable(i18n.language as Language);
      },
    );
    return () => {
      current = false;
    };
  }, [i18n, language]);
}

/**
 * The map with its deck.gl layers and choropleth: a filter change re-renders this component, not the whole app
 * (the header, panel and toolbar subscribe to what they show).
 */
function AtlasMap() {
  const deck = useDeckLayers();
  const choropleth = useChoroplethBinding();
  return <MapView {...deck} choropleth={choropleth} />;
}

export function App() {
  useLanguageSync();
  const hasSelection = useAtlasStore((s) => s.selection !== null);
  useSceneSync();
  useCustomStoryLink();
  const present = useAtlasStore((s) => s.present);
  const embed = useAtlasStore((s) => s.embed);
  const highContrast = useAtlasStore((s) => s.highContrast);
  // issue 11: presentation and embed show the map without the header, the side panel and the toolbar
  const full = !present && !embed;
  return (
    <div className={`app${present ? ' is-presenting' : ''}${embed && !present ? ' is-embed' : ''}${highContrast ? ' theme-hc' : ''}`}>
      {full && <AppHeader />}
      <main className="app-main">
        {full && (
          <SidePanel>
            <PanelContents />
          </SidePanel>
        )}
        <div className="map-area">
          <AtlasMap />
          {full && <MapToolbar />}
          {hasSelection && full && (
            <Suspense fallback={null}>
              <DetailsPanel />
            </Suspense>
          )}
          <UrlProblemsNotice />
          {full && <ChainFilterBanner />}
          <StoryProblemsNotice />
          <OfflineNotices />
          {!full && <Suspense fallback={null}>{present ? <PresentationView /> : <EmbedView />}</Suspense>}
          <MapAttribution />
        </div>
      </main>
    </div>
  );
}
