import { useTranslation } from 'react-i18next';

/** The statistics panel: charts and the state table of what passes the filters. */
export function StatsPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel-section" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('stats.heading')}</h2>
    </section>
  );
}
