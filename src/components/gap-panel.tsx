/**
 * The charging-gap tab (issue 10): the gap layer on/off, R, the charger filters that apply (country, level,
 * network), the summary (people beyond R km per country and both, all chargers and DC fast only), the states
 * with the largest gaps, the candidate sites, the US ports scenario, the legend, what the figures rest on,
 * and the CSV/citations export. Everything it shows follows the store (and so the link: gap=1, r=).
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country, type StateRecord } from '../data/atlas-format.ts';
import { useManifest, useStates } from '../data/queries.ts';
import { filterOption } from '../filters/filter-options.ts';
import { useLayerMasks } from '../filters/use-layer-masks.ts';
import { GAP_RADII_KM, type GapRadiusKm } from '../analysis/gap-constants.ts';
import type { GapFigure } from '../analysis/gap.ts';
import { NREL_2030_PORTS_PER_1000_EV } from '../analysis/gap-constants.ts';
import { useGapAnalysis, usePopulationNames, type GapAnalysis } from '../analysis/use-gap.ts';
import { gapLegendBands } from '../map/layers/gap.ts';
import { cssColor } from '../map/layer-styles.ts';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';
import { AttributeFilter } from './attribute-filter.tsx';
import { CountryFilter } from './filter-controls.tsx';
import { formatInteger, formatNumber } from './format.ts';
import { filtersInForceText } from './stats/stats-model.ts';
import type { GapCsvRow } from './gap/gap-export.ts';
import { registerCatalog } from '../i18n/i18n.ts';
import { gapCatalog } from '../i18n/catalog-gap.ts';

// issue 13: the tab's strings load with the tab, not with the first view
registerCatalog(gapCatalog);

const TOP_STATES = 10;

function formatShare(share: number | null, language: Language): string {
  if (share === null) return '–';
  const pct = share * 100;
  return `${formatNumber(pct, language, pct >= 10 || pct === 0 ? 0 : 1)} %`;
}

function kmText(km: number, language: Language): string {
  return formatNumber(km, language, 1);
}

/** Ports needed in 2030 (scenario) per US state, beside the DC fast sites mapped under the filters. */
function usePortsScenario(states: StateRecord[] | undefined) {
  const { columns, masks } = useLayerMasks();
  return useMemo(() => {
    const chargers = columns.chargers;
    const mask = masks.chargers;
    if (!states || !chargers || !mask) return [];
    const level = chargers.columns.level;
    const state = chargers.columns.state;
    const ports = chargers.columns.ports?.values ?? null;
    const mapped = new Map<string, { sites: number; ports: number; withPorts: number }>();
    if (level && state) {
      const bit = (level.spec.categories ?? []).indexOf('DC');
      const codes = state.spec.categories ?? [];
      for (let row = 0; row < chargers.rowCount; row++) {
        if (!mask[row] || bit < 0 || !(level.values[row]! & (1 << bit))) continue;
        const code = codes[state.values[row]!] ?? 'unknown';
        const entry = mapped.get(code) ?? { sites: 0, ports: 0, withPorts: 0 };
        entry.sites++;
        const p = ports ? ports[row]! : NaN;
        if (Number.isFinite(p)) {
          entry.ports += p;
          entry.withPorts++;
        }
        mapped.set(code, entry);
      }
    }
    return states
      .filter((s) => s.country === 'US' && s.bevRegistrations2023 != null)
      .map((s) => {
        const bev = s.bevRegistrations2023!;
        const m = mapped.get(s.code) ?? { sites: 0, ports: 0, withPorts: 0 };
        return {
          state: s,
          bev,
          dcNeeded: Math.round((bev * NREL_2030_PORTS_PER_1000_EV.dc) / 1000),
          l2Needed: Math.round((bev * NREL_2030_PORTS_PER_1000_EV.l2) / 1000),
          dcSites: m.sites,
          dcPorts: m.withPorts > 0 ? m.ports : null,
        };
      })
      .sort((a, b) => b.dcNeeded - a.dcNeeded);
  }, [states, columns, masks]);
}

export function GapPanel() {
  const { t } = useTranslation();
  const id = useId();
  const language = useAtlasStore((s) => s.language);
  const gapOn = useAtlasStore((s) => s.gap);
  const radiusKm = useAtlasStore((s) => s.gapRadiusKm);
  const countries = useAtlasStore((s) => s.countries);
  const filters = useAtlasStore((s) => s.filters);
  const setGap = useAtlasStore((s) => s.setGap);
  const setGapRadius = useAtlasStore((s) => s.setGapRadius);
  const manifest = useManifest().data;
  const states = useStates().data;
  const { analysis, loading, missing } = useGapAnalysis();
  const names = usePopulationNames(true);
  const ports = usePortsScenario(states);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const levelOption = filterOption('chargerLevel');
  const networkOption = filterOption('chargerNetwork');
  const stateByCode = useMemo(() => new Map((states ?? []).map((s) => [s.code, s])), [states]);
  const stateName = (code: string) => {
    const s = stateByCode.get(code);
    return s ? (language === 'es' ? s.nameEs : s.nameEn) : code;
  };
  const km = kmText(radiusKm, language);

  const topStates = useMemo(() => {
    if (!analysis) return [];
    return [...analysis.result.figures.byState.entries()]
      .filter(([code, f]) => code !== 'unknown' && f.share !== null)
      .sort((a, b) => b[1].share! - a[1].share! || b[1].beyond - a[1].beyond || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_STATES);
  }, [analysis]);

  const download = async (format: 'csv' | 'citations') => {
    if (!analysis) return;
    setExportMessage(null);
    try {
      const [{ downloadText }, { exportFileName }, { gapCsv, gapCitations }] = await Promise.all([
        import('../export/download.ts'),
        import('../export/export-data.ts'),
        import('./gap/gap-export.ts'),
      ]);
      const scope = filtersInForceText(countries, filters);
      if (format === 'csv') {
        const file = exportFileName('charging-gap.csv');
        downloadText(file, gapCsv(gapCsvRows(analysis, stateName, names, ports), scope.join('; ') || 'none'), 'text/csv;charset=utf-8');
        setExportMessage(t('gap.export.done', { file }));
      } else {
        const file = exportFileName('charging-gap-citations.txt');
        const context = { atlasUrl: window.location.href, exportedAt: new Date().toISOString(), scope: scope.length ? scope : ['no filter'], radiusKm };
        downloadText(file, gapCitations(manifest, context), 'text/plain;charset=utf-8');
        setExportMessage(t('gap.export.done', { file }));
      }
    } catch (error) {
      setExportMessage(t('gap.export.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const countryRows: { key: string; label: string; all: GapFigure | undefined; dc: GapFigure | undefined }[] = analysis
    ? [
        ...COUNTRIES.filter((c) => countries.includes(c)).map((c) => ({
          key: c,
          label: t(`countries.${c}`),
          all: analysis.result.figures.byCountry.get(c),
          dc: analysis.dcFast.figures.byCountry.get(c),
        })),
        { key: 'both', label: t('gap.summary.both'), all: analysis.result.figures.total, dc: analysis.dcFast.figures.total },
      ]
    : [];

  return (
    <div className="gap-panel" data-testid="gap-panel">
      <section className="panel-section" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('gap.heading')}</h2>
        <p className="legend-note">{t('gap.intro')}</p>
        <label className="radio-row">
          <input type="checkbox" data-testid="gap-toggle" checked={gapOn} onChange={(event) => setGap(event.currentTarget.checked)} />
          <span>{t('gap.toggle')}</span>
        </label>
        <fieldset className="measure-choice" data-testid="gap-radius">
          <legend>{t('gap.radius')}</legend>
          {GAP_RADII_KM.map((r) => (
            <label key={r} className="radio-row">
              <input
                type="radio"
                name={`${id}-radius`}
                value={r}
                data-testid={`gap-radius-${r}`}
                checked={radiusKm === r}
                onChange={() => setGapRadius(r as GapRadiusKm)}
              />
              <span>
                {t('gap.radiusOption', { km: kmText(r, language) })} <span className="legend-note">({t(`gap.radiusHint.r${String(r).replace('.', '_')}`)})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <details className="gap-filters">
          <summary>{t('gap.filtersHeading')}</summary>
          <CountryFilter />
          {levelOption && <AttributeFilter option={levelOption} />}
          {networkOption && <AttributeFilter option={networkOption} />}
        </details>
        {missing && <p className="filter-warning">{t('gap.missing')}</p>}
        {loading && <p className="legend-note">{t('gap.loading')}</p>}
        {analysis && (
          <p className="legend-note" data-testid="gap-computed" data-ms={analysis.ms.toFixed(1)}>
            {t('gap.computed', {
              points: formatInteger(analysis.points.rowCount, language),
              chargers: formatInteger(analysis.result.visibleChargers, language),
              ms: formatNumber(analysis.ms, language, 0),
            })}
          </p>
        )}
        {analysis && analysis.result.visibleChargers === 0 && <p className="filter-warning">{t('gap.noChargers')}</p>}
        <GapLegend />
      </section>

      {analysis && (
        <section className="panel-section" aria-labelledby={`${id}-summary`}>
          <h2 id={`${id}-summary`}>{t('gap.summary.heading', { km })}</h2>
          <div className="state-table-scroll">
            <table className="state-table" data-testid="gap-summary">
              <caption>{t('gap.summary.caption', { km })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gap.summary.area')}</th>
                  <th scope="col">{t('gap.summary.beyond', { km })}</th>
                  <th scope="col">{t('gap.summary.share')}</th>
                  <th scope="col">{t('gap.summary.dcShare')}*</th>
                </tr>
              </thead>
              <tbody>
                {countryRows.map((row) => (
                  <tr key={row.key} data-area={row.key} data-beyond={row.all?.beyond ?? ''} data-share={row.all?.share ?? ''} data-dc-share={row.dc?.share ?? ''}>
                    <th scope="row">{row.label}</th>
                    <td>
                      {row.all ? formatInteger(row.all.beyond, language) : '–'}
                      <span className="legend-note"> / {row.all ? formatInteger(row.all.population, language) : '–'}</span>
                    </td>
                    <td>{formatShare(row.all?.share ?? null, language)}</td>
                    <td>{formatShare(row.dc?.share ?? null, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="legend-note">* {t('gap.summary.dcNote')}</p>
        </section>
      )}

      {analysis && topStates.length > 0 && (
        <section className="panel-section" aria-labelledby={`${id}-states`}>
          <h2 id={`${id}-states`}>{t('gap.states.heading')}</h2>
          <div className="state-table-scroll">
            <table className="state-table" data-testid="gap-states">
              <caption>{t('gap.states.caption', { count: topStates.length, km })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gap.states.state')}</th>
                  <th scope="col">{t('gap.summary.beyond', { km })}</th>
                  <th scope="col">{t('gap.summary.share')}</th>
                </tr>
              </thead>
              <tbody>
                {topStates.map(([code, figure]) => (
                  <tr key={code} data-state={code} data-share={figure.share ?? ''}>
                    <th scope="row">{stateName(code)}</th>
                    <td>{formatInteger(figure.beyond, language)}</td>
                    <td>{formatShare(figure.share, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {analysis && (
        <section className="panel-section" aria-labelledby={`${id}-candidates`}>
          <h2 id={`${id}-candidates`}>{t('gap.candidates.heading')}</h2>
          <p className="legend-note">{t('gap.candidates.intro', { km })}</p>
          {analysis.result.candidates.length === 0 ? (
            <p className="legend-note" data-testid="gap-candidates-none">
              {t('gap.candidates.none', { km })}
            </p>
          ) : (
            <div className="state-table-scroll">
              <table className="state-table" data-testid="gap-candidates">
                <caption>{t('gap.candidates.caption', { count: analysis.result.candidates.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gap.candidates.rank')}</th>
                    <th scope="col">{t('gap.candidates.place')}</th>
                    <th scope="col">{t('gap.candidates.newly')}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.result.candidates.map((c) => (
                    <tr key={c.row} data-rank={c.rank} data-newly={c.newlyCovered}>
                      <td>{c.rank}</td>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => useAtlasStore.getState().flyTo({ center: [c.lon, c.lat], zoom: Math.max(6, useAtlasStore.getState().view.zoom) })}
                        >
                          {names ? names[c.row] || '–' : t('gap.candidates.namesLoading')}
                        </button>
                        <span className="legend-note">, {stateName(c.state)}</span>
                      </th>
                      <td>{formatInteger(c.newlyCovered, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {ports.length > 0 && (
        <section className="panel-section" aria-labelledby={`${id}-ports`}>
          <h2 id={`${id}-ports`}>{t('gap.ports.heading')}</h2>
          <p className="legend-note">{t('gap.ports.intro')}</p>
          <details data-testid="gap-ports">
            <summary>{t('gap.ports.show')}</summary>
            <div className="state-table-scroll">
              <table className="state-table">
                <caption>{t('gap.ports.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gap.states.state')}</th>
                    <th scope="col">{t('gap.ports.bev')}</th>
                    <th scope="col">{t('gap.ports.dcNeeded')}</th>
                    <th scope="col">{t('gap.ports.l2Needed')}</th>
                    <th scope="col">{t('gap.ports.dcMapped')}</th>
                    <th scope="col">{t('gap.ports.dcPorts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ports.map((p) => (
                    <tr key={p.state.code} data-state={p.state.code}>
                      <th scope="row">{language === 'es' ? p.state.nameEs : p.state.nameEn}</th>
                      <td>{formatInteger(p.bev, language)}</td>
                      <td>{formatInteger(p.dcNeeded, language)}</td>
                      <td>{formatInteger(p.l2Needed, language)}</td>
                      <td>{formatInteger(p.dcSites, language)}</td>
                      <td>{p.dcPorts === null ? '–' : formatInteger(p.dcPorts, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      )}

      <section className="panel-section" aria-labelledby={`${id}-rests`}>
        <h2 id={`${id}-rests`}>{t('gap.rests.heading')}</h2>
        <ul className="legend-note gap-rests" data-testid="gap-rests">
          <li>{t('gap.rests.distance')}</li>
          <li>{t('gap.rests.population')}</li>
          {(countries as readonly Country[]).includes('US') && <li>{t('gap.rests.chargersUS')}</li>}
          {(countries as readonly Country[]).includes('MX') && <li>{t('gap.rests.chargersMX')}</li>}
          {countries.length > 1 && <li>{t('gap.rests.border')}</li>}
        </ul>
        <div className="button-row">
          <button type="button" className="button" data-testid="gap-export-csv" disabled={!analysis} onClick={() => void download('csv')}>
            {t('gap.export.csv')}
          </button>
          <button type="button" className="button secondary" disabled={!analysis} onClick={() => void download('citations')}>
            {t('gap.export.citations')}
          </button>
        </div>
        {exportMessage && (
          <p className="legend-note" role="status">
            {exportMessage}
          </p>
        )}
      </section>
    </div>
  );
}

/** The distance bands with their colours, the circle size and the candidate marker. */
export function GapLegend() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <div className="gap-legend" data-testid="gap-legend">
      <p className="legend-key-title">{t('gap.legend.heading')}</p>
      <ul className="legend-list">
        {gapLegendBands().map((band, i) => (
          <li key={i}>
            <span className="swatch swatch-dot" style={{ backgroundColor: cssColor(band.color) }} aria-hidden="true" />{' '}
            {band.none
              ? t('gap.legend.none')
              : band.from === null
                ? t('gap.legend.first', { to: kmText(band.to!, language) })
                : band.to === null
                  ? t('gap.legend.last', { from: kmText(band.from, language) })
                  : t('gap.legend.band', { from: kmText(band.from, language), to: kmText(band.to, language) })}
          </li>
        ))}
      </ul>
      <p className="legend-note">{t('gap.legend.size')}</p>
      <p className="legend-note">{t('gap.legend.candidate')}</p>
    </div>
  );
}

function gapCsvRows(analysis: GapAnalysis, stateName: (code: string) => string, names: string[] | undefined, ports: ReturnType<typeof usePortsScenario>): GapCsvRow[] {
  const r = analysis.radiusKm;
  const rows: GapCsvRow[] = [];
  const figureRow = (section: string, code: string, label: string, country: string, all: GapFigure, dc: GapFigure | undefined): GapCsvRow => ({
    section,
    code,
    label,
    country,
    radius_km: r,
    people: all.population,
    people_beyond: all.beyond,
    share_beyond: all.share,
    dcfast_people_beyond: dc?.beyond ?? null,
    dcfast_share_beyond: dc?.share ?? null,
    basis:
      'straight-line distance to the nearest charger passing the filters; Census 2020 / INEGI 2020 population points; charger layers partial (shares beyond R are upper bounds; DC fast a lower bound on coverage)',
  });
  for (const [code, all] of analysis.result.figures.byCountry) rows.push(figureRow('country', code, code, code, all, analysis.dcFast.figures.byCountry.get(code)));
  rows.push(figureRow('both', 'US+MX', 'both countries', '', analysis.result.figures.total, analysis.dcFast.figures.total));
  const states = [...analysis.result.figures.byState.entries()].filter(([code]) => code !== 'unknown').sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [code, all] of states) rows.push(figureRow('state', code, stateName(code), code.slice(0, 2), all, analysis.dcFast.figures.byState.get(code)));
  for (const c of analysis.result.candidates)
    rows.push({
      section: 'candidate',
      code: c.state,
      label: names?.[c.row] ?? `population point ${c.row}`,
      country: c.country,
      radius_km: r,
      rank: c.rank,
      lon: Math.round(c.lon * 1e5) / 1e5,
      lat: Math.round(c.lat * 1e5) / 1e5,
      newly_covered: c.newlyCovered,
      basis: 'greedy coverage ranking over population points; people within R of an earlier pick no longer count',
    });
  for (const p of ports)
    rows.push({
      section: 'ports_scenario',
      code: p.state.code,
      label: p.state.nameEn,
      country: 'US',
      bev_2023: p.bev,
      dcfast_ports_needed_2030: p.dcNeeded,
      l2_ports_needed_2030: p.l2Needed,
      dcfast_sites_mapped: p.dcSites,
      dcfast_ports_mapped_known: p.dcPorts,
      basis: 'scenario: BEV 2023 (AFDC/Experian) x NREL 2030 ratios (5.5 DC fast, 30 public L2 per 1,000 EVs; NREL 2023); mapped sites are a lower bound',
    });
  return rows;
}
