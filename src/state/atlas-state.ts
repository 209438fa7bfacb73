import { LAYER_IDS, type Country, type LayerId } from '../data/atlas-format.ts';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface MapView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
}

/**
 * Attribute filters. `null` means "no restriction" (everything passes, including unknown values);
 * an array lists the values that pass. Values are the category ids of atlas-format.ts.
 */
export interface AttributeFilters {
  chargerLevel: string[] | null;
  chargerNetwork: string[] | null;
  chargerStatus: string[] | null;
  chargerAccess: string[] | null;
  mineralCommodity: string[] | null;
  mineralStatus: string[] | null;
  plantStage: string[] | null;
  plantStatus: string[] | null;
  assemblyEv: string[] | null;
  assemblyStatus: string[] | null;
  flowMaterial: string[] | null;
  flowRelation: string[] | null;
  /** ISO 3166-2 state codes; null = all states */
  state: string[] | null;
}

export const ATTRIBUTE_FILTER_KEYS = [
  'chargerLevel',
  'chargerNetwork',
  'chargerStatus',
  'chargerAccess',
  'mineralCommodity',
  'mineralStatus',
  'plantStage',
  'plantStatus',
  'assemblyEv',
  'assemblyStatus',
  'flowMaterial',
  'flowRelation',
  'state',
] as const satisfies readonly (keyof AttributeFilters)[];
export type AttributeFilterKey = (typeof ATTRIBUTE_FILTER_KEYS)[number];

/** Everything a shared link must reproduce. */
export interface AtlasState {
  language: Language;
  view: MapView;
  layers: Record<LayerId, boolean>;
  countries: Country[];
  filters: AttributeFilters;
  /** atlas id of the selected feature (see DetailRecord.id / FlowRecord.id) */
  selection: string | null;
}

export const DEFAULT_VIEW: MapView = { center: [-100, 31], zoom: 3.3 };

export function defaultFilters(): AttributeFilters {
  return Object.fromEntries(ATTRIBUTE_FILTER_KEYS.map((key) => [key, null])) as unknown as AttributeFilters;
}

export function defaultAtlasState(): AtlasState {
  return {
    language: 'en',
    view: { center: [...DEFAULT_VIEW.center], zoom: DEFAULT_VIEW.zoom },
    layers: Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>,
    countries: ['US', 'MX'],
    filters: defaultFilters(),
    selection: null,
  };
}

export const VIEW_LIMITS = { minZoom: 1, maxZoom: 18, minLat: -85, maxLat: 85 } as const;
