import type { LayerLabels } from '../map/layer-spec.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';

interface LayerStrings {
  layers: Record<string, string>;
  filterGroups: Record<string, string>;
}

/** Layer names (`layers.<id>`) and filter group names (`filterGroups.<param>`) in one language, from the layer specs. */
export function layerStrings(language: 'en' | 'es'): LayerStrings {
  const strings: LayerStrings = { layers: {}, filterGroups: {} };
  for (const spec of LAYER_SPECS) {
    const labels: LayerLabels = spec.labels[language];
    strings.layers[spec.id] = labels.name;
    for (const filter of spec.filters) {
      const label = labels.filters[filter.param];
      if (label === undefined) throw new Error(`layer ${spec.id}: no ${language} label for filter ${filter.param}`);
      strings.filterGroups[filter.param] = label;
    }
  }
  return strings;
}
