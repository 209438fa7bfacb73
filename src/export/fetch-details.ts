/** Loads a layer's details with download progress (the chargers' details are ~20 MB), sharing the react-query cache. */
import type { QueryClient } from '@tanstack/react-query';
import { dataUrl, DataUnavailableError } from '../data/atlas-data.ts';
import type { AtlasManifest, DetailRecord, PointLayerId } from '../data/atlas-format.ts';

export async function fetchJsonWithProgress<T>(url: string, expectedBytes: number | undefined, onProgress: (fraction: number | null) => void): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new DataUnavailableError(`${url}: HTTP ${response.status}`, response.status);
  const total = Number(response.headers.get('content-length')) || expectedBytes || 0;
  const reader = response.body?.getReader();
  if (!reader) {
    onProgress(null);
    return (await response.json()) as T;
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(total > 0 ? Math.min(1, received / total) : null);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

export function loadLayerDetails(queryClient: QueryClient, manifest: AtlasManifest, layer: PointLayerId, onProgress: (fraction: number | null) => void): Promise<DetailRecord[]> {
  const file = manifest.layers[layer]?.files.details;
  if (!file) return Promise.reject(new DataUnavailableError(`${layer}: no details file`));
  const cached = queryClient.getQueryData<DetailRecord[]>(['details', layer]);
  if (cached) return Promise.resolve(cached);
  return queryClient.fetchQuery({
    queryKey: ['details', layer],
    queryFn: () => fetchJsonWithProgress<DetailRecord[]>(dataUrl(file), manifest.layers[layer].files.bytes?.[file], onProgress),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
