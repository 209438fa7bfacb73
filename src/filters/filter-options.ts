/**
 * What each layer filter offers, derived from the layer specs and the dataset declarations: its
 * values (a domain, or the categories the pipeline found for an open column), the namespace of
 * their labels, and what a link may carry for it.
 */
import type { AtlasManifest } from '../data/atlas-format.ts';
import { DOMAINS, FLOW_FIELD_DOMAINS, columnDecl, type DomainId } from '../data/datasets.ts';
import type { FilterDecl, LayerSpec } from '../map/layer-spec.ts';
import { LAYER_FILTERS } from '../map/layers/index.ts';

export interface FilterOption extends FilterDecl {
  layer: LayerSpec;
  /** label namespace of the values (categories.<domain>); null = values are shown as given (network names) */
  domain: DomainId | null;
  /** whether 'unknown' is a value (columns have it, flow fields do not) */
  hasUnknown: boolean;
}

function resolve(filter: FilterDecl & { layer: LayerSpec }): FilterOption {
  if (filter.layer.kind === 'flows') {
    const domain = FLOW_FIELD_DOMAINS[filter.column as keyof typeof FLOW_FIELD_DOMAINS];
    if (!domain) throw new Error(`layer ${filter.layer.id}: filter ${filter.param} names an unknown flow field ${filter.column}`);
    return { ...filter, domain, hasUnknown: false };
  }
  const decl = columnDecl(filter.layer.dataset, filter.column);
  if (!decl || decl.kind === 'number') throw new Error(`layer ${filter.layer.id}: filter ${filter.param} needs a category column, ${filter.column} is not one`);
  return { ...filter, domain: 'domain' in decl ? decl.domain : null, hasUnknown: true };
}

/** Every filter of every layer, resolved (throws at load when a spec names a column that does not exist). */
export const FILTER_OPTIONS: readonly FilterOption[] = LAYER_FILTERS.map(resolve);
const BY_PARAM = new Map(FILTER_OPTIONS.map((option) => [option.param, option]));

export function filterOption(param: string): FilterOption | undefined {
  return BY_PARAM.get(param);
}

export function filtersOfLayer(layerId: string): FilterOption[] {
  return FILTER_OPTIONS.filter((option) => option.layer.id === layerId);
}

/** The values a filter offers, 'unknown' last: the domain's, or for an open column the categories in the manifest. */
export function filterValues(option: FilterOption, manifest: AtlasManifest | undefined): string[] {
  if (option.domain) return option.hasUnknown ? [...DOMAINS[option.domain], 'unknown'] : [...DOMAINS[option.domain]];
  const dataset = option.layer.dataset as keyof AtlasManifest['layers'];
  const categories = manifest?.layers[dataset]?.columns?.find((column) => column.name === option.column)?.categories ?? ['unknown'];
  return [...categories.filter((c) => c !== 'unknown'), 'unknown'];
}

/** Free-text category values a link may carry for an open column (network names). */
export const FREE_TEXT_VALUE = /^[\p{L}\p{N} .,'&()/+-]{1,80}$/u;

/** What a link's `f.<param>` may hold: the domain's values (with 'unknown' for columns), or free text for open columns. */
export function filterLinkDomain(option: FilterOption): readonly string[] | RegExp {
  if (!option.domain) return FREE_TEXT_VALUE;
  return option.hasUnknown ? ['unknown', ...DOMAINS[option.domain]] : DOMAINS[option.domain];
}

/**
 * The filter after toggling one value: all options allowed = null (no restriction, unknown included);
 * otherwise the allowed values in option order. Values in the filter that are not options (from an
 * older link) are kept while checked.
 */
export function toggleFilterValue(current: readonly string[] | null, options: readonly string[], value: string, checked: boolean): string[] | null {
  const allowed = new Set(current ?? options);
  if (checked) allowed.add(value);
  else allowed.delete(value);
  if (options.every((option) => allowed.has(option))) return null;
  const ordered = options.filter((option) => allowed.has(option));
  for (const extra of allowed) if (!options.includes(extra)) ordered.push(extra);
  return ordered;
}
