/**
 * Offline use in the interface (issue 12): the legend's "Offline use" section ("make available offline"
 * with progress in bytes and persistent storage), the update prompt (never during a presentation) and
 * the notice for a link made on another data build.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';
import { dataBuildId, dateOfBuildId } from '../data/data-version.ts';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';
import { localeOf } from '../i18n/i18n.ts';
import { formatBytes } from '../components/layer-data-status.tsx';
import { useOfflineStore, useUpdatesDeferred } from './offline-store.ts';
import { filesToStore, makeAvailableOffline } from './make-offline.ts';
import '../styles/offline.css';

export function OfflineSection() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const manifest = useManifest().data;
  const worker = useOfflineStore((s) => s.worker);
  const download = useOfflineStore((s) => s.download);
  const persisted = useOfflineStore((s) => s.persisted);
  if (!manifest) return null;
  const total = filesToStore(manifest).reduce((sum, f) => sum + f.bytes, 0);
  const bytes = (n: number) => formatBytes(n, language);
  const canStore = typeof caches !== 'undefined';
  return (
    <section className="panel-section offline-section" aria-labelledby="offline-heading" data-testid="offline-section" data-worker={worker}>
      <h2 id="offline-heading">{t('offline.heading')}</h2>
      {worker === 'unsupported' || worker === 'failed' ? <p className="legend-note">{t('offline.unsupported')}</p> : <p className="legend-note">{t('offline.intro')}</p>}
      {worker === 'ready' && <p data-testid="offline-ready">{t('offline.ready')}</p>}
      {canStore && (
        <>
          <button
            type="button"
            className="button secondary"
            disabled={download.state === 'running'}
            onClick={() => void makeAvailableOffline(manifest)}
            data-testid="make-offline"
          >
            {t('offline.download')}
          </button>
          <p className="legend-note">{t('offline.downloadHint', { total: bytes(total) })}</p>
        </>
      )}
      {download.state !== 'idle' && (
        <div role="status" aria-live="polite" data-testid="offline-progress" data-state={download.state} data-loaded={download.loaded} data-total={download.total}>
          {download.state === 'running' && (
            <>
              <progress className="offline-progress" max={download.total || 1} value={download.loaded} />
              <p>{t('offline.progress', { loaded: bytes(download.loaded), total: bytes(download.total) })}</p>
            </>
          )}
          {download.state === 'done' && <p>{t('offline.done', { total: bytes(download.total) })}</p>}
          {download.state === 'partial' && <p className="gap">{t('offline.partial', { count: download.failed })}</p>}
        </div>
      )}
      {persisted !== null && <p className="legend-note">{persisted ? t('offline.persisted') : t('offline.notPersisted')}</p>}
    </section>
  );
}

function formatBuild(id: string, language: Language): string {
  const date = dateOfBuildId(id);
  if (!date) return id;
  return `${new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/** Keeps the link's `data=` on the loaded data build, and notes when the opened link was made on another. */
function useDataVersionSync() {
  const manifest = useManifest().data;
  const linked = useAtlasStore((s) => s.dataVersion);
  useEffect(() => {
    if (!manifest) return;
    const current = dataBuildId(manifest.generatedAt);
    if (!current || linked === current) return;
    if (linked) useOfflineStore.setState({ dataVersionNotice: { linked, current } });
    useAtlasStore.setState({ dataVersion: current });
  }, [manifest, linked]);
}

/** The update prompt and the data-version notice, over the map. */
export function OfflineNotices() {
  const { t } = useTranslation();
  useDataVersionSync();
  const language = useAtlasStore((s) => s.language);
  const updateWaiting = useOfflineStore((s) => s.updateWaiting);
  const updateDismissed = useOfflineStore((s) => s.updateDismissed);
  const applyUpdate = useOfflineStore((s) => s.applyUpdate);
  const notice = useOfflineStore((s) => s.dataVersionNotice);
  const languageUnavailable = useOfflineStore((s) => s.languageUnavailable);
  const deferred = useUpdatesDeferred();
  const showUpdate = updateWaiting && !updateDismissed && !deferred && applyUpdate !== null;
  if (!showUpdate && !notice && !languageUnavailable) return null;
  return (
    <div className="offline-notices">
      {languageUnavailable && (
        <div className="notice" role="status" data-testid="language-unavailable">
          <span>{t('offline.languageUnavailable')}</span>
          <button type="button" onClick={() => useOfflineStore.setState({ languageUnavailable: false })}>
            {t('dataVersion.dismiss')}
          </button>
        </div>
      )}
      {notice && (
        <div className="notice data-version-notice" role="status" data-testid="data-version-notice">
          <span>{t('dataVersion.differs', { linked: formatBuild(notice.linked, language), current: formatBuild(notice.current, language) })}</span>
          <button type="button" onClick={() => useOfflineStore.setState({ dataVersionNotice: null })}>
            {t('dataVersion.dismiss')}
          </button>
        </div>
      )}
      {showUpdate && (
        <div className="notice update-prompt" role="alertdialog" aria-labelledby="update-prompt-text" data-testid="update-prompt">
          <span id="update-prompt-text">{t('offline.updateAvailable')}</span>
          <button type="button" onClick={() => void applyUpdate()}>
            {t('offline.updateNow')}
          </button>
          <button type="button" onClick={() => useOfflineStore.setState({ updateDismissed: true })}>
            {t('offline.updateLater')}
          </button>
        </div>
      )}
    </div>
  );
}
