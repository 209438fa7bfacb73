/**
 * "Show this chain only" (issue 14, link `chain=<facility id>`): the map, the legend counts and everything that reads
 * the layer masks keep only the facilities and flows of one facility's supply chain (upstream and downstream,
 * transitively, src/map/supply-chain.ts). The chain's facilities are found by id in their details chunks, which load
 * on demand; until a chunk has arrived its facilities are not shown yet.
 */
import { useEffect, useMemo } from 'react';
import { POINT_DATASET_IDS, type FlowRecord, type PointDatasetId } from '../data/atlas-format.ts';
import { useFlows, useManifest } from '../data/queries.ts';
import { useDetailRows, type SparseRows } from '../data/detail-rows.ts';
import { useAtlasStore } from '../state/store.ts';
import { datasetOfId, isPointDataset, requestId, resolveIdToIndex } from './selection.ts';
import { supplyChainOf, type SupplyChain } from './supply-chain.ts';

export interface ChainRestriction {
  /** the facility whose chain is shown */
  facilityId: string;
  chain: SupplyChain | null;
  /** rows of each point dataset on the chain (those whose details have loaded) */
  rows: Record<PointDatasetId, Set<number>>;
}

/** Pure: the rows of each point dataset whose record is a node of the chain. */
export function chainRows(chain: SupplyChain | null, details: Partial<Record<PointDatasetId, SparseRows>>): Record<PointDatasetId, Set<number>> {
  const rows = Object.fromEntries(POINT_DATASET_IDS.map((d) => [d, new Set<number>()])) as Record<PointDatasetId, Set<number>>;
  for (const node of chain?.nodes ?? []) {
    const layer = datasetOfId(node);
    if (!isPointDataset(layer)) continue;
    const index = resolveIdToIndex(details[layer] ?? [], node);
    if (index >= 0) rows[layer].add(index);
  }
  return rows;
}

/** Pure: a copy of `mask` keeping only `rows`. */
export function restrictMask(mask: Uint8Array, rows: ReadonlySet<number>): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (const row of rows) if (row < mask.length) out[row] = mask[row]!;
  return out;
}

/** Pure: a copy of the flow mask keeping only the chain's flows. */
export function restrictFlowMask(mask: Uint8Array, flows: readonly FlowRecord[], chain: SupplyChain | null): Uint8Array {
  const out = new Uint8Array(mask.length);
  if (chain) flows.forEach((flow, i) => (out[i] = chain.flows.has(flow.id) ? mask[i]! : 0));
  return out;
}

const NO_ROWS: Partial<Record<PointDatasetId, SparseRows>> = {};

/** The chain the map is filtered to, or null when it is not (`chain=` absent). */
export function useChainRestriction(): ChainRestriction | null {
  const facilityId = useAtlasStore((s) => s.chain);
  const flows = useFlows(facilityId !== null).data;
  const manifest = useManifest().data;
  // subscribed to the loaded details only while a chain is shown
  const details = useDetailRows((s) => (facilityId ? s.rows : NO_ROWS));
  const chain = useMemo(() => (facilityId && flows ? supplyChainOf(flows, facilityId) : null), [facilityId, flows]);
  useEffect(() => {
    for (const node of chain?.nodes ?? []) requestId(manifest, node);
  }, [chain, manifest]);
  return useMemo(() => (facilityId ? { facilityId, chain, rows: chainRows(chain, details) } : null), [facilityId, chain, details]);
}
