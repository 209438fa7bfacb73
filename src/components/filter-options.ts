/** Which attribute filters each layer offers, and their values (fixed lists, or categories from the manifest). */
import {
  CHARGER_ACCESS,
  CHARGER_LEVELS,
  CHARGER_STATUSES,
  COMMODITIES,
  EV_PRODUCTION,
  FACILITY_STATUSES,
  FLOW_MATERIALS,
  FLOW_RELATIONS,
  MINERAL_STATUSES,
  PLANT_STAGES,
  type AtlasManifest,
  type LayerId,
} from '../data/atlas-format.ts';
import type { AttributeFilterKey } from '../state/atlas-state.ts';

export interface FilterGroupSpec {
  key: Exclude<AttributeFilterKey, 'state'>;
  /** namespace in the categories catalog for value labels; null = values are shown as given (network names) */
  namespace: string | null;
  values: (manifest: AtlasManifest | undefined) => string[];
}

const fixed = (values: readonly string[], unknown = true) => () => (unknown ? [...values, 'unknown'] : [...values]);

/** Network names are open-ended: the pipeline lists them in the chargers' 'network' column spec. */
function chargerNetworks(manifest: AtlasManifest | undefined): string[] {
  const spec = manifest?.layers.chargers?.columns?.find((column) => column.name === 'network');
  const categories = spec?.categories ?? ['unknown'];
  // 'unknown' last, like the other groups
  return [...categories.filter((c) => c !== 'unknown'), 'unknown'];
}

export const LAYER_FILTER_GROUPS: Record<LayerId, readonly FilterGroupSpec[]> = {
  chargers: [
    { key: 'chargerLevel', namespace: 'chargerLevel', values: fixed(CHARGER_LEVELS) },
    { key: 'chargerNetwork', namespace: null, values: chargerNetworks },
    { key: 'chargerStatus', namespace: 'chargerStatus', values: fixed(CHARGER_STATUSES) },
    { key: 'chargerAccess', namespace: 'chargerAccess', values: fixed(CHARGER_ACCESS) },
  ],
  minerals: [
    { key: 'mineralCommodity', namespace: 'commodity', values: fixed(COMMODITIES) },
    { key: 'mineralStatus', namespace: 'mineralStatus', values: fixed(MINERAL_STATUSES) },
  ],
  'battery-plants': [
    { key: 'plantStage', namespace: 'plantStage', values: fixed(PLANT_STAGES) },
    { key: 'plantStatus', namespace: 'facilityStatus', values: fixed(FACILITY_STATUSES) },
  ],
  'assembly-plants': [
    { key: 'assemblyEv', namespace: 'ev', values: fixed(EV_PRODUCTION) },
    { key: 'assemblyStatus', namespace: 'facilityStatus', values: fixed(FACILITY_STATUSES) },
  ],
  flows: [
    { key: 'flowMaterial', namespace: 'flowMaterial', values: fixed(FLOW_MATERIALS, false) },
    { key: 'flowRelation', namespace: 'flowRelation', values: fixed(FLOW_RELATIONS, false) },
  ],
};

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

export const THEME_PRESETS = {
  all: ['chargers', 'minerals', 'battery-plants', 'assembly-plants', 'flows'],
  infrastructure: ['chargers'],
  supplier: ['minerals', 'battery-plants', 'assembly-plants', 'flows'],
} as const satisfies Record<string, readonly LayerId[]>;
export type ThemePreset = keyof typeof THEME_PRESETS;

/** The preset whose layers are exactly the visible ones, or 'custom'. Derived, never stored. */
export function derivePreset(layers: Record<LayerId, boolean>): ThemePreset | 'custom' {
  const visible = (Object.keys(layers) as LayerId[]).filter((id) => layers[id]).sort();
  for (const [preset, ids] of Object.entries(THEME_PRESETS) as [ThemePreset, readonly LayerId[]][]) {
    const sorted = [...ids].sort();
    if (sorted.length === visible.length && sorted.every((id, i) => id === visible[i])) return preset;
  }
  return 'custom';
}
