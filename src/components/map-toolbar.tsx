import { useTranslation } from 'react-i18next';
import { CopyLinkButton } from './copy-link-button.tsx';
import { ExportPanel } from './export-panel.tsx';
import { SearchBox } from './search-box.tsx';
import { PresentButton } from '../present/present-button.tsx';
import { StoryTools } from '../present/story-tools.tsx';
import '../styles/panels.css';

/** Search, copy link, export, presentation and the user's own story, over the map. */
export function MapToolbar() {
  const { t } = useTranslation();
  return (
    <div className="map-toolbar" role="group" aria-label={t('toolbar.label')}>
      <SearchBox />
      <div className="toolbar-actions">
        <CopyLinkButton />
        <ExportPanel />
        <PresentButton />
        <StoryTools />
      </div>
    </div>
  );
}
