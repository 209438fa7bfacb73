/** Issue 11: the image export (PNG) and the embed code, in the export panel. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';
import { useFlowMask, useLayerMasks, visibleCountsOf } from '../filters/use-layer-masks.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';
import { cssColor } from '../map/layer-styles.ts';
import { useAtlasStore } from '../state/store.ts';
import { formatDate, formatInteger } from '../components/format.ts';
import type { ImageLegendLine, ImageSizeId } from '../export/image-export.ts';
import { resolveStory } from './scene-control.ts';
import { embedSnippet } from './embed-links.ts';
import { publisherName, sourceDate } from '../components/source-text.ts';
import { registerCatalog } from '../i18n/i18n.ts';
import { imageExportCatalog } from '../i18n/catalog-image-export.ts';

registerCatalog(imageExportCatalog);

export function ImageExportControls() {
  const { t } = useTranslation();
  const id = useId();
  const manifest = useManifest().data;
  // counted when an image is made, not at every filter change
  const { masks } = useLayerMasks();
  const { mask: flowMask } = useFlowMask();
  const language = useAtlasStore((s) => s.language);
  const [size, setSize] = useState<ImageSizeId>('slide');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setMessage(t('imageExport.working'));
    try {
      const [{ composeMapImage, canvasToPng, IMAGE_SIZES }, { downloadBlob }] = await Promise.all([import('../export/image-export.ts'), import('../export/download.ts')]);
      const state = useAtlasStore.getState();
      const mapElement = document.querySelector<HTMLElement>('[data-testid="map"]');
      if (!mapElement) throw new Error('no map');
      const shown = LAYER_SPECS.filter((spec) => state.layers[spec.id] || state.choropleth === spec.id);
      const counts = visibleCountsOf(masks, flowMask);
      const legend: ImageLegendLine[] = shown.map((spec) => ({
        kind: 'layer',
        color: cssColor(spec.color),
        label: t(`layers.${spec.id}`),
        value: counts[spec.id] === undefined ? '…' : formatInteger(counts[spec.id]!, language),
      }));
      // the state choropleth's classes, as its legend shows them
      const choropleth = document.querySelector('[data-testid="choropleth-legend"]');
      if (choropleth) {
        const title = choropleth.querySelector('.legend-key-title')?.textContent ?? '';
        legend.push({ kind: 'title', color: '', label: title, value: '' });
        for (const item of choropleth.querySelectorAll('li')) {
          const swatch = item.querySelector<HTMLElement>('.swatch');
          legend.push({ kind: 'class', color: swatch ? getComputedStyle(swatch).backgroundColor : '#fff', label: item.textContent ?? '', value: '' });
        }
      }
      const sourceIds = [...new Set(shown.flatMap((spec) => manifest?.layers[spec.dataset]?.sourceIds ?? []))];
      const asOf = sourceIds
        .map((sourceId) => manifest?.sources[sourceId])
        .filter((source) => source !== undefined)
        .map((source) => [publisherName(source.publisher, t), sourceDate(source.asOf, language)].filter(Boolean).join(' '));
      const story = resolveStory(state.story);
      const scene = story?.scenes[state.scene - 1];
      const canvas = await composeMapImage(
        size,
        {
          title: scene ? scene.title[language] : t('app.title'),
          subtitle: scene ? scene.caption[language] : shown.map((spec) => t(`layers.${spec.id}`)).join(' · '),
          legendTitle: t('imageExport.legend'),
          legend,
          attribution: t('map.attribution'),
          asOf: t('imageExport.asOf', { dates: [...new Set(asOf)].join('; ') }),
          exportedOn: t('imageExport.exportedOn', { date: formatDate(new Date().toISOString().slice(0, 10), language) }),
          link: t('imageExport.link', { url: window.location.href }),
          zoom: state.view.zoom,
          latitude: state.view.center[1],
        },
        mapElement,
      );
      const blob = await canvasToPng(canvas);
      downloadBlob(`atlas-${new Date().toISOString().slice(0, 10)}-${IMAGE_SIZES[size].width}x${IMAGE_SIZES[size].height}.png`, blob);
      setMessage(t('imageExport.done'));
    } catch (error) {
      setMessage(t('imageExport.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="image-export">
      <label htmlFor={`${id}-size`} className="control-label">
        {t('imageExport.size')}
      </label>
      <select id={`${id}-size`} value={size} onChange={(event) => setSize(event.currentTarget.value as ImageSizeId)}>
        <option value="slide">{t('imageExport.slide')}</option>
        <option value="a4">{t('imageExport.a4')}</option>
      </select>
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {t('imageExport.button')}
      </button>
      <p className="toolbar-status" role="status" aria-live="polite" data-testid="image-export-status">
        {message}
      </p>
    </div>
  );
}

export function EmbedCodeButton() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const copy = async () => {
    const snippet = embedSnippet(t('embed.frameTitle'));
    setCode(snippet);
    try {
      await navigator.clipboard.writeText(snippet);
      setMessage(t('embed.codeCopied'));
    } catch {
      setMessage('');
    }
  };
  return (
    <div className="embed-code">
      <button type="button" className="button secondary" onClick={() => void copy()}>
        {t('embed.copyCode')}
      </button>
      <span className="toolbar-status" role="status" aria-live="polite">
        {message}
      </span>
      {code !== null && (
        <>
          <label htmlFor={`${id}-code`} className="control-label">
            {t('embed.codeLabel')}
          </label>
          <textarea id={`${id}-code`} data-testid="embed-code" readOnly rows={4} value={code} onFocus={(event) => event.currentTarget.select()} />
        </>
      )}
    </div>
  );
}
