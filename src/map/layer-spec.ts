/**
 * One declarative spec per map layer (in the spirit of kepler.gl's layer classes): which dataset it
 * draws, which of the dataset's columns users filter on (and the link parameter of each), its
 * symbol key, legend, colours, labels in both languages and its deck.gl rendering. The filter UI,
 * the URL codec, the legend, tooltips, search and export read these specs; nothing else switches
 * on layer ids. Register a spec in src/map/layers/index.ts (LAYER_SPECS).
 */
import type { Layer } from '@deck.gl/core';
import type { TFunction } from 'i18next';
import type { FlowRecord, PointDatasetId } from '../data/atlas-format.ts';
import type { LayerColumns } from '../data/atlas-data.ts';
import type { DomainId } from '../data/datasets.ts';
import type { AtlasState } from '../state/atlas-state.ts';
import type { Rgba } from './layer-styles.ts';
import type { SupplyChain } from './supply-chain.ts';

/**
 * A filter on one column (point datasets) or field (flows). `param` is the filter's name in the
 * store, the link (`f.<param>`) and the catalog (`filterGroups.<param>`): never rename it once
 * shipped (links carry it); the value labels come from the column's domain.
 */
export interface FilterDecl {
  param: string;
  column: string;
}

/** Parts of a layer's legend key, drawn by src/components/legend-keys.tsx. `title` is a catalog key. */
export type LegendPart =
  | { kind: 'palette'; title: string; domain: DomainId; keys: readonly string[]; palette: Readonly<Record<string, Rgba>>; shape: 'dot' | 'line' }
  | { kind: 'status'; domain: DomainId; keys: readonly string[] }
  | { kind: 'ramp'; title: string; steps: readonly { min: number; color: Rgba }[]; note: { key: string; values: Record<string, number> } }
  | { kind: 'approximate' };

export interface LayerLabels {
  /** the layer's name (catalog key `layers.<id>`) */
  name: string;
  /** filter group legends by param (catalog key `filterGroups.<param>`) */
  filters: Record<string, string>;
}

export interface AggregatePicking {
  deckLayerId: string;
  /** text for a bin, given the layer's mask; null = no tooltip */
  tooltip(object: unknown, mask: Uint8Array, t: TFunction, locale: string): string | null;
  /** the view a click on a bin flies to, or null */
  clickView(object: unknown): { center: [number, number]; zoom: number } | null;
}

export interface LayerBuildContext<TInput> {
  input: TInput;
  state: AtlasState;
  /** rounded zoom, so that layers switching between aggregated and point views rebuild only when needed */
  zoomLevel: number;
}

interface LayerSpecBase<TInput> {
  id: string;
  /** draw order: lower is drawn first (below) */
  order: number;
  /** the layer's colour (legend chip, panel border) */
  color: Rgba;
  defaultVisible: boolean;
  filters: readonly FilterDecl[];
  legend: readonly LegendPart[];
  labels: { en: LayerLabels; es: LayerLabels };
  /** ids of the deck.gl layers it builds that can be picked (hover, click) */
  pickableDeckLayerIds: readonly string[];
  /** an aggregate sublayer (hexagon bins...): its hover text and where a click on a bin zooms to */
  aggregate?: AggregatePicking;
  build(context: LayerBuildContext<TInput>): Layer[];
}

export interface PointLayerInput {
  data: LayerColumns;
  /** one byte per row, 1 = passes the filters (see filters/layer-mask.ts) */
  mask: Uint8Array;
  visible: boolean;
}

export interface FlowLayerInput {
  flows: FlowRecord[];
  /** one byte per flow, 1 = passes the filters (filters/flow-filter.ts) */
  mask: Uint8Array;
  visible: boolean;
  /** highlighted chain (selection), or null */
  chain: SupplyChain | null;
}

/** A layer drawing one point dataset: one row of columns.bin per feature. */
export interface PointLayerSpec extends LayerSpecBase<PointLayerInput> {
  kind: 'points';
  dataset: PointDatasetId;
  /** the category that colours a row (tooltip text): its domain and value */
  symbol: { domain: DomainId; valueAt(data: LayerColumns, row: number): string };
  /** radius in pixels of a row's symbol (the selection ring goes around it) */
  symbolRadius(data: LayerColumns, row: number, zoomLevel: number): number;
  /** listed in place/facility search */
  searchable: boolean;
  /** rows the layer always leaves out, whatever the user's filters (a layer over part of a dataset) */
  where?: readonly { column: string; values: readonly string[] }[];
}

/** A layer drawing the flows dataset (one arc per record). */
export interface FlowLayerSpec extends LayerSpecBase<FlowLayerInput> {
  kind: 'flows';
  dataset: 'flows';
}

export type LayerSpec = PointLayerSpec | FlowLayerSpec;

export function orderSpecs<T extends { order: number }>(specs: readonly T[]): T[] {
  return [...specs].sort((a, b) => a.order - b.order);
}

/**
 * A derived layer over an auxiliary dataset (not a pipeline point dataset): the charging gap draws the
 * `population` points coloured by distance band to the nearest charger passing the chargers' filters, and
 * the candidate sites. It has no filters of its own (the chargers' apply), is switched by the store's `gap`
 * (link `gap=1`), and is registered in DERIVED_LAYER_SPECS (src/map/layers/index.ts), apart from LAYER_SPECS,
 * whose consumers (filters, table, export, statistics) handle point and flow layers.
 */
export interface GapLayerInput {
  points: import('../analysis/gap.ts').PopulationPoints;
  distances: Float64Array;
  candidates: readonly import('../analysis/gap.ts').CandidateSite[];
  visible: boolean;
}

export interface GapLayerSpec extends LayerSpecBase<GapLayerInput> {
  kind: 'gap';
  dataset: 'population';
  /** colour of each distance band (DISTANCE_BANDS_KM, then beyond the last, then no charger) */
  bandColors: readonly Rgba[];
}

export type DerivedLayerSpec = GapLayerSpec;
