/** The overseas flows' country labels (deck.gl TextLayer), loaded on first use by ./flow-overseas.ts. */
import { TextLayer } from '@deck.gl/layers';
import type { LayerProps } from '@deck.gl/core';
import type { OverseasLabel } from './flow-overseas.ts';

export function overseasLabelLayer(props: Partial<LayerProps>, labels: OverseasLabel[], version: string): TextLayer<OverseasLabel> {
  return new TextLayer<OverseasLabel>({
    ...props,
    data: labels,
    pickable: false,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getColor: (d) => d.color,
    getSize: 13,
    fontFamily: 'Noto Sans, sans-serif',
    fontWeight: 600,
    // accented country names (Japón, Corea del Sur): the characters come from the labels
    characterSet: 'auto',
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'bottom',
    getPixelOffset: [0, -4],
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    updateTriggers: { getText: version, getColor: version },
  });
}
