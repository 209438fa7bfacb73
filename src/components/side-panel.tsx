import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlasStore } from '../state/store.ts';

/** Collapsible panel for filters and the legend: a column on wide screens, a sheet on phones. */
export function SidePanel({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const panelOpen = useAtlasStore((s) => s.panelOpen);
  return (
    <aside id="side-panel" className="side-panel" aria-label={t('panel.label')} hidden={!panelOpen}>
      {children}
    </aside>
  );
}
