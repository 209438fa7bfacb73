/**
 * Supply-chain flows: one arc per FlowRecord (flat arcs: greatCircle false), coloured by material
 * (lighter at the source, full at the destination, so direction reads without arrows), width by
 * volume when public (log scale) else FLOW_DEFAULT_WIDTH, cross-border flows 1.5x wider.
 * When a supply chain is highlighted, its arcs get wider and every other arc is dimmed.
 * A flow with one end outside the US/MX/Canada frame is not an arc across the world: it is a stub leaving the map
 * toward that end, with an arrowhead and the country named (./flow-overseas.ts).
 */
import { maskVersion } from '../../filters/mask-version.ts';
import { ArcLayer } from '@deck.gl/layers';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import type { FlowRecord } from '../../data/atlas-format.ts';
import type { FlowLayerSpec } from '../layer-spec.ts';
import { FLOW_MATERIAL_COLORS, LAYER_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import { overseasEnd, type SupplyChain } from '../supply-chain.ts';
import { FILTER_EXTENSION, FILTER_RANGE } from './common.ts';
import { OVERSEAS_DECK_LAYER_ID, OverseasFlowLayer } from './flow-overseas.ts';

export const FLOW_DEFAULT_WIDTH = 2.5;
export const FLOW_CROSS_BORDER_FACTOR = 1.5;
export const FLOW_HIGHLIGHT_FACTOR = 1.6;
/** Alpha of arcs outside the highlighted chain. */
export const FLOW_DIMMED_ALPHA = 45;

/** Width in pixels: volume known → 3 px at ≤1,000 units, +0.8 px per factor 10, at most 7; unknown → FLOW_DEFAULT_WIDTH. */
export function flowVolumeWidth(volume: number | null): number {
  if (volume == null || !Number.isFinite(volume) || volume <= 0) return FLOW_DEFAULT_WIDTH;
  return Math.min(7, 3 + 0.8 * Math.max(0, Math.log10(volume) - 3));
}

export function flowWidth(flow: FlowRecord, chain: SupplyChain | null): number {
  let width = flowVolumeWidth(flow.volume) * (flow.crossBorder ? FLOW_CROSS_BORDER_FACTOR : 1);
  if (chain?.flows.has(flow.id)) width *= FLOW_HIGHLIGHT_FACTOR;
  return width;
}

export function flowColor(flow: FlowRecord, end: 'source' | 'target', chain: SupplyChain | null): Rgba {
  const [r, g, b, a] = colorOf(FLOW_MATERIAL_COLORS, flow.material);
  if (chain && !chain.flows.has(flow.id)) return [r, g, b, FLOW_DIMMED_ALPHA];
  return [r, g, b, end === 'source' ? Math.round(a * 0.55) : a];
}

export const flowsLayer: FlowLayerSpec = {
  kind: 'flows',
  id: 'flows',
  dataset: 'flows',
  order: 50,
  color: LAYER_COLORS.flows,
  defaultVisible: true,
  filters: [
    { param: 'flowMaterial', column: 'material' },
    { param: 'flowRelation', column: 'relation' },
  ],
  legend: [
    {
      kind: 'palette',
      title: 'legend.materials',
      domain: 'flowMaterial',
      keys: Object.keys(FLOW_MATERIAL_COLORS).filter((key) => key !== 'unknown'),
      palette: FLOW_MATERIAL_COLORS,
      shape: 'line',
    },
  ],
  labels: {
    en: { name: 'Supply-chain flows', filters: { flowMaterial: 'Material', flowRelation: 'Relation' } },
    es: { name: 'Flujos de la cadena de suministro', filters: { flowMaterial: 'Material', flowRelation: 'Relación' } },
  },
  pickableDeckLayerIds: ['flows', OVERSEAS_DECK_LAYER_ID],
  build: ({ input: { flows, mask, visible, chain }, state }) => {
    const chainKey = chain ? state.selection : null;
    return [
      new ArcLayer<FlowRecord, DataFilterExtensionProps<FlowRecord>>({
        id: 'flows',
        data: flows,
        visible,
        pickable: true,
        greatCircle: false,
        getHeight: 0.3,
        widthUnits: 'pixels',
        getSourcePosition: (f) => [f.from.lon, f.from.lat],
        getTargetPosition: (f) => [f.to.lon, f.to.lat],
        getSourceColor: (f) => flowColor(f, 'source', chain),
        getTargetColor: (f) => flowColor(f, 'target', chain),
        getWidth: (f) => flowWidth(f, chain),
        // overseas flows are drawn by the stub layer below
        getFilterValue: (f: FlowRecord, { index }: { index: number }) => (overseasEnd(f) ? 0 : (mask[index] ?? 0)),
        filterRange: FILTER_RANGE,
        updateTriggers: { getFilterValue: maskVersion(mask), getSourceColor: chainKey, getTargetColor: chainKey, getWidth: chainKey },
        extensions: [FILTER_EXTENSION],
      }),
      new OverseasFlowLayer({ id: OVERSEAS_DECK_LAYER_ID, flows, mask, chain, visible, language: state.language, width: (f) => flowWidth(f, chain) }),
    ];
  },
};
