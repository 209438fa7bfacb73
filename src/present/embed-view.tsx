/** Issue 11: read-only embed mode (`embed=1`): the map, a compact legend, the attribution and a link to the full atlas. */
import { useTranslation } from 'react-i18next';
import { encodeAtlasState } from '../state/url-codec.ts';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';
import { fullAtlasHref } from './embed-links.ts';
import { CompactLegend } from './compact-legend.tsx';
import { registerCatalog } from '../i18n/i18n.ts';
import { imageExportCatalog } from '../i18n/catalog-image-export.ts';

registerCatalog(imageExportCatalog);

export function EmbedView() {
  const { t } = useTranslation();
  // re-render with the state so that the link follows pans and filters
  useAtlasStore((s) => encodeAtlasState(pickAtlasState(s)));
  return (
    <div className="embed-overlay">
      <CompactLegend />
      <a className="embed-open button" href={fullAtlasHref()} target="_blank" rel="noopener" data-testid="embed-open-full">
        {t('embed.openFull')}
      </a>
    </div>
  );
}
