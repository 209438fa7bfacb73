/**
 * What the statistics panel shows, derived from the layer specs (their filters and legend palettes),
 * the masks and the columns: one chart per filter of every layer, each bar a category of that filter.
 */
import { formatMeasure } from '../../analysis/format-measure.ts';
import type { TFunction } from 'i18next';
import { COUNTRIES, type Country, type FlowRecord } from '../../data/atlas-format.ts';
import type { LayerColumns } from '../../data/atlas-data.ts';
import { DOMAINS, type DomainId } from '../../data/datasets.ts';
import type { FilterOption } from '../../filters/filter-options.ts';
import type { LayerSpec } from '../../map/layer-spec.ts';
import type { Rgba } from '../../map/layer-styles.ts';
import { ATTRIBUTE_FILTER_KEYS, type AttributeFilters, type Language } from '../../state/atlas-state.ts';
import { categoryLabel } from '../format.ts';
import { countColumnCategories, countFlowField, type CategoryCount } from './category-counts.ts';
import type { TableMeasure } from './state-rows.ts';

const UNKNOWN_COLOR: Rgba = [110, 118, 128, 255];

/** An opaque CSS colour (bars sit on white; translucent map colours would look washed out). */
export function solidColor([r, g, b]: Rgba): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** A bar's colour: the layer legend's palette for that domain when it has one, else the layer colour; grey for unknown. */
export function barColor(spec: LayerSpec, domain: DomainId | null, value: string): string {
  const palette = spec.legend.find((part) => part.kind === 'palette' && part.domain === domain);
  if (palette && palette.kind === 'palette') {
    const color = palette.palette[value] ?? (value === 'unknown' ? palette.palette.unknown : undefined);
    if (color) return solidColor(color);
  }
  return solidColor(value === 'unknown' ? UNKNOWN_COLOR : spec.color);
}

/** A category's label: the domain's catalog label, or for open columns (network names) the value itself. */
export function optionLabel(t: TFunction, option: Pick<FilterOption, 'domain'>, value: string): string {
  if (option.domain) return categoryLabel(t, option.domain, value);
  if (value === 'unknown') return t('filters.noNetwork');
  if (value === 'other') return t('filters.otherNetworks');
  return value;
}

export interface CategoryChart {
  /** `<layer id>.<filter param>` */
  id: string;
  spec: LayerSpec;
  option: FilterOption;
  /** whether a row counts in several bars (bitmask column) */
  multiValued: boolean;
  counts: CategoryCount[];
}

/** One chart per filter of a point layer, from its columns and mask (null while the layer loads). */
export function pointLayerCharts(
  spec: LayerSpec,
  options: readonly FilterOption[],
  data: LayerColumns | undefined,
  mask: Uint8Array | undefined,
): CategoryChart[] | null {
  if (!data || !mask) return null;
  const charts: CategoryChart[] = [];
  for (const option of options) {
    const counts = countColumnCategories(data, option.column, mask);
    if (!counts) continue;
    const ordered = option.domain ? counts : openColumnOrder(counts);
    charts.push({ id: `${spec.id}.${option.param}`, spec, option, multiValued: data.columns[option.column]?.spec.kind === 'bitmask', counts: ordered });
  }
  return charts;
}

/** One chart per filter of the flow layer (material, relation). */
export function flowLayerCharts(
  spec: LayerSpec,
  options: readonly FilterOption[],
  flows: readonly FlowRecord[] | undefined,
  mask: Uint8Array | undefined,
): CategoryChart[] | null {
  if (!flows || !mask) return null;
  return options
    .filter((option) => option.domain)
    .map((option) => ({
      id: `${spec.id}.${option.param}`,
      spec,
      option,
      multiValued: false,
      counts: countFlowField(flows, mask, option.column, DOMAINS[option.domain!]),
    }));
}

/** Open columns (network names): most frequent first, then 'other', then 'unknown'. */
function openColumnOrder(counts: CategoryCount[]): CategoryCount[] {
  const named = counts.filter((c) => c.value !== 'other' && c.value !== 'unknown').sort((a, b) => b.count - a.count);
  return [...named, ...counts.filter((c) => c.value === 'other'), ...counts.filter((c) => c.value === 'unknown')];
}

/** The filter after a click on a bar: only that value, or no restriction when it already was the only one. */
export function filterAfterClick(current: readonly string[] | null | undefined, value: string): string[] | null {
  return current && current.length === 1 && current[0] === value ? null : [value];
}

/** A state-table or chart value as text: counts and people as integers, rates with the decimals their size needs. */
export function formatStatValue(measure: TableMeasure, value: number, language: Language): string {
  return formatMeasure(measure === 'population' ? 'count' : measure, value, language);
}

/** The filters in force as language-neutral text (CSV column, citations): `countries: US; chargerLevel: DC`. */
export function filtersInForceText(countries: readonly Country[], filters: AttributeFilters): string[] {
  const lines: string[] = [];
  if (countries.length !== COUNTRIES.length) lines.push(`countries: ${countries.join(', ') || '(none)'}`);
  for (const key of ATTRIBUTE_FILTER_KEYS) {
    const values = filters[key];
    if (values != null) lines.push(`${key}: ${values.join(', ') || '(nothing allowed)'}`);
  }
  return lines;
}
