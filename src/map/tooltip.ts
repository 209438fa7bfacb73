/**
 * Hover text for the map: short, translated, plain text. deck.gl puts `text` into the tooltip with
 * innerText, so names from the data (which could hold markup) stay inert. Never return `html`.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { TFunction } from 'i18next';
import type { DetailRecord, FlowRecord, PointLayerId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import { CHARGER_LAYER_IDS, chargerLevelAt, countVisibleRows } from './layers/chargers.ts';
import { primaryCommodityAt } from './layers/minerals.ts';
import { categoryAt } from './layers/common.ts';

/** Large, high-contrast tooltip for a projector. */
export const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  fontSize: '18px',
  lineHeight: '1.35',
  fontFamily: '"Noto Sans", system-ui, sans-serif',
  backgroundColor: 'rgba(20, 22, 26, 0.94)',
  color: '#ffffff',
  padding: '8px 12px',
  borderRadius: '6px',
  maxWidth: '420px',
  whiteSpace: 'pre-line',
  boxShadow: '0 2px 8px rgba(0,0,0,0.35)',
};

export interface TooltipContext {
  t: TFunction;
  locale: string;
  columns: Partial<Record<PointLayerId, LayerColumns>>;
  masks: Partial<Record<PointLayerId, Uint8Array>>;
  details: Partial<Record<PointLayerId, readonly (DetailRecord | undefined)[]>>;
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

/** The layer a deck.gl layer id draws ('chargers-hexagons' → 'chargers', 'battery-plants' → ...). */
export function atlasLayerOfDeckLayer(deckLayerId: string): PointLayerId | 'flows' | null {
  if (deckLayerId === CHARGER_LAYER_IDS.hexagons || deckLayerId === CHARGER_LAYER_IDS.points) return 'chargers';
  if (deckLayerId === 'minerals' || deckLayerId === 'battery-plants' || deckLayerId === 'assembly-plants' || deckLayerId === 'flows') return deckLayerId;
  return null;
}

/** Main category of a row, translated (level, commodity, stage, EV production). */
export function mainCategoryText(layer: PointLayerId, data: LayerColumns, row: number, t: TFunction): string {
  switch (layer) {
    case 'chargers':
      return t(`categories.chargerLevel.${chargerLevelAt(data, row)}`);
    case 'minerals':
      return t(`categories.commodity.${primaryCommodityAt(data, row)}`);
    case 'battery-plants':
      return t(`categories.plantStage.${categoryAt(data, 'stage', row)}`);
    case 'assembly-plants':
      return t(`categories.ev.${categoryAt(data, 'ev', row)}`);
  }
}

/** Plain tooltip text for a picked object, or null. */
export function tooltipText(info: Pick<PickingInfo, 'layer' | 'index' | 'object' | 'picked'>, ctx: TooltipContext): string | null {
  const deckLayerId = info.layer?.id;
  if (!deckLayerId || info.index < 0) return null;
  const { t } = ctx;
  if (deckLayerId === CHARGER_LAYER_IDS.hexagons) {
    const indices = (info.object as { pointIndices?: number[] } | undefined)?.pointIndices;
    const mask = ctx.masks.chargers;
    if (!indices || !mask) return null;
    const count = countVisibleRows(indices, mask);
    return `${t('atlasMap.tooltip.hexCount', { count, formatted: count.toLocaleString(ctx.locale) })}\n${t('atlasMap.tooltip.zoomIn')}`;
  }
  const layer = atlasLayerOfDeckLayer(deckLayerId);
  if (!layer) return null;
  if (layer === 'flows') {
    const flow = info.object as FlowRecord | undefined;
    if (!flow) return null;
    const route = `${cleanText(flow.from.name)} → ${cleanText(flow.to.name)}`;
    const kind = `${t(`categories.flowMaterial.${flow.material}`)} · ${t(`categories.flowRelation.${flow.relation}`)}`;
    return `${route}\n${kind}${flow.crossBorder ? ` · ${t('atlasMap.tooltip.crossBorder')}` : ''}`;
  }
  const data = ctx.columns[layer];
  if (!data || info.index >= data.rowCount) return null;
  const category = mainCategoryText(layer, data, info.index, t);
  const record = ctx.details[layer]?.[info.index];
  if (record) return `${cleanText(record.name)}\n${t(`layers.${layer}`)} · ${category}`;
  return `${t(`layers.${layer}`)}\n${category}`;
}
