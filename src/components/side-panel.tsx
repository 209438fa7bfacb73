import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlasStore } from '../state/store.ts';
import { afterPageFirstView, isPageFirstViewDrawn } from '../map/first-view.ts';

/**
 * Collapsible panel for filters and the legend: a column on wide screens, a sheet on phones.
 * It scrolls once the map has drawn its first view (`is-before-first-view`): a scrolling panel is a layer of its
 * own whose whole content is rasterised, and in software GL that held the first view back by about 1 s (issue 13).
 */
export function SidePanel({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const panelOpen = useAtlasStore((s) => s.panelOpen);
  const [firstViewDrawn, setFirstViewDrawn] = useState(isPageFirstViewDrawn);
  useEffect(() => {
    let mounted = true;
    void afterPageFirstView().then(() => mounted && setFirstViewDrawn(true));
    return () => {
      mounted = false;
    };
  }, []);
  return (
    <aside id="side-panel" className={firstViewDrawn ? 'side-panel' : 'side-panel is-before-first-view'} aria-label={t('panel.label')} hidden={!panelOpen}>
      {children}
    </aside>
  );
}
