import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';

/** Says when data is loading, failed, or was built without some sources. */
export function DataStatus() {
  const { t } = useTranslation();
  const manifest = useManifest();
  if (manifest.isPending) return <p className="data-status">{t('data.loading')}</p>;
  if (manifest.isError) {
    return (
      <p className="data-status warning" role="alert" data-testid="data-error">
        {t('data.failed', { message: manifest.error.message })}
      </p>
    );
  }
  const missing = Object.values(manifest.data.sources).filter((source) => source.missing);
  if (manifest.data.mode !== 'curated-only' && missing.length === 0) return null;
  return (
    <div className="data-status warning" role="status" data-testid="data-warnings">
      {manifest.data.mode === 'curated-only' && <p>{t('data.curatedOnly')}</p>}
      <ul>
        {missing.map((source) => (
          <li key={source.id}>{t('data.sourceMissing', { source: source.title })}</li>
        ))}
      </ul>
    </div>
  );
}
