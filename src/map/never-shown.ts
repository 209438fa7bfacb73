import type { Layer } from '@deck.gl/core';

/**
 * Leaves out the deck.gl layers that are hidden and have never been shown. deck.gl initialises every layer it
 * is given, hidden or not (attributes, shaders): in the first view, that was the work of every layer the link
 * hides (15,000 mineral sites behind a chargers-only link, the charger points under the hexagons at
 * continental zoom). A layer joins when first shown and then stays, hidden or not, so toggling it is instant.
 * `shown` is updated in place (pure otherwise; exported for tests).
 */
export function withoutNeverShown(layers: Layer[], shown: Set<string>): Layer[] {
  for (const layer of layers) if (layer.props.visible !== false) shown.add(layer.id);
  return layers.filter((layer) => shown.has(layer.id));
}
