import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';
import { DataUnavailableError } from '../data/integrity.ts';
import { sourceTitle } from './source-text.ts';
import { useAtlasStore } from '../state/store.ts';

/** Says when data is loading, failed, or was built without some sources. */
export function DataStatus() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const manifest = useManifest();
  if (manifest.isPending) return <p className="data-status">{t('data.loading')}</p>;
  if (manifest.isError) {
    const problem = manifest.error instanceof DataUnavailableError ? manifest.error.problem : 'damaged';
    return (
      <div className="data-status warning" role="alert" data-testid="data-error" data-problem={problem}>
        <p>
          {problem === 'version'
            ? t('dataFile.manifestVersion')
            : t(`dataFile.problem.${problem}`, { file: 'manifest.json', status: (manifest.error as DataUnavailableError).status ?? '', seconds: 30 })}
        </p>
        <p className="legend-note">{t('data.failed', { message: manifest.error.message })}</p>
        <button type="button" className="button secondary" disabled={manifest.isFetching} onClick={() => void manifest.refetch()}>
          {manifest.isFetching ? t('dataFile.retrying') : t('dataFile.retry')}
        </button>
      </div>
    );
  }
  const missing = Object.values(manifest.data.sources).filter((source) => source.missing);
  if (manifest.data.mode !== 'curated-only' && missing.length === 0) return null;
  return (
    <div className="data-status warning" role="status" data-testid="data-warnings">
      {manifest.data.mode === 'curated-only' && <p>{t('data.curatedOnly')}</p>}
      <ul>
        {missing.map((source) => (
          <li key={source.id}>{t('data.sourceMissing', { source: sourceTitle(source, language) })}</li>
        ))}
      </ul>
    </div>
  );
}
