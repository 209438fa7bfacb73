/**
 * Theme presets: the task force's five working areas (issue 15) plus "all layers", each a set of visible layers
 * and a state view. The chosen theme is stored and in the link (`theme=<id>`); links without it (older ones)
 * show the preset derived from the visible layers, as before.
 */
import type { PolicyChoroplethKey } from '../analysis/policies.ts';
import type { StateMeasure } from '../analysis/state-measures.ts';
import { LAYER_IDS, type LayerId } from '../map/layers/index.ts';

export const THEME_IDS = ['all', 'infrastructure', 'supplier', 'governance', 'human', 'research'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export interface ThemePresetDef {
  layers: readonly LayerId[];
  /** the layer choropleth: cleared, or left as it is (the layer-only presets keep their old behaviour) */
  choropleth: null | 'keep';
  measure?: StateMeasure;
  policy: PolicyChoroplethKey | 'keep' | null;
  coverage: boolean;
  /** the charging-gap layer: on, off, or left as it is */
  gap: boolean | 'keep';
}

export const THEME_PRESETS: Record<ThemeId, ThemePresetDef> = {
  all: { layers: LAYER_IDS, choropleth: 'keep', policy: null, coverage: false, gap: 'keep' },
  // chargers; the Charging gap tab computes the gap on demand (the gap layer is left as the user set it)
  infrastructure: { layers: ['chargers'], choropleth: 'keep', policy: null, coverage: false, gap: 'keep' },
  supplier: { layers: ['minerals', 'battery-plants', 'assembly-plants', 'flows'], choropleth: 'keep', policy: null, coverage: false, gap: 'keep' },
  // the policy choropleth (the policy shown stays when one is chosen; ZEV rule otherwise), no point layer over it
  governance: { layers: [], choropleth: null, policy: 'keep', coverage: false, gap: false },
  // plants sized by reported jobs (the plant layers read the theme)
  human: { layers: ['battery-plants', 'assembly-plants'], choropleth: 'keep', policy: null, coverage: false, gap: false },
  // the data-coverage view: mapped chargers against the publishers' figures, and the coverage tables
  research: { layers: ['chargers'], choropleth: null, policy: null, coverage: true, gap: false },
};

/** The store changes a preset makes (beside the visible layers), given the current policy. */
export function presetStateView(id: ThemeId, currentPolicy: PolicyChoroplethKey | null) {
  const def = THEME_PRESETS[id];
  return {
    theme: id,
    policy: def.policy === 'keep' ? (currentPolicy ?? DEFAULT_GOVERNANCE_POLICY) : def.policy,
    coverage: def.coverage,
    ...(def.choropleth === 'keep' ? {} : { choropleth: def.choropleth }),
    ...(def.measure ? { measure: def.measure } : {}),
    ...(def.gap === 'keep' ? {} : { gap: def.gap }),
  };
}

export const DEFAULT_GOVERNANCE_POLICY: PolicyChoroplethKey = 'zev_rule';

/** Themes that change more than the visible layers: they stay shown while the user changes layers. */
const MODE_THEMES: readonly ThemeId[] = ['governance', 'human', 'research'];

/** The presets that are only a layer set (the ones derivable from the visible layers of an old link). */
const LAYER_ONLY_THEMES: readonly ThemeId[] = ['all', 'infrastructure', 'supplier'];

function sameLayers(ids: readonly LayerId[], layers: Record<LayerId, boolean>): boolean {
  const visible = Object.keys(layers)
    .filter((id) => layers[id])
    .sort();
  const sorted = [...ids].sort();
  return sorted.length === visible.length && sorted.every((id, i) => id === visible[i]);
}

/** The layer-only preset whose layers are exactly the visible ones, or 'custom' (how links without `theme=` read). */
export function derivePreset(layers: Record<LayerId, boolean>): ThemeId | 'custom' {
  for (const preset of LAYER_ONLY_THEMES) if (sameLayers(THEME_PRESETS[preset].layers, layers)) return preset;
  return 'custom';
}

/**
 * The preset shown as checked: the stored theme while it holds (a mode theme while its view is shown, or a
 * layer-only theme whose layers are still the visible ones), otherwise the one derived from the visible layers.
 */
export function shownPreset(
  theme: ThemeId | null,
  layers: Record<LayerId, boolean>,
  view: { policy: PolicyChoroplethKey | null; coverage: boolean } = { policy: null, coverage: false },
): ThemeId | 'custom' {
  // a mode theme holds while its view is shown (governance: a policy; research: the coverage view)
  const modeHolds = theme === 'human' || (theme === 'governance' && view.policy !== null && !view.coverage) || (theme === 'research' && view.coverage);
  if (theme && ((MODE_THEMES.includes(theme) && modeHolds) || (!MODE_THEMES.includes(theme) && sameLayers(THEME_PRESETS[theme].layers, layers)))) return theme;
  return derivePreset(layers);
}
