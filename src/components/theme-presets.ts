/** Theme presets: named sets of visible layers. The preset shown is derived from the visible layers, never stored. */
import { LAYER_IDS, type LayerId } from '../map/layers/index.ts';

export const THEME_PRESETS = {
  all: LAYER_IDS,
  infrastructure: ['chargers'],
  supplier: ['minerals', 'battery-plants', 'assembly-plants', 'flows'],
} as const satisfies Record<string, readonly LayerId[]>;
export type ThemePreset = keyof typeof THEME_PRESETS;

/** The preset whose layers are exactly the visible ones, or 'custom'. */
export function derivePreset(layers: Record<LayerId, boolean>): ThemePreset | 'custom' {
  const visible = Object.keys(layers)
    .filter((id) => layers[id])
    .sort();
  for (const [preset, ids] of Object.entries(THEME_PRESETS) as [ThemePreset, readonly LayerId[]][]) {
    const sorted = [...ids].sort();
    if (sorted.length === visible.length && sorted.every((id, i) => id === visible[i])) return preset;
  }
  return 'custom';
}
