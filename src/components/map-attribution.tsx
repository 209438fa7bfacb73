import { useTranslation } from 'react-i18next';

export function MapAttribution() {
  const { t } = useTranslation();
  return (
    <footer className="map-attribution" aria-label={t('map.attributionLabel')}>
      {t('map.attribution')}
    </footer>
  );
}
