import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFlows, useLayerDetails } from '../data/queries.ts';
import { useCityNames, useStateNames } from './basemap-names.ts';
import type { SearchIndex } from './search-index.ts';

/** The search code (minisearch) is not part of the first view: it loads with the first focus of the search box. */
function useSearchModule(enabled: boolean) {
  return useQuery({ queryKey: ['search-module'], queryFn: () => import('./search-index.ts'), enabled, staleTime: Infinity, gcTime: Infinity });
}

/** The search index, loading its names only once `enabled` (the search box was focused). Rebuilt as sources arrive. */
export function useSearchIndex(enabled: boolean): { index: SearchIndex | null; loading: boolean } {
  const searchModule = useSearchModule(enabled);
  const states = useStateNames(enabled);
  const cities = useCityNames(enabled);
  const minerals = useLayerDetails('minerals', enabled);
  const battery = useLayerDetails('battery-plants', enabled);
  const assembly = useLayerDetails('assembly-plants', enabled);
  const flows = useFlows(enabled);
  const index = useMemo(() => {
    const search = searchModule.data;
    if (!enabled || !search) return null;
    return search.buildSearchIndex(
      search.searchEntries({
        states: states.data,
        cities: cities.data,
        facilities: { minerals: minerals.data, 'battery-plants': battery.data, 'assembly-plants': assembly.data },
        flows: flows.data,
      }),
    );
  }, [enabled, searchModule.data, states.data, cities.data, minerals.data, battery.data, assembly.data, flows.data]);
  const loading = enabled && [searchModule, states, cities, minerals, battery, assembly, flows].some((q) => q.isLoading);
  return { index, loading };
}
