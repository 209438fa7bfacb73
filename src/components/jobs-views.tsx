/**
 * Reported jobs (issue 15) in the details panel, the statistics panel and the human capital legend. Always
 * "reported" (a figure a source states for the facility, with its kind, year and source), never estimated.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type DetailRecord, type StateRecord } from '../data/atlas-format.ts';
import { useStates } from '../data/queries.ts';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { cssColor, LAYER_COLORS } from '../map/layer-styles.ts';
import { jobsRadius, NO_FIGURE_LINE } from '../map/layers/jobs-sizing.ts';
import { useAtlasStore } from '../state/store.ts';
import { emptyTally, JOBS_LAYER_IDS, mergeTallies, sumTallies, tallyJobs, type JobsTally } from '../analysis/jobs.ts';
import { formatInteger, safeHref } from './format.ts';
import { decodeOtherJobsFigure } from '../data/jobs-figure.ts';
import '../styles/governance.css';

/** Detail attributes of the jobs figure, shown together by JobsDetails rather than as plain attributes. */
export const JOBS_ATTRIBUTES: readonly string[] = ['jobs', 'jobsKind', 'jobsYear', 'jobsSourceUrl', 'jobsOther'];

/** Tallies of the plants passing the filters, per layer and for both, by state and by country. */
export function useJobsTallies() {
  const { columns, masks } = useLayerMasks();
  return useMemo(() => {
    const perLayer: Partial<Record<(typeof JOBS_LAYER_IDS)[number], ReturnType<typeof tallyJobs>>> = {};
    const byState = new Map<string, JobsTally>();
    const byCountry = new Map<string, JobsTally>();
    for (const id of JOBS_LAYER_IDS) {
      const data = columns[id];
      const mask = masks[id];
      if (!data || !mask) continue;
      const tally = tallyJobs(data, mask);
      perLayer[id] = tally;
      mergeTallies(byState, tally.byState);
      mergeTallies(byCountry, tally.byCountry);
    }
    return { perLayer, byState, byCountry, loaded: Object.keys(perLayer).length > 0 };
  }, [columns, masks]);
}

/** The jobs figure of a plant in the details panel: value, "reported", kind, year and source; or "no reported figure". */
export function JobsDetails({ record }: { record: DetailRecord }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const attributes = record.attributes ?? {};
  if (!('jobs' in attributes)) return null;
  const jobs = typeof attributes.jobs === 'number' && Number.isFinite(attributes.jobs) ? attributes.jobs : null;
  const kind = typeof attributes.jobsKind === 'string' ? attributes.jobsKind : null;
  const year = typeof attributes.jobsYear === 'number' || typeof attributes.jobsYear === 'string' ? String(attributes.jobsYear) : null;
  const source = typeof attributes.jobsSourceUrl === 'string' ? attributes.jobsSourceUrl : null;
  const href = safeHref(source);
  const others = Array.isArray(attributes.jobsOther) ? attributes.jobsOther.filter((item): item is string => typeof item === 'string') : [];
  const describeOther = (text: string) => {
    const figure = decodeOtherJobsFigure(text);
    if (!figure) return text;
    return [`${formatInteger(figure.jobs, language)} ${t(`jobs.kind.${figure.kind}`)}`, figure.year, figure.source].filter((part) => part !== null).join(' · ');
  };
  return (
    <div className="details-jobs" data-testid="details-jobs" data-jobs={jobs ?? ''} data-kind={kind ?? ''}>
      <dl className="details-attributes">
        <div className="details-row" data-attribute="jobs">
          <dt>{t('jobs.label')}</dt>
          <dd>
            {jobs === null ? (
              t('jobs.noFigure')
            ) : (
              <>
                {t('jobs.value', { value: formatInteger(jobs, language) })}
                {kind && <> · {t(`jobs.kind.${kind}`, { defaultValue: kind })}</>}
                {year && <> · {year}</>}
                {source && (
                  <>
                    {' · '}
                    {href ? (
                      <a href={href} rel="noopener noreferrer" target="_blank">
                        {t('jobs.source')}
                      </a>
                    ) : (
                      <span>{t('jobs.sourceId', { id: source })}</span>
                    )}
                  </>
                )}
              </>
            )}
          </dd>
        </div>
      </dl>
      {others.length > 0 && <p className="legend-note">{t('jobs.others', { figures: others.map(describeOther).join('; ') })}</p>}
      <p className="jobs-note">{t('jobs.reportedNote')}</p>
    </div>
  );
}

function Circle({ radius, hollow, color }: { radius: number; hollow?: boolean; color?: string }) {
  const size = Math.ceil(radius * 2 + 4);
  return (
    <svg width={size} height={size} aria-hidden="true" className="jobs-circle">
      <circle
        cx={size / 2}
        cy={size / 2}
        r={radius}
        fill={hollow ? 'none' : (color ?? '#6b6b6b')}
        fillOpacity={hollow ? 0 : 0.6}
        stroke={hollow ? cssColor(NO_FIGURE_LINE) : (color ?? '#333')}
        strokeWidth={1.5}
      />
    </svg>
  );
}

const LEGEND_JOBS = [100, 1000, 5000] as const;

/** The legend of the human capital theme: circle sizes, colours per layer and how many plants report no figure. */
export function JobsLegend() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const { perLayer, loaded } = useJobsTallies();
  return (
    <div className="jobs-legend" data-testid="jobs-legend">
      <p className="legend-key-title">{t('jobs.legendTitle')}</p>
      <ul className="legend-key jobs-sizes">
        {LEGEND_JOBS.map((jobs) => (
          <li key={jobs}>
            <Circle radius={jobsRadius(jobs)} />
            <span>{formatInteger(jobs, language)}</span>
          </li>
        ))}
        <li>
          <Circle radius={jobsRadius(null)} hollow />
          <span>{t('jobs.noFigureShort')}</span>
        </li>
      </ul>
      {loaded &&
        JOBS_LAYER_IDS.map((id) => {
          const sum = sumTallies(perLayer[id]?.byCountry.values() ?? []);
          return (
            <p key={id} className="legend-note" data-layer={id} data-reported={sum.reported} data-facilities={sum.facilities} data-without={sum.withoutFigure}>
              <span className="swatch swatch-dot" style={{ backgroundColor: cssColor(LAYER_COLORS[id]) }} aria-hidden="true" />{' '}
              {t('jobs.layerLine', {
                layer: t(`layers.${id}`),
                jobs: formatInteger(sum.reported, language),
                facilities: formatInteger(sum.facilities, language),
                without: formatInteger(sum.withoutFigure, language),
              })}
            </p>
          );
        })}
      <p className="legend-note">{t('jobs.legendNote')}</p>
    </div>
  );
}

function stateName(state: StateRecord | undefined, code: string, language: 'en' | 'es'): string {
  if (!state) return code;
  return language === 'es' ? state.nameEs : state.nameEn;
}

/** Reported jobs per state in the statistics panel (the plants passing the filters). */
export function JobsStats() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const countries = useAtlasStore((s) => s.countries);
  const states = useStates().data;
  const { byState, byCountry, loaded } = useJobsTallies();
  const statesByCode = useMemo(() => new Map((states ?? []).map((state) => [state.code, state])), [states]);
  const rows = [...byState.entries()].filter(([code, tally]) => code !== 'unknown' && tally.facilities > 0).sort((a, b) => b[1].reported - a[1].reported);
  const withoutAnywhere = [...byState.values()].reduce((sum, tally) => sum + tally.withoutFigure, 0);
  return (
    <section className="stats-section jobs-stats" data-testid="jobs-stats" aria-labelledby="jobs-stats-heading">
      <h3 id="jobs-stats-heading">{t('jobs.statsHeading')}</h3>
      <p className="legend-note">{t('jobs.statsNote')}</p>
      {!loaded ? (
        <p className="legend-note">{t('jobs.loading')}</p>
      ) : (
        <>
          <ul className="jobs-country-totals">
            {COUNTRIES.filter((country) => countries.includes(country)).map((country) => {
              const tally = byCountry.get(country) ?? emptyTally();
              return (
                <li key={country} data-country={country} data-reported={tally.reported} data-facilities={tally.facilities} data-without={tally.withoutFigure}>
                  {t('jobs.countryLine', {
                    country: t(`countries.${country}`),
                    jobs: formatInteger(tally.reported, language),
                    facilities: formatInteger(tally.facilities, language),
                    without: formatInteger(tally.withoutFigure, language),
                  })}
                </li>
              );
            })}
          </ul>
          {rows.length === 0 ? (
            <p className="legend-note" data-testid="jobs-none">
              {t('jobs.noneReported', { without: formatInteger(withoutAnywhere, language) })}
            </p>
          ) : (
            <table className="profile-table jobs-table">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.state')}</th>
                  <th scope="col">{t('jobs.reportedColumn')}</th>
                  <th scope="col">{t('jobs.facilitiesColumn')}</th>
                  <th scope="col">{t('jobs.withoutColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([code, tally]) => (
                  <tr key={code} data-state={code} data-reported={tally.reported} data-facilities={tally.facilities} data-without={tally.withoutFigure}>
                    <th scope="row">{stateName(statesByCode.get(code), code, language)}</th>
                    <td>{formatInteger(tally.reported, language)}</td>
                    <td>{formatInteger(tally.facilities, language)}</td>
                    <td>{formatInteger(tally.withoutFigure, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
