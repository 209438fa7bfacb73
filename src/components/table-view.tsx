/**
 * The table view: the features of one visible layer that pass the filters, as a sortable, keyboard-
 * navigable, virtualised grid (the accessible alternative to the map canvas). Rows follow the layer's
 * mask live (no refetch); selecting a row selects the feature and flies the map to it.
 *
 * A point layer's names live in its details chunks (chargers: 27 chunks, about 14 MB), so they load
 * when the table is opened on that layer, with progress, through the app's shared details query.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { fetchLayerDetails } from '../data/atlas-data.ts';
import { detailsQuery, useManifest } from '../data/queries.ts';
import { countVisible } from '../filters/layer-mask.ts';
import { useFlowMask, useLayerMasks } from '../filters/use-layer-masks.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';
import type { FlowLayerSpec, PointLayerSpec } from '../map/layer-spec.ts';
import { stateNameMap, useStateNames } from '../search/basemap-names.ts';
import { useAtlasStore } from '../state/store.ts';
import { FeatureGrid, type SortState } from './table/feature-grid.tsx';
import { flowTableModel, pointTableModel, sortRows, visibleRows, type TableModel } from './table/table-model.ts';
import { formatInteger } from './format.ts';
import '../styles/table.css';
import { registerCatalog } from '../i18n/i18n.ts';
import { tableCatalog } from '../i18n/catalog-table.ts';

// issue 13: the table's strings load with the table, not with the first view
registerCatalog(tableCatalog);

/** Zoom the map flies to (at least) when a point feature is selected from the table. */
const SELECT_MIN_ZOOM = 7;

/**
 * Runs `task` when the page is idle; returns the cancel function. The first column's sort keys (names:
 * one Intl.Collator sort of ~53,000 distinct strings, about 0.1 s) are computed ahead of the first click.
 */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 300);
  return () => window.clearTimeout(handle);
}

export function TableView() {
  const { t } = useTranslation();
  const layers = useAtlasStore((s) => s.layers);
  const [picked, setPicked] = useState<string | null>(null);
  const pickerId = useId();
  const available = LAYER_SPECS.filter((spec) => layers[spec.id]);
  const spec = available.find((s) => s.id === picked) ?? available[0];

  return (
    <section className="panel-section table-view" aria-labelledby="table-heading">
      <h2 id="table-heading">{t('table.heading')}</h2>
      <p className="legend-note">{t('table.intro')}</p>
      {!spec ? (
        <p className="table-message" data-testid="table-no-layers">
          {t('table.noLayers')}
        </p>
      ) : (
        <>
          <p className="table-picker">
            <label htmlFor={pickerId}>{t('table.layer')}</label>
            <select id={pickerId} value={spec.id} onChange={(event) => setPicked(event.currentTarget.value)} data-testid="table-layer">
              {available.map((s) => (
                <option key={s.id} value={s.id}>
                  {t(`layers.${s.id}`)}
                </option>
              ))}
            </select>
          </p>
          {spec.kind === 'points' ? <PointLayerTable key={spec.id} spec={spec} /> : <FlowLayerTable key={spec.id} spec={spec} />}
        </>
      )}
    </section>
  );
}

function useStateLabels() {
  const states = useStateNames().data;
  return useMemo(() => stateNameMap(states), [states]);
}

function PointLayerTable({ spec }: { spec: PointLayerSpec }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const manifest = useManifest().data;
  const { columns, masks } = useLayerMasks();
  const stateNames = useStateLabels();
  const [progress, setProgress] = useState<number | null>(null);
  const details = useQuery({
    ...detailsQuery(manifest, spec.dataset),
    queryFn: () => fetchLayerDetails(manifest!, spec.dataset, setProgress),
  });
  const records = details.data;
  const model = useMemo(() => (records ? pointTableModel(spec.dataset, records, { t, language, stateNames }) : null), [records, spec.dataset, t, language, stateNames]);
  const layerName = t(`layers.${spec.id}`);
  const mask = masks[spec.id];
  const total = columns[spec.dataset]?.rowCount;

  let status: string;
  if (details.isError) status = t('table.loadFailed', { layer: layerName, message: details.error.message });
  else if (!records) {
    status =
      progress === null || total === undefined
        ? t('table.loadingDetailsUnknown', { layer: layerName })
        : t('table.loadingDetails', {
            layer: layerName,
            loaded: formatInteger(Math.min(total, progress * total), language),
            total: formatInteger(total, language),
            percent: Math.round(progress * 100),
          });
  } else status = t('table.loadedRows', { rows: formatInteger(records.length, language) });

  return <LayerTable layerName={layerName} model={model} mask={mask} total={total} status={status} focusZoom={SELECT_MIN_ZOOM} />;
}

function FlowLayerTable({ spec }: { spec: FlowLayerSpec }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const { flows, mask } = useFlowMask();
  const model = useMemo(() => (flows ? flowTableModel(flows, { t, language, stateNames: undefined }) : null), [flows, t, language]);
  const layerName = t(`layers.${spec.id}`);
  const status = flows ? t('table.loadedRows', { rows: formatInteger(flows.length, language) }) : t('table.loadingLayer', { layer: layerName });
  // a flow can span a continent: the map centres on it without zooming in
  return <LayerTable layerName={layerName} model={model} mask={mask} total={flows?.length} status={status} focusZoom={null} />;
}

interface LayerTableProps {
  layerName: string;
  /** null while the rows' text loads */
  model: TableModel | null;
  mask: Uint8Array | undefined;
  total: number | undefined;
  status: string;
  focusZoom: number | null;
}

/** The count, the loading status and, once the rows are known, the grid with its sort order. */
function LayerTable({ layerName, model, mask, total, status, focusZoom }: LayerTableProps) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const selection = useAtlasStore((s) => s.selection);
  const [sort, setSort] = useState<SortState | null>(null);
  const helpId = useId();

  const rows = useMemo(() => (model && mask ? visibleRows(mask, model.rowCount) : null), [model, mask]);
  useEffect(() => (model ? whenIdle(() => void model.columns[0]?.sortKeys()) : undefined), [model]);
  const sortColumn = sort && model ? model.columns.find((column) => column.key === sort.column) : undefined;
  const order = useMemo(() => (rows && sortColumn && sort ? sortRows(rows, sortColumn.sortKeys(), sort.direction) : rows), [rows, sortColumn, sort]);

  const shown = rows ? rows.length : mask ? countVisible(mask) : undefined;
  const onSort = (column: string) =>
    setSort((current) =>
      current?.column === column ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' },
    );
  const onSelect = (row: number) => {
    if (!model) return;
    const store = useAtlasStore.getState();
    store.select(model.idOf(row));
    const [lon, lat] = model.centerOf(row);
    if (Number.isFinite(lon) && Number.isFinite(lat)) {
      store.flyTo({ center: [lon, lat], zoom: focusZoom === null ? store.view.zoom : Math.max(store.view.zoom, focusZoom) });
    }
  };

  return (
    <>
      {shown === undefined || total === undefined ? (
        <p className="table-message">{t('table.loadingLayer', { layer: layerName })}</p>
      ) : (
        <p className="table-count" data-testid="table-count">
          <strong>{t('table.count', { shown: formatInteger(shown, language), total: formatInteger(total, language) })}</strong> {t('table.countNote')}
        </p>
      )}
      <p className="legend-note" role="status" aria-live="polite" data-testid="table-status">
        {status}
      </p>
      {model && order && (
        <>
          <p id={helpId} className="legend-note">
            {t('table.help')}
          </p>
          <p className="visually-hidden" role="status" aria-live="polite">
            {sortColumn && sort ? t('table.sorted', { column: sortColumn.label, direction: t(`table.${sort.direction}`) }) : t('table.unsorted')}
          </p>
          {order.length === 0 && <p className="table-message">{t('table.empty')}</p>}
          <FeatureGrid
            model={model}
            order={order}
            label={t('table.gridLabel', { layer: layerName })}
            describedBy={helpId}
            sort={sort}
            onSort={onSort}
            selection={selection}
            onSelect={onSelect}
          />
        </>
      )}
    </>
  );
}
