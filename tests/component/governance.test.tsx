/**
 * Issue 15 in the app: the policy choropleth through the controls (unknown apart from a cited "none", NEVI as
 * numeric classes, national facts), the theme presets, reported jobs in details and statistics, and the state
 * profile's policies beside its charging figures. The governance facts here are test fixtures (example.org URLs).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { openDetailsPanel, renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { encodeAtlasState } from '../../src/state/url-codec.ts';
import { ARRAY_TYPES, encodeColumnTable } from '../../src/data/column-codec.ts';
import type { PolicyFact, StateRecord } from '../../src/data/atlas-format.ts';
import { cssColor } from '../../src/map/layer-styles.ts';
import { POLICY_CLASS_COLORS } from '../../src/analysis/policies.ts';
import { STATE_RECORDS, assemblyPlants, batteryPlants, buildFixtureWithStates, chargers, mockAtlasFetchWithStates, type Fixture } from './fixtures/panels-fixture.ts';
import type { MapView as MapViewType } from '../../src/map/map-view.tsx';

type MapProps = ComponentProps<typeof MapViewType>;
const mapProps = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }));
vi.mock('../../src/map/map-view.tsx', () => ({
  MapView: (props: Record<string, unknown>) => {
    mapProps.current = props;
    return <div data-testid="map" />;
  },
}));
const { App } = await import('../../src/app.tsx');

const fact = (jurisdiction: string, policy: PolicyFact['policy'], value: string, status: PolicyFact['status'], extra: Partial<PolicyFact> = {}): PolicyFact => ({
  id: `${jurisdiction}-${policy}-${value}`.toLowerCase(),
  jurisdiction,
  policy,
  value,
  status,
  adopted: null,
  effective: null,
  ended: null,
  amountMusd: null,
  detail: `fixture fact ${policy} ${value}`,
  sourceUrl: `https://example.org/${jurisdiction}/${policy}`,
  asOf: '2025-06',
  notes: null,
  ...extra,
});

/** States with facts: CA in force (ACC II), NY adopted, NV repealed, TX a cited none, GA and every other state unknown. */
const POLICIES: Record<string, PolicyFact[]> = {
  'US-CA': [
    fact('US-CA', 'zev_rule', 'acc2', 'in_force', { adopted: '2022-08', effective: '2026' }),
    fact('US-CA', 'nevi_apportionment', 'nevi', 'in_force', { amountMusd: 383.8 }),
    fact('US-CA', 'ev_incentive', 'rebate', 'expired', { ended: '2023-11' }),
  ],
  'US-NY': [fact('US-NY', 'zev_rule', 'acc2', 'adopted'), fact('US-NY', 'nevi_apportionment', 'nevi', 'in_force', { amountMusd: 175.5 })],
  'US-NV': [fact('US-NV', 'zev_rule', 'acc1', 'repealed', { adopted: '2021', ended: '2024' })],
  'US-TX': [fact('US-TX', 'zev_rule', 'none', 'none'), fact('US-TX', 'nevi_apportionment', 'nevi', 'in_force', { amountMusd: 407.8 })],
  'MX-CMX': [fact('MX-CMX', 'ev_incentive', 'tenencia_exemption', 'in_force'), fact('MX-CMX', 'circulation_exemption', 'hoy_no_circula', 'in_force')],
};
const NATIONAL: PolicyFact[] = [
  fact('US', 'federal_credit', 'clean_vehicle_credit', 'expired', { ended: '2025-09-30' }),
  fact('MX', 'charger_standard', 'nom', 'in_force'),
  fact('MX', 'ev_incentive', 'isr_deduction', 'in_force'),
];
const STATES: StateRecord[] = STATE_RECORDS.map((state) => ({ ...state, policies: POLICIES[state.code] ?? [] }));

/** Reported jobs per plant (NaN = none reported): the fixture's battery plants and its assembly plant. */
const BATTERY_JOBS = [1200, NaN, 350];
const ASSEMBLY_JOBS = [5000];

function withJobs(fixture: Fixture): Fixture {
  const addJobs = (id: 'battery-plants' | 'assembly-plants', jobs: number[], records: typeof batteryPlants) => {
    const files = fixture.files[id] as unknown as { buffer: ArrayBuffer; specs: { name: string; kind: string; categories?: string[] }[]; details: typeof batteryPlants };
    // decode the fixture's columns back from their specs is not needed: re-encode them with the jobs column added
    const old = fixture.manifest.layers[id].columns!;
    const view = (name: string) => {
      const spec = old.find((c) => c.name === name)!;
      return new ARRAY_TYPES[spec.type](files.buffer, spec.byteOffset, spec.length);
    };
    const { bytes, specs } = encodeColumnTable([
      ...old.map((spec) => ({ name: spec.name, kind: spec.kind, categories: spec.categories, values: view(spec.name) })),
      { name: 'jobs', kind: 'number', values: new Float32Array(jobs) },
    ]);
    files.buffer = bytes.buffer as ArrayBuffer;
    files.details = records.map((record, i) => ({
      ...record,
      attributes: Number.isNaN(jobs[i])
        ? { ...record.attributes, jobs: null }
        : {
            ...record.attributes,
            jobs: jobs[i]!,
            jobsKind: i === 0 ? 'employed' : 'announced',
            jobsYear: 2024,
            jobsSourceUrl: `https://example.org/jobs/${i}`,
            ...(i === 0 ? { jobsOther: ['2000 announced - na-ev-investments-2024', '350 employed 2023 https://example.org/jobs/x'] } : {}),
          },
    }));
    fixture.manifest.layers[id].columns = specs;
  };
  addJobs('battery-plants', BATTERY_JOBS, batteryPlants);
  addJobs('assembly-plants', ASSEMBLY_JOBS, assemblyPlants);
  return fixture;
}

function mockWithGovernance(options: { policies?: boolean } = {}) {
  const fixture = withJobs(buildFixtureWithStates());
  if (options.policies !== false) {
    fixture.manifest.auxiliary = {
      ...fixture.manifest.auxiliary,
      policies: { id: 'policies', kind: 'table', count: NATIONAL.length, files: { data: 'policies.json', bytes: {} }, sourceIds: [] },
    };
  }
  const base = mockAtlasFetchWithStates(fixture, options.policies === false ? STATE_RECORDS : STATES);
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, 'http://localhost/').pathname.endsWith('/policies.json')) return new Response(JSON.stringify({ national: NATIONAL }), { status: 200 });
    return base(input);
  });
  vi.stubGlobal('fetch', fetchMock);
}

function fills(): Record<string, string> {
  const choropleth = mapProps.current?.choropleth as MapProps['choropleth'];
  return (choropleth?.fills.colors ?? {}) as Record<string, string>;
}
function tooltip(code: string): string {
  const choropleth = mapProps.current?.choropleth as MapProps['choropleth'];
  return choropleth?.tooltip(code) ?? '';
}
const legendRow = (cls: string) => screen.getByTestId('policy-legend').querySelector(`[data-class="${cls}"]`) as HTMLElement;

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  mapProps.current = null;
  mockWithGovernance();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('policy choropleth', { timeout: 20_000 }, () => {
  it('is chosen in the state controls: classes by status, unknown unfilled and apart from a cited none, hover with the facts', async () => {
    const user = userEvent.setup();
    renderWithProviders(App);
    const select = await screen.findByTestId('choropleth-layer');
    await waitFor(() => expect((select as HTMLSelectElement).disabled).toBe(false));
    await user.selectOptions(select, 'policy:zev_rule');
    expect(useAtlasStore.getState().policy).toBe('zev_rule');
    expect(useAtlasStore.getState().choropleth).toBeNull();
    await screen.findByTestId('policy-legend', {}, { timeout: 10_000 });
    await waitFor(() => expect(fills()['US-CA']).toBeDefined());
    const colors = fills();
    expect(colors['US-CA']).toBe(cssColor(POLICY_CLASS_COLORS.in_force));
    expect(colors['US-NY']).toBe(cssColor(POLICY_CLASS_COLORS.adopted));
    expect(colors['US-NV']).toBe(cssColor(POLICY_CLASS_COLORS.ended));
    expect(colors['US-TX']).toBe(cssColor(POLICY_CLASS_COLORS.none));
    // unknown: no fill at all (Georgia has no fact), never the grey of a cited none
    expect(colors['US-GA']).toBeUndefined();
    expect(colors['MX-SON']).toBeUndefined();
    // legend counts per country, computed from the fixture
    const expected = (cls: string, country: string) =>
      STATES.filter((s) => s.country === country).filter((s) => {
        const facts = (s.policies ?? []).filter((f) => f.policy === 'zev_rule');
        if (cls === 'unknown') return facts.length === 0;
        return facts.some((f) => (cls === 'ended' ? ['repealed', 'suspended', 'expired'].includes(f.status) : f.status === cls));
      }).length;
    for (const cls of ['in_force', 'adopted', 'ended', 'none', 'unknown']) {
      expect(legendRow(cls).getAttribute('data-count-us'), cls).toBe(String(expected(cls, 'US')));
      expect(legendRow(cls).getAttribute('data-count-mx'), cls).toBe(String(expected(cls, 'MX')));
    }
    expect(legendRow('unknown').querySelector('.swatch-unknown')).not.toBeNull();
    expect(legendRow('none').querySelector('.swatch-unknown')).toBeNull();
    expect(tooltip('US-CA')).toContain('California: In force');
    expect(tooltip('US-CA')).toContain('Advanced Clean Cars II: in force (adopted August 2022, effective 2026)');
    expect(tooltip('US-CA')).toContain('source: example.org');
    expect(tooltip('US-TX')).toContain('Texas: None (cited)');
    expect(tooltip('US-GA')).toContain('Georgia: Unknown (no curated fact)');
    expect(tooltip('US-GA')).toContain('not “no”');
    // the link carries it
    expect(encodeAtlasState(useAtlasStore.getState())).toContain('pol=zev_rule');
  });

  it('lists each country’s national facts with their sources; a policy without one says so', async () => {
    useAtlasStore.getState().setStateView({ policy: 'ev_incentive' });
    renderWithProviders(App);
    const national = await screen.findByTestId('national-facts', {}, { timeout: 10_000 });
    await waitFor(() => expect(national.querySelector('section[data-country="US"]')!.getAttribute('data-count')).toBe('1'));
    const us = national.querySelector('section[data-country="US"]') as HTMLElement;
    expect(us.textContent).toContain('United States: national (federal) rules');
    expect(within(us).getByRole('link', { name: 'Source' }).getAttribute('href')).toBe('https://example.org/US/federal_credit');
    expect(us.textContent).toContain('ended Sep 30, 2025');
    const mx = national.querySelector('section[data-country="MX"]') as HTMLElement;
    expect(mx.getAttribute('data-count')).toBe('1');
    // MX charger standard belongs to the charging programme policy, not to incentives
    expect(mx.querySelector('[data-policy="charger_standard"]')).toBeNull();
    // incentives: CA's only instrument expired → ended; CMX tenencia in force
    expect(fills()['US-CA']).toBe(cssColor(POLICY_CLASS_COLORS.ended));
    expect(fills()['MX-CMX']).toBe(cssColor(POLICY_CLASS_COLORS.in_force));
    useAtlasStore.getState().setStateView({ policy: 'zev_rule' });
    await waitFor(() => expect(screen.getByTestId('national-facts').querySelector('section[data-country="US"]')!.getAttribute('data-count')).toBe('0'));
    expect(screen.getByTestId('national-facts').textContent).toContain('No national fact curated for this policy.');
  });

  it('NEVI funds: numeric classes over US states, Mexico not applicable (filled apart from unknown)', async () => {
    useAtlasStore.getState().setStateView({ policy: 'nevi_apportionment' });
    renderWithProviders(App);
    await screen.findByTestId('policy-legend', {}, { timeout: 10_000 });
    await waitFor(() => expect(fills()['US-TX']).toBeDefined());
    const colors = fills();
    // the largest and the smallest amount fall in different classes
    expect(colors['US-TX']).not.toBe(colors['US-NY']);
    expect(colors['MX-CMX']).toBe(cssColor(POLICY_CLASS_COLORS.na));
    expect(colors['US-GA']).toBeUndefined();
    expect(legendRow('na').textContent).toContain('Not applicable (Mexico)');
    expect(legendRow('in_force')).toBeNull();
    expect(tooltip('US-TX')).toContain('Texas: US$407.8 M');
    expect(tooltip('MX-CMX')).toContain('Not applicable');
  });

  it('a build without governance facts shows every state as unknown and says so', async () => {
    mockWithGovernance({ policies: false });
    useAtlasStore.getState().setStateView({ policy: 'zev_rule' });
    renderWithProviders(App);
    const legend = await screen.findByTestId('policy-legend', {}, { timeout: 10_000 });
    expect(legend.getAttribute('data-has-data')).toBe('false');
    expect(legend.textContent).toContain('no governance facts');
    expect(Object.keys(fills())).toEqual([]);
    expect(screen.getByTestId('national-facts').textContent).toContain('National facts are not in this data build.');
  });
});

describe('theme presets', { timeout: 20_000 }, () => {
  const visible = () =>
    Object.entries(useAtlasStore.getState().layers)
      .filter(([, on]) => on)
      .map(([id]) => id)
      .sort();

  it('each of the five areas sets its layers and view, is in the link, and is shown as checked', async () => {
    const user = userEvent.setup();
    renderWithProviders(App);
    const presets = await screen.findByTestId('theme-presets');
    await user.click(within(presets).getByRole('radio', { name: 'Governance' }));
    expect(visible()).toEqual([]);
    expect(useAtlasStore.getState().policy).toBe('zev_rule');
    expect(presets.getAttribute('data-theme')).toBe('governance');
    expect(encodeAtlasState(useAtlasStore.getState())).toMatch(/theme=governance/);
    await screen.findByTestId('policy-legend', {}, { timeout: 10_000 });
    // leaving the policy view through the state controls leaves the governance theme (no layer: the derived preset is custom)
    useAtlasStore.getState().setStateView({ policy: null });
    await waitFor(() => expect(presets.getAttribute('data-theme')).toBe('custom'));

    await user.click(within(presets).getByRole('radio', { name: 'Human capital' }));
    expect(visible()).toEqual(['assembly-plants', 'battery-plants']);
    expect(useAtlasStore.getState().policy).toBeNull();
    const legend = await screen.findByTestId('jobs-legend');
    expect(legend.textContent).toContain('reported jobs (not estimated)');
    const battery = legend.querySelector('[data-layer="battery-plants"]') as HTMLElement;
    await waitFor(() => expect(battery.getAttribute('data-reported')).toBe(String(BATTERY_JOBS.filter(Number.isFinite).reduce((a, b) => a + b, 0))));
    expect(battery.getAttribute('data-without')).toBe(String(BATTERY_JOBS.filter(Number.isNaN).length));

    await user.click(within(presets).getByRole('radio', { name: 'Research and knowledge' }));
    expect(visible()).toEqual(['chargers']);
    expect(useAtlasStore.getState().coverage).toBe(true);
    const coverage = await screen.findByTestId('coverage-legend');
    // mapped chargers beside the published figure, computed from the fixture
    await waitFor(() => expect(coverage.querySelector('tr[data-state="MX-NLE"]')).not.toBeNull());
    const nle = coverage.querySelector('tr[data-state="MX-NLE"]') as HTMLElement;
    expect(nle.getAttribute('data-mapped')).toBe(String(chargers.filter((c) => c.state === 'MX-NLE').length));
    expect(nle.getAttribute('data-published')).toBe('101');
    // CMX: the most recent of its two figures (2022-09 over 2022)
    expect(coverage.querySelector('tr[data-state="MX-CMX"]')!.getAttribute('data-published')).toBe('272');
    const withFigure = STATES.filter((s) => s.published.some((p) => p.dataset === 'chargers')).length;
    expect(screen.getByTestId('coverage-no-figure').getAttribute('data-count')).toBe(String(STATES.length - withFigure));
    expect(coverage.querySelector('tr[data-layer="chargers"][data-country="MX"]')!.getAttribute('data-level')).toBe('partial');
    expect(fills()['US-CA']).toBeUndefined();
    expect(fills()['MX-NLE']).toBeDefined();

    await user.click(within(presets).getByRole('radio', { name: 'Infrastructure development' }));
    expect(visible()).toEqual(['chargers']);
    expect(useAtlasStore.getState().coverage).toBe(false);
    expect(presets.getAttribute('data-theme')).toBe('infrastructure');

    await user.click(within(presets).getByRole('radio', { name: 'Supplier development' }));
    expect(visible()).toEqual(['assembly-plants', 'battery-plants', 'flows', 'minerals']);
    await user.click(within(presets).getByRole('radio', { name: 'All layers' }));
    expect(visible()).toHaveLength(5);
    expect(presets.getAttribute('data-theme')).toBe('all');
  });

  it('an old link without theme= shows the preset derived from its layers; a changed layer set reads as custom', async () => {
    useAtlasStore.getState().setVisibleLayers(['chargers']);
    renderWithProviders(App);
    const presets = await screen.findByTestId('theme-presets');
    expect(useAtlasStore.getState().theme).toBeNull();
    expect(presets.getAttribute('data-theme')).toBe('infrastructure');
    expect((within(presets).getByRole('radio', { name: 'Infrastructure development' }) as HTMLInputElement).checked).toBe(true);
    useAtlasStore.getState().setLayerVisible('minerals', true);
    await waitFor(() => expect(presets.getAttribute('data-theme')).toBe('custom'));
  });

  it('Spanish labels', async () => {
    useAtlasStore.getState().setLanguage('es');
    renderWithProviders(App);
    const presets = await screen.findByTestId('theme-presets');
    for (const name of ['Desarrollo de infraestructura', 'Desarrollo de proveedores', 'Gobernanza', 'Capital humano', 'Investigación y conocimiento']) {
      expect(within(presets).getByRole('radio', { name })).toBeTruthy();
    }
  });
});

const openPanel = (id: string) => openDetailsPanel(App, id);

describe('reported jobs', { timeout: 20_000 }, () => {
  it('details: the value marked reported, with its kind, year and source; a plant without one says so', async () => {
    const panel = await openPanel('battery-plants:curated:1');
    const jobs = within(panel).getByTestId('details-jobs');
    expect(jobs.getAttribute('data-jobs')).toBe('1200');
    expect(jobs.textContent).toContain('1,200 reported · employed · 2024');
    expect(within(jobs).getByRole('link', { name: 'source' }).getAttribute('href')).toBe('https://example.org/jobs/0');
    expect(jobs.textContent).toContain('never estimates');
    expect(jobs.textContent).toContain(
      'Other figures found: 2,000 announced at the investment · na-ev-investments-2024; 350 employed · 2023 · https://example.org/jobs/x',
    );
    // shown once, not again as raw attributes
    expect(panel.querySelector('[data-attribute="jobsKind"]')).toBeNull();
    cleanup();
    const other = await openPanel('battery-plants:curated:2');
    expect(within(other).getByTestId('details-jobs').textContent).toContain('No reported figure');
  });

  it('details in Spanish: the other figures found name their kind in Spanish', async () => {
    useAtlasStore.getState().setLanguage('es');
    const panel = await openPanel('battery-plants:curated:1');
    const jobs = within(panel).getByTestId('details-jobs');
    expect(jobs.textContent).toContain(`Otras cifras encontradas: ${new Intl.NumberFormat('es-MX').format(2000)} anunciados con la inversión · na-ev-investments-2024`);
    expect(jobs.textContent).not.toContain('announced');
  });

  it('statistics: summed per state and country over the plants passing the filters', async () => {
    useAtlasStore.getState().setPanelTab('stats');
    renderWithProviders(App);
    const section = await screen.findByTestId('jobs-stats', {}, { timeout: 10_000 });
    const plants = [...batteryPlants.map((p, i) => ({ p, jobs: BATTERY_JOBS[i]! })), ...assemblyPlants.map((p, i) => ({ p, jobs: ASSEMBLY_JOBS[i]! }))];
    const sum = (code: string) => plants.filter(({ p, jobs }) => p.state === code && Number.isFinite(jobs)).reduce((a, { jobs }) => a + jobs, 0);
    await waitFor(() => expect(section.querySelector('tr[data-state="MX-NLE"]')).not.toBeNull());
    expect(section.querySelector('tr[data-state="MX-NLE"]')!.getAttribute('data-reported')).toBe(String(sum('MX-NLE')));
    expect(section.querySelector('tr[data-state="US-GA"]')!.getAttribute('data-reported')).toBe(String(sum('US-GA')));
    const mx = section.querySelector('li[data-country="MX"]') as HTMLElement;
    expect(mx.getAttribute('data-without')).toBe(String(plants.filter(({ p, jobs }) => p.country === 'MX' && !Number.isFinite(jobs)).length));
    expect(section.textContent).toContain('reported, never estimated');
    // a filter to the US leaves the Mexican plants out
    useAtlasStore.getState().setCountries(['US']);
    await waitFor(() => expect(section.querySelector('tr[data-state="MX-NLE"]')).toBeNull());
  });
});

describe('state profile: policies beside charging figures', { timeout: 20_000 }, () => {
  it('lists every applicable policy with status, dates and source, unknown ones as unknown, and the no-causation note', async () => {
    const panel = await openPanel('states:US-CA');
    const section = await within(panel).findByTestId('state-policies', {}, { timeout: 10_000 });
    expect(within(section).getByTestId('no-causation').textContent).toContain('does not claim');
    const row = (policy: string) => section.querySelector(`tr[data-policy="${policy}"]`) as HTMLElement;
    expect(row('zev_rule').getAttribute('data-class')).toBe('in_force');
    expect(row('zev_rule').textContent).toContain('Advanced Clean Cars II: in force (adopted August 2022, effective 2026)');
    expect(within(row('zev_rule')).getByRole('link', { name: 'Source' }).getAttribute('href')).toBe('https://example.org/US-CA/zev_rule');
    expect(row('clean_fuel_standard').getAttribute('data-class')).toBe('unknown');
    expect(row('clean_fuel_standard').textContent).toContain('unknown, not “no”');
    // Mexican-only policy is not listed for a US state
    expect(row('circulation_exemption')).toBeNull();
    const per100k = section.querySelector('[data-measure="chargersPer100k"]') as HTMLElement;
    const ca = STATES.find((s) => s.code === 'US-CA')!;
    const expected = (chargers.filter((c) => c.state === 'US-CA').length / ca.population) * 100_000;
    await waitFor(() => expect(Number(per100k.getAttribute('data-value'))).toBeCloseTo(expected, 8));
    expect(within(section).getByTestId('profile-compute-gap')).toBeTruthy();
  });

  it('Spanish', async () => {
    useAtlasStore.getState().setLanguage('es');
    const panel = await openPanel('states:MX-CMX');
    const section = await within(panel).findByTestId('state-policies', {}, { timeout: 10_000 });
    expect(section.textContent).toContain('Políticas y recarga, lado a lado');
    expect(section.querySelector('tr[data-policy="circulation_exemption"]')!.textContent).toContain(
      'Exención de la restricción a la circulación (Hoy No Circula): vigente',
    );
    expect(section.querySelector('tr[data-policy="nevi_apportionment"]')).toBeNull();
  });
});
