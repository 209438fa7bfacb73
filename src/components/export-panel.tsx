/** "Export what I see": CSV, GeoJSON and citations of the features passing the filters in the visible layers. */
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The panel's contents load when it is first opened (issue 13: not part of the first view). */
const ExportDialog = lazy(() => import('./export-dialog.tsx').then((module) => ({ default: module.ExportDialog })));

/** The export button; its panel, which follows the filters, exists only while open. */
export function ExportPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="export" onKeyDown={(event) => event.key === 'Escape' && open && (event.stopPropagation(), setOpen(false))}>
      <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⤓ </span>
        {t('export.open')}
      </button>
      <div id={`${id}-panel`} className="export-panel" hidden={!open} role="group" aria-labelledby={`${id}-heading`}>
        {open && (
          <Suspense fallback={<p aria-busy="true">{t('export.loading')}</p>}>
            <ExportDialog id={id} onClose={() => setOpen(false)} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
