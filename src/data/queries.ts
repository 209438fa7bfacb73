import { queryOptions, useQuery } from '@tanstack/react-query';
import { STATES_DATASET_ID, type AtlasManifest, type PointDatasetId } from './atlas-format.ts';
import { DataUnavailableError, fetchFlows, fetchStates, fetchLayerColumns, fetchLayerDetails, fetchManifest } from './atlas-data.ts';

/** A missing or incompatible file will not appear by retrying; a dropped connection may. */
function retryOnce(failureCount: number, error: Error): boolean {
  return failureCount < 1 && !(error instanceof DataUnavailableError && (error.status === 404 || error.status === undefined));
}

/** Generated files never change while the page is open: fetch once, keep forever. */
const STATIC = { staleTime: Infinity, gcTime: Infinity, retry: retryOnce } as const;

export function useManifest() {
  return useQuery({ queryKey: ['manifest'], queryFn: fetchManifest, ...STATIC });
}

export function columnsQuery(manifest: AtlasManifest | undefined, dataset: PointDatasetId) {
  return queryOptions({
    queryKey: ['columns', dataset],
    queryFn: () => fetchLayerColumns(manifest!, dataset),
    enabled: !!manifest,
    ...STATIC,
  });
}

/** Names, addresses and sources of a whole dataset: loaded only when a panel needs them. */
export function detailsQuery(manifest: AtlasManifest | undefined, dataset: PointDatasetId) {
  return queryOptions({
    queryKey: ['details', dataset],
    queryFn: () => fetchLayerDetails(manifest!, dataset),
    enabled: !!manifest,
    ...STATIC,
  });
}

export function useFlows(enabled = true) {
  const manifest = useManifest().data;
  return useQuery({ queryKey: ['flows'], queryFn: () => fetchFlows(manifest!), enabled: enabled && !!manifest, ...STATIC });
}

/** The states auxiliary dataset (population, area, registrations, published figures), or undefined when the build has none. */
export function useStates(enabled = true) {
  const manifest = useManifest().data;
  const file = manifest?.auxiliary?.[STATES_DATASET_ID]?.files.data;
  return useQuery({
    queryKey: ['auxiliary', STATES_DATASET_ID, file],
    queryFn: () => fetchStates(file!, manifest),
    enabled: enabled && !!file,
    ...STATIC,
  });
}
