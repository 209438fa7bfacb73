import type { AtlasLayerModule } from '../layer-registry.ts';
import type { PointLayerInput } from './point-layer.ts';
import { maskedPointLayer } from './point-layer.ts';
import type { PointLayerId } from '../../data/atlas-format.ts';
import type { Color } from '@deck.gl/core';

const LAYER_COLORS: Record<PointLayerId, Color> = {
  chargers: [0, 119, 182, 220],
  minerals: [176, 96, 16, 230],
  'battery-plants': [118, 42, 131, 235],
  'assembly-plants': [27, 120, 55, 235],
};

function simplePointModule(id: PointLayerId, order: number, radiusPixels: number): AtlasLayerModule<PointLayerInput> {
  return {
    id,
    order,
    build: ({ data }) => [maskedPointLayer(id, data, { color: LAYER_COLORS[id], radiusPixels })],
  };
}

/** Every map layer of the atlas, in draw order. New layers plug in here. */
export const POINT_LAYER_MODULES: Record<PointLayerId, AtlasLayerModule<PointLayerInput>> = {
  chargers: simplePointModule('chargers', 10, 2.5),
  minerals: simplePointModule('minerals', 20, 4),
  'battery-plants': simplePointModule('battery-plants', 30, 6),
  'assembly-plants': simplePointModule('assembly-plants', 40, 7),
};
