import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { DetailRecord, PointDatasetId } from '../data/atlas-format.ts';
import { detailsQuery, useFlows, useManifest } from '../data/queries.ts';
import { POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { useCityNames, useStateNames } from './basemap-names.ts';
import type { SearchIndex } from './search-index.ts';

/** The search code (minisearch) is not part of the first view: it loads with the first focus of the search box. */
function useSearchModule(enabled: boolean) {
  return useQuery({ queryKey: ['search-module'], queryFn: () => import('./search-index.ts'), enabled, staleTime: Infinity, gcTime: Infinity });
}

/** Datasets of the layers whose features are listed in search. */
const SEARCHABLE_DATASETS: readonly PointDatasetId[] = POINT_LAYER_SPECS.filter((spec) => spec.searchable).map((spec) => spec.dataset);

function recordsByDataset(results: readonly { data?: DetailRecord[] | undefined; isLoading: boolean }[]) {
  const records: Partial<Record<PointDatasetId, readonly DetailRecord[]>> = {};
  SEARCHABLE_DATASETS.forEach((dataset, i) => {
    const data = results[i]?.data;
    if (data) records[dataset] = data;
  });
  return { records, loading: results.some((result) => result.isLoading) };
}

/** The search index, loading its names only once `enabled` (the search box was focused). Rebuilt as sources arrive. */
export function useSearchIndex(enabled: boolean): { index: SearchIndex | null; loading: boolean } {
  const searchModule = useSearchModule(enabled);
  const states = useStateNames(enabled);
  const cities = useCityNames(enabled);
  const manifest = useManifest().data;
  const facilities = useQueries({
    queries: SEARCHABLE_DATASETS.map((dataset) => ({ ...detailsQuery(manifest, dataset), enabled: enabled && !!manifest })),
    combine: recordsByDataset,
  });
  const flows = useFlows(enabled);
  const index = useMemo(() => {
    const search = searchModule.data;
    if (!enabled || !search) return null;
    return search.buildSearchIndex(
      search.searchEntries({
        states: states.data,
        cities: cities.data,
        facilities: facilities.records,
        flows: flows.data,
      }),
    );
  }, [enabled, searchModule.data, states.data, cities.data, facilities.records, flows.data]);
  const loading = enabled && (facilities.loading || [searchModule, states, cities, flows].some((q) => q.isLoading));
  return { index, loading };
}
