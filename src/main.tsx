import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { createI18n, isLanguageLoaded, loadLanguage } from './i18n/i18n.ts';
import { useAtlasStore } from './state/store.ts';
import { syncStoreWithUrl } from './state/url-sync.ts';
import { registerOfflineSupport } from './offline/register.ts';
import { languageUnavailable } from './offline/offline-store.ts';
import { linkWebAppManifestInProduction } from './offline/web-app-manifest.ts';
import './styles/fonts.css';
import './styles/app.css';

syncStoreWithUrl(useAtlasStore);
// issue 12: the service worker, registered from the bundle (production builds only)
void registerOfflineSupport();
// issue 13: the browser's install check, which the manifest's link starts, waits for the first view and a still map
void linkWebAppManifestInProduction();
function renderApp(): void {
  const i18n = createI18n(useAtlasStore.getState().language);
  const queryClient = new QueryClient();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

// a link in Spanish: its strings (a chunk of their own) load before the first render, so no English shows first;
// if they cannot load (offline before the service worker has cached them), the atlas opens in English
const initialLanguage = useAtlasStore.getState().language;
if (isLanguageLoaded(initialLanguage)) renderApp();
else
  void loadLanguage(initialLanguage)
    .catch(() => languageUnavailable('en'))
    .finally(renderApp);
