/**
 * The state choropleth: classes and colours for the chosen layer and measure under the current
 * filters (recomputed from the masks, no data rebuilt), the fills the basemap draws, and the hover
 * text and click action of a state.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Country } from '../data/atlas-format.ts';
import { cssColor } from '../map/layer-styles.ts';
import type { StateFills } from '../map/basemap-style.ts';
import { useAtlasStore } from '../state/store.ts';
import { STATE_SELECTION_PREFIX } from '../map/selection.ts';
import { formatMeasure } from './format-measure.ts';
import { colorOfClass, type ClassBreaks } from './class-colors.ts';
import type { StateValue } from './state-measures.ts';
import { useStateValues } from './use-state-values.ts';
import { useStateViewBinding } from './use-state-view.ts';

export interface Choropleth {
  layerId: string;
  breaks: ClassBreaks | null;
  values: StateValue[];
  fills: StateFills;
}

/** The choropleth of the current state (null when none is chosen or the states dataset is missing). */
export function useChoroplethData(): Choropleth | null {
  const layerId = useAtlasStore((s) => s.choropleth);
  const measure = useAtlasStore((s) => s.measure);
  const countries = useAtlasStore((s) => s.countries);
  const { values } = useStateValues(layerId, measure);
  // the classing code (d3) is not part of the first view: it loads with the first choropleth
  const classes = useQuery({
    queryKey: ['classes-module'],
    queryFn: () => import('./classes.ts'),
    enabled: layerId !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
  return useMemo(() => {
    if (!layerId || !values || !classes) return null;
    const { classOf, quantileBreaks } = classes;
    const shown = values.filter((v) => (countries as readonly Country[]).includes(v.state.country));
    const breaks = quantileBreaks(shown.map((v) => v.value));
    const colors: Record<string, string> = {};
    for (const v of shown) {
      const index = classOf(breaks, v.value);
      if (index !== -2) colors[v.state.code] = cssColor(colorOfClass(breaks, index));
    }
    return { layerId, breaks, values: shown, fills: { colors } };
  }, [layerId, values, countries, classes]);
}

/** What the map needs to draw the choropleth and answer hover and click on a state. */
export function useChoroplethBinding() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const measure = useAtlasStore((s) => s.measure);
  const choropleth = useChoroplethData();
  // issue 15: a policy or the coverage view takes the place of the layer choropleth
  const stateView = useStateViewBinding();
  return useMemo(() => {
    if (stateView) return stateView;
    if (!choropleth) return null;
    const byCode = new Map(choropleth.values.map((v) => [v.state.code, v]));
    const countInCountry = (country: string) => choropleth.values.filter((v) => v.state.country === country && v.value !== null).length;
    return {
      fills: choropleth.fills,
      tooltip: (code: string) => {
        const v = byCode.get(code);
        if (!v) return null;
        const name = language === 'es' ? v.state.nameEs : v.state.nameEn;
        const value = v.value === null ? t('choropleth.noData') : formatMeasure(measure, v.value, language);
        const lines = [t('choropleth.tooltip', { state: name, value }), t(`measures.${measure}`)];
        if (v.rankInCountry !== null) {
          lines.push(t('choropleth.tooltipRank', { rank: v.rankInCountry, of: countInCountry(v.state.country), country: t(`countries.${v.state.country}`) }));
        }
        lines.push(t('choropleth.tooltipOpen'));
        return lines.join('\n');
      },
      onClick: (code: string) => useAtlasStore.getState().select(`${STATE_SELECTION_PREFIX}${code}`),
    };
  }, [choropleth, stateView, language, measure, t]);
}
