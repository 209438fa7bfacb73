import { useTranslation } from 'react-i18next';
import { useAtlasStore } from '../state/store.ts';
import { LanguageSwitch } from './language-switch.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const panelOpen = useAtlasStore((s) => s.panelOpen);
  const setPanelOpen = useAtlasStore((s) => s.setPanelOpen);
  return (
    <header className="app-header">
      <button
        type="button"
        className="panel-toggle"
        aria-expanded={panelOpen}
        aria-controls="side-panel"
        onClick={() => setPanelOpen(!panelOpen)}
        title={panelOpen ? t('panel.close') : t('panel.open')}
      >
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">{panelOpen ? t('panel.close') : t('panel.open')}</span>
      </button>
      <div className="app-title">
        <h1>
          <span className="title-long">{t('app.title')}</span>
          <span className="title-short">{t('app.shortTitle')}</span>
        </h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <LanguageSwitch />
    </header>
  );
}
