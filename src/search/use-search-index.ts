import { useMemo } from 'react';
import { useFlows, useLayerDetails } from '../data/queries.ts';
import { useCityNames, useStateNames } from './basemap-names.ts';
import { buildSearchIndex, searchEntries, type SearchIndex } from './search-index.ts';

/** The search index, loading its names only once `enabled` (the search box was focused). Rebuilt as sources arrive. */
export function useSearchIndex(enabled: boolean): { index: SearchIndex | null; loading: boolean } {
  const states = useStateNames(enabled);
  const cities = useCityNames(enabled);
  const minerals = useLayerDetails('minerals', enabled);
  const battery = useLayerDetails('battery-plants', enabled);
  const assembly = useLayerDetails('assembly-plants', enabled);
  const flows = useFlows(enabled);
  const index = useMemo(() => {
    if (!enabled) return null;
    return buildSearchIndex(
      searchEntries({
        states: states.data,
        cities: cities.data,
        facilities: { minerals: minerals.data, 'battery-plants': battery.data, 'assembly-plants': assembly.data },
        flows: flows.data,
      }),
    );
  }, [enabled, states.data, cities.data, minerals.data, battery.data, assembly.data, flows.data]);
  const loading = enabled && [states, cities, minerals, battery, assembly, flows].some((q) => q.isLoading);
  return { index, loading };
}
