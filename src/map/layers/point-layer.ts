import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { Color } from '@deck.gl/core';
import type { LayerColumns } from '../../data/atlas-data.ts';

export interface PointLayerInput {
  data: LayerColumns;
  /** one byte per row, 1 = passes the filters (see filters/layer-mask.ts) */
  mask: Uint8Array;
  visible: boolean;
}

const filterExtension = new DataFilterExtension({ filterSize: 1 });

/**
 * Points from typed-array columns: positions go to the GPU once; a filter change only updates the
 * filter attribute (through updateTriggers), never the layer data.
 */
export function maskedPointLayer(
  id: string,
  { data, mask, visible }: PointLayerInput,
  style: { color: Color; radiusPixels: number; getColor?: (row: number) => Color; colorKey?: string },
) {
  const binary = { length: data.rowCount, attributes: { getPosition: { value: data.position, size: 2 } } };
  return new ScatterplotLayer({
    id,
    data: binary,
    visible,
    pickable: true,
    radiusUnits: 'pixels',
    getRadius: style.radiusPixels,
    stroked: true,
    getLineColor: [255, 255, 255, 220],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    getFillColor: style.getColor ? (_: unknown, { index }: { index: number }) => style.getColor!(index) : style.color,
    getFilterValue: (_: unknown, { index }: { index: number }) => mask[index]!,
    filterRange: [0.5, 1],
    updateTriggers: { getFilterValue: mask, getFillColor: style.colorKey },
    extensions: [filterExtension],
  });
}
