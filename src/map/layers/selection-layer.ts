/**
 * The selection drawn on top of everything: a thick dark halo with a bright yellow ring inside
 * (readable over any fill and over the basemap), around the selected feature; thinner rings around
 * the other facilities of its highlighted supply chain.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Rgba } from '../layer-styles.ts';

export interface SelectionRing {
  position: [number, number];
  /** pixels: the symbol's radius; the ring is drawn SELECTION_RING.gapPixels outside it */
  radius: number;
  /** the selected feature itself (true) or another node of its chain (false) */
  primary: boolean;
}

export const SELECTION_RING = {
  gapPixels: 5,
  halo: [0, 0, 0, 235] as Rgba,
  haloWidth: 6,
  ring: [255, 214, 0, 255] as Rgba,
  ringWidth: 3,
  chainRing: [255, 255, 255, 255] as Rgba,
  chainRingWidth: 2,
} as const;

export function buildSelectionLayers(rings: SelectionRing[], visible: boolean): Layer[] {
  // the halo (dark, wide) and the ring (bright, on top) are the same circles drawn twice
  const shared = {
    data: rings,
    visible: visible && rings.length > 0,
    pickable: false,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (r: SelectionRing) => r.position,
    getRadius: (r: SelectionRing) => r.radius + SELECTION_RING.gapPixels,
  } as const;
  return [
    new ScatterplotLayer<SelectionRing>({
      ...shared,
      id: 'selection-halo',
      getLineColor: SELECTION_RING.halo,
      getLineWidth: (r) => (r.primary ? SELECTION_RING.haloWidth : SELECTION_RING.haloWidth - 2),
    }),
    new ScatterplotLayer<SelectionRing>({
      ...shared,
      id: 'selection-ring',
      getLineColor: (r) => (r.primary ? SELECTION_RING.ring : SELECTION_RING.chainRing),
      getLineWidth: (r) => (r.primary ? SELECTION_RING.ringWidth : SELECTION_RING.chainRingWidth),
    }),
  ];
}
