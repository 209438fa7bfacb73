import type { PointLayerId } from '../../data/atlas-format.ts';
import type { LayerColumns } from '../../data/atlas-data.ts';
import type { AtlasLayerModule } from '../layer-registry.ts';
import type { PointLayerInput } from './common.ts';
import { CHARGER_AGGREGATE_BELOW_ZOOM, chargerPointRadius, chargersModule } from './chargers.ts';
import { mineralRadius, mineralsModule } from './minerals.ts';
import { batteryPlantsModule, plantRadius } from './battery-plants.ts';
import { assemblyHalfSide, assemblyPlantsModule } from './assembly-plants.ts';
import { categoryAt, facilityScale, numberAt } from './common.ts';

export { flowsModule, type FlowLayerInput } from './flows.ts';
export { buildSelectionLayers, type SelectionRing } from './selection-layer.ts';
export type { PointLayerInput } from './common.ts';

/** Every point layer of the atlas, in draw order (flows and the selection are drawn above them). */
export const POINT_LAYER_MODULES: Record<PointLayerId, AtlasLayerModule<PointLayerInput>> = {
  chargers: chargersModule,
  minerals: mineralsModule,
  'battery-plants': batteryPlantsModule,
  'assembly-plants': assemblyPlantsModule,
};

/** Radius in pixels of the symbol drawn for a row (for the selection ring around it). */
export function symbolRadiusAt(layer: PointLayerId, data: LayerColumns, row: number, zoomLevel: number): number {
  const scale = facilityScale(zoomLevel);
  switch (layer) {
    case 'chargers':
      return zoomLevel < CHARGER_AGGREGATE_BELOW_ZOOM ? 6 : chargerPointRadius(zoomLevel);
    case 'minerals':
      return Math.max(4, mineralRadius(categoryAt(data, 'status', row))) * scale;
    case 'battery-plants':
      return plantRadius(numberAt(data, 'capacityGwh', row), numberAt(data, 'capexMusd', row)) * scale;
    case 'assembly-plants':
      return assemblyHalfSide(numberAt(data, 'capexMusd', row)) * scale * 1.3;
  }
}
