/** The export panel's contents (issue 13: loaded when the panel is first opened, src/components/export-panel.tsx). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { FLOW_LAYER_SPECS, LAYER_IDS, LAYER_SPECS, POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { useManifest } from '../data/queries.ts';
import { useFlowMask, useLayerMasks, visibleCount } from '../filters/use-layer-masks.ts';
import { ATTRIBUTE_FILTER_KEYS } from '../state/atlas-state.ts';
import { useAtlasStore } from '../state/store.ts';
import type { ExportRow } from '../export/export-data.ts';
import { formatInteger } from './format.ts';
import { EmbedCodeButton, ImageExportControls } from '../present/image-export-controls.tsx';

type Format = 'csv' | 'geojson' | 'citations';

/** `id`: the panel's id prefix (its heading is `${id}-heading`, which the panel is labelled by). */
export function ExportDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manifest = useManifest().data;
  const language = useAtlasStore((s) => s.language);
  const layers = useAtlasStore((s) => s.layers);
  const { masks } = useLayerMasks();
  const { flows, mask: flowMask } = useFlowMask();
  const [limitToView, setLimitToView] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const visibleLayers = LAYER_IDS.filter((layer) => layers[layer]);
  let total = 0;
  for (const spec of LAYER_SPECS) {
    if (!layers[spec.id]) continue;
    const mask = spec.kind === 'flows' ? flowMask : masks[spec.id];
    total += mask ? visibleCount(mask) : 0;
  }

  const run = async (format: Format) => {
    if (!manifest) return;
    setBusy(true);
    setMessage('');
    try {
      // the export code is not part of the first view: it loads with the first export
      const [{ downloadText }, { citationsText, exportFileName, flowRows, pointRows, toCsv, toGeoJson }, { loadLayerDetails }, { mapElementSize, viewBounds }] =
        await Promise.all([
          import('../export/download.ts'),
          import('../export/export-data.ts'),
          import('../export/fetch-details.ts'),
          import('../export/view-bounds.ts'),
        ]);
      const state = useAtlasStore.getState();
      const size = limitToView ? mapElementSize() : null;
      const bounds = size ? viewBounds(state.view, size.width, size.height) : null;
      const rows: ExportRow[] = [];
      for (const spec of POINT_LAYER_SPECS) {
        const layer = spec.dataset;
        const mask = masks[spec.id];
        if (!state.layers[spec.id] || !mask || visibleCount(mask) === 0) continue;
        const layerName = t(`layers.${spec.id}`);
        setMessage(t('export.loadingDetailsUnknown', { layer: layerName }));
        const details = await loadLayerDetails(queryClient, manifest, layer, (fraction) =>
          setMessage(
            fraction === null
              ? t('export.loadingDetailsUnknown', { layer: layerName })
              : t('export.loadingDetails', { layer: layerName, percent: Math.round(fraction * 100) }),
          ),
        );
        rows.push(...pointRows(layer, details, mask, bounds));
      }
      if (FLOW_LAYER_SPECS.some((spec) => state.layers[spec.id]) && flows && flowMask) rows.push(...flowRows(flows, flowMask, bounds));
      const scope = [
        `countries: ${state.countries.join(', ') || '(none)'}`,
        `layers: ${LAYER_IDS.filter((l) => state.layers[l]).join(', ') || '(none)'}`,
        ...ATTRIBUTE_FILTER_KEYS.filter((key) => state.filters[key] != null).map((key) => `filter ${key}: ${state.filters[key]!.join(', ') || '(nothing allowed)'}`),
        bounds
          ? `map view: west ${bounds.west.toFixed(4)}, south ${bounds.south.toFixed(4)}, east ${bounds.east.toFixed(4)}, north ${bounds.north.toFixed(4)}`
          : 'all features passing the filters (not limited to the map view)',
      ];
      const context = { manifest, atlasUrl: window.location.href, exportedAt: new Date().toISOString(), scope };
      if (format === 'csv') downloadText(exportFileName('csv'), toCsv(rows, manifest), 'text/csv;charset=utf-8');
      else if (format === 'geojson') downloadText(exportFileName('geojson'), toGeoJson(rows, context), 'application/geo+json');
      else downloadText(exportFileName('citations.txt'), citationsText(rows, context), 'text/plain;charset=utf-8');
      setMessage(t('export.done', { count: rows.length, n: formatInteger(rows.length, language) }));
    } catch (error) {
      setMessage(t('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 id={`${id}-heading`} className="export-heading">
        {t('export.heading')}
      </h2>
      <p>
        {visibleLayers.length === 0
          ? t('export.scopeNone')
          : t('export.scope', { n: formatInteger(total, language), layers: visibleLayers.map((l) => t(`layers.${l}`)).join(', ') })}
      </p>
      <p className="checkbox-row">
        <input type="checkbox" id={`${id}-bounds`} checked={limitToView} onChange={(e) => setLimitToView(e.currentTarget.checked)} />
        <label htmlFor={`${id}-bounds`}>{t('export.boundsOption')}</label>
      </p>
      {!limitToView && <p className="legend-note">{t('export.boundsNote')}</p>}
      <div className="export-buttons">
        <button type="button" className="button" disabled={busy || !manifest} onClick={() => void run('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" className="button" disabled={busy || !manifest} onClick={() => void run('geojson')}>
          {t('export.geojson')}
        </button>
        <button type="button" className="button secondary" disabled={busy || !manifest} onClick={() => void run('citations')}>
          {t('export.citations')}
        </button>
      </div>
      <p className="legend-note">{t('export.note')}</p>
      <ImageExportControls />
      <EmbedCodeButton />
      <p className="toolbar-status" role="status" aria-live="polite" data-testid="export-status">
        {message}
      </p>
      <button type="button" className="link-button" onClick={onClose}>
        {t('export.close')}
      </button>
    </>
  );
}
