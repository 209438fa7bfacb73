import type { Country } from '../data/atlas-format.ts';
import type { StateMeasure } from '../analysis/state-measures.ts';
import { DEFAULT_GAP_RADIUS_KM, type GapRadiusKm } from '../analysis/gap-constants.ts';
import { LAYER_FILTERS, LAYER_SPECS, type LayerId } from '../map/layers/index.ts';
import type { PolicyChoroplethKey } from '../analysis/policies.ts';
import type { ThemeId } from '../components/theme-presets.ts';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface MapView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
}

/**
 * Attribute filters, by filter param (declared by the layer specs, plus 'state'). `null` means
 * "no restriction" (everything passes, including unknown values); an array lists the values that
 * pass. Values are the category ids of src/data/datasets.ts; 'state' holds ISO 3166-2 codes.
 */
export type AttributeFilters = Record<string, string[] | null>;

/** Every filter key: each layer's filter params, then 'state'. */
export const ATTRIBUTE_FILTER_KEYS: readonly string[] = [...LAYER_FILTERS.map((filter) => filter.param), 'state'];
export type AttributeFilterKey = string;

/** Everything a shared link must reproduce. */
export interface AtlasState {
  language: Language;
  view: MapView;
  layers: Record<LayerId, boolean>;
  countries: Country[];
  filters: AttributeFilters;
  /** atlas id of the selected feature (see DetailRecord.id / FlowRecord.id), or 'states:<code>' for a state profile */
  selection: string | null;
  /** issue 11: the story shown (a curated story id, or CUSTOM_STORY_ID for the user's own), or null; link `story=` */
  story: string | null;
  /** issue 11: the user's own story carried by the link itself (`s=`, compressed, base64url; with story=custom), or null */
  storyData: string | null;
  /** issue 11: the story's scene, 1-based (link `scene=`, only with a story) */
  scene: number;
  /** issue 11: presentation mode (link `present=1`) */
  present: boolean;
  /** issue 11: read-only embed mode (link `embed=1`) */
  embed: boolean;
  /** issue 11: high-contrast theme (link `hc=1`) */
  highContrast: boolean;
  /** issue 11: captions in both languages, not only the interface language (link `cap=both`) */
  bothLanguages: boolean;
  /** the point layer whose features the state choropleth counts, or null (no choropleth) */
  choropleth: LayerId | null;
  /** the state measure shown by the choropleth, the statistics panel's state table and the profile */
  measure: StateMeasure;
  /** the side panel's tab */
  panelTab: PanelTab;
  /** issue 12: the data build the link was made on (manifest generatedAt, compact: 20261201T145300Z); set to the
   *  loaded build once the manifest arrives, so a copied link records it. null = not known (old links) */
  dataVersion: string | null;
  /** the charging-gap layer (population points by distance to the nearest visible charger) is drawn */
  gap: boolean;
  /** R of the gap analysis, km: people farther than R from a visible charger */
  gapRadiusKm: GapRadiusKm;
  /** issue 15: the state policy the choropleth shows (link `pol=`), or null; it takes the place of a layer choropleth */
  policy: PolicyChoroplethKey | null;
  /** issue 15: the data-coverage choropleth, mapped / published chargers (link `cov=1`); it takes the place of the others */
  coverage: boolean;
  /** issue 15: the theme preset chosen (link `theme=`), or null (old links: the preset is derived from the visible layers) */
  theme: ThemeId | null;
  /** issue 14: "show this chain only": the facility (atlas id) whose supply chain the map is filtered to (link `chain=`), or null */
  chain: string | null;
}

export const PANEL_TABS = ['layers', 'stats', 'table', 'gap'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export const DEFAULT_VIEW: MapView = { center: [-100, 31], zoom: 3.3 };

export function defaultFilters(): AttributeFilters {
  return Object.fromEntries(ATTRIBUTE_FILTER_KEYS.map((key) => [key, null]));
}

export function defaultAtlasState(): AtlasState {
  return {
    language: 'en',
    view: { center: [...DEFAULT_VIEW.center], zoom: DEFAULT_VIEW.zoom },
    layers: defaultLayerVisibility(),
    countries: ['US', 'MX'],
    filters: defaultFilters(),
    selection: null,
    story: null,
    storyData: null,
    scene: 1,
    present: false,
    embed: false,
    highContrast: false,
    bothLanguages: false,
    choropleth: null,
    measure: 'count',
    panelTab: 'layers',
    dataVersion: null,
    gap: false,
    gapRadiusKm: DEFAULT_GAP_RADIUS_KM,
    policy: null,
    coverage: false,
    theme: null,
    chain: null,
  };
}

export const VIEW_LIMITS = { minZoom: 1, maxZoom: 18, minLat: -85, maxLat: 85 } as const;

export function defaultLayerVisibility(): Record<LayerId, boolean> {
  return Object.fromEntries(LAYER_SPECS.map((spec) => [spec.id, spec.defaultVisible]));
}
