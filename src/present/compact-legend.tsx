/**
 * Issue 11: the legend of presentation and embed modes: each visible layer with its symbol chip and
 * count (the same `count-<layer>` elements as the side panel), the state choropleth's classes, and
 * a coverage note where the layer holds less than half of a published reference (Mexico's chargers).
 */
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../data/atlas-format.ts';
import { useManifest } from '../data/queries.ts';
import { useDeferredVisibleCounts } from '../filters/use-layer-masks.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';
import { cssColor } from '../map/layer-styles.ts';
import { useAtlasStore } from '../state/store.ts';
import { ChoroplethLegend } from '../components/choropleth-controls.tsx';
import { LayerCount, coverageSentence } from '../components/layer-section.tsx';
import { CoverageLegend, PolicyLegend } from '../components/governance-legend.tsx';
import { JobsLegend } from '../components/jobs-views.tsx';

export function CompactLegend({ id }: { id?: string }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const layers = useAtlasStore((s) => s.layers);
  const countries = useAtlasStore((s) => s.countries);
  const choropleth = useAtlasStore((s) => s.choropleth);
  // issue 15: a policy or the coverage view takes the choropleth's place; the human capital theme sizes plants by jobs
  const policy = useAtlasStore((s) => s.policy);
  const coverage = useAtlasStore((s) => s.coverage);
  const theme = useAtlasStore((s) => s.theme);
  const manifest = useManifest().data;
  const counts = useDeferredVisibleCounts();
  const shown = LAYER_SPECS.filter((spec) => layers[spec.id] || choropleth === spec.id);
  return (
    <section className="compact-legend" aria-label={t('present.legend')} id={id} data-testid="compact-legend">
      {shown.length > 0 && (
        <ul className="compact-layers">
          {shown.map((spec) => {
            const entry = manifest?.layers[spec.dataset];
            const notes = COUNTRIES.filter((country) => {
              const note = entry?.coverage?.[country];
              return countries.includes(country) && note?.reference && note.mapped < note.reference.value / 2;
            });
            return (
              <li key={spec.id} data-layer={spec.id} style={{ '--layer-color': cssColor(spec.color) } as React.CSSProperties}>
                <span className="compact-layer-line">
                  <span className="layer-chip" aria-hidden="true" />
                  <span className="compact-layer-name">{t(`layers.${spec.id}`)}</span>
                  <LayerCount layer={spec.id} count={counts[spec.id]} total={undefined} />
                </span>
                {entry &&
                  notes.map((country) => (
                    <span key={country} className="compact-coverage" data-partial={country}>
                      {coverageSentence(t, language, spec.id, country, entry.coverage![country]!)}
                    </span>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      {choropleth && !policy && !coverage && <ChoroplethLegend />}
      {policy && !coverage && <PolicyLegend compact />}
      {coverage && <CoverageLegend compact />}
      {theme === 'human' && <JobsLegend />}
    </section>
  );
}
