/**
 * Hover text for the map: short, translated, plain text. deck.gl puts `text` into the tooltip with
 * innerText, so names from the data (which could hold markup) stay inert. Never return `html`.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { TFunction } from 'i18next';
import type { DetailRecord, FlowRecord, PointDatasetId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { layerOfDeckLayer } from './layers/index.ts';
import type { PointLayerSpec } from './layer-spec.ts';

/** Large, high-contrast tooltip for a projector. */
export const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  fontSize: '18px',
  lineHeight: '1.35',
  fontFamily: '"Noto Sans", system-ui, sans-serif',
  backgroundColor: 'rgba(20, 22, 26, 0.94)',
  color: '#ffffff',
  padding: '8px 12px',
  maxWidth: '420px',
  whiteSpace: 'pre-line',
  boxShadow: '0 2px 8px rgba(0,0,0,0.35)',
};

export interface TooltipContext {
  t: TFunction;
  locale: string;
  columns: Partial<Record<PointDatasetId, LayerColumns>>;
  masks: Partial<Record<string, Uint8Array>>;
  details: Partial<Record<PointDatasetId, readonly (DetailRecord | undefined)[]>>;
}

export interface TooltipContent {
  text: string;
  style: Partial<CSSStyleDeclaration>;
}

const MAX_NAME = 80;
/** Trims, collapses whitespace and shortens a data string (it is shown as text, never parsed). */
export function cleanText(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}

/** Main category of a row, translated (level, commodity, stage, EV production: the layer's symbol). */
export function mainCategoryText(spec: PointLayerSpec, data: LayerColumns, row: number, t: TFunction): string {
  return t(`categories.${spec.symbol.domain}.${spec.symbol.valueAt(data, row)}`);
}

/** Plain tooltip text for a picked object, or null. */
export function tooltipText(info: Pick<PickingInfo, 'layer' | 'index' | 'object' | 'picked'>, ctx: TooltipContext): string | null {
  const deckLayerId = info.layer?.id;
  if (!deckLayerId || info.index < 0) return null;
  const { t } = ctx;
  const spec = layerOfDeckLayer(deckLayerId);
  if (!spec) return null;
  if (spec.aggregate?.deckLayerId === deckLayerId) {
    const mask = ctx.masks[spec.id];
    return mask ? spec.aggregate.tooltip(info.object, mask, t, ctx.locale) : null;
  }
  if (spec.kind === 'flows') {
    const flow = info.object as FlowRecord | undefined;
    if (!flow) return null;
    const route = `${cleanText(flow.from.name)} → ${cleanText(flow.to.name)}`;
    const kind = `${t(`categories.flowMaterial.${flow.material}`)} · ${t(`categories.flowRelation.${flow.relation}`)}`;
    return `${route}\n${kind}${flow.crossBorder ? ` · ${t('atlasMap.tooltip.crossBorder')}` : ''}`;
  }
  const data = ctx.columns[spec.dataset];
  if (!data || info.index >= data.rowCount) return null;
  const category = mainCategoryText(spec, data, info.index, t);
  const record = ctx.details[spec.dataset]?.[info.index];
  if (record) return `${cleanText(record.name)}\n${t(`layers.${spec.id}`)} · ${category}`;
  return `${t(`layers.${spec.id}`)}\n${category}`;
}
