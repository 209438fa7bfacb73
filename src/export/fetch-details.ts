/** Loads a layer's details for an export, with progress per chunk, sharing the react-query cache. */
import type { QueryClient } from '@tanstack/react-query';
import { fetchLayerDetails } from '../data/atlas-data.ts';
import type { AtlasManifest, DetailRecord, PointDatasetId } from '../data/atlas-format.ts';

export function loadLayerDetails(
  queryClient: QueryClient,
  manifest: AtlasManifest,
  layer: PointDatasetId,
  onProgress: (fraction: number | null) => void,
): Promise<DetailRecord[]> {
  const cached = queryClient.getQueryData<DetailRecord[]>(['details', layer]);
  if (cached) return Promise.resolve(cached);
  return queryClient.fetchQuery({
    queryKey: ['details', layer],
    queryFn: () => fetchLayerDetails(manifest, layer, onProgress),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
