import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { encodeColumnTable } from '../../src/data/column-codec.ts';
import { greatCircleKm } from '../../src/analysis/gap.ts';
import { buildFixtureWithStates, chargers, mockAtlasFetchWithStates } from './fixtures/panels-fixture.ts';

const downloads = vi.hoisted(() => [] as { fileName: string; text: string }[]);
vi.mock('../../src/export/download.ts', () => ({
  downloadText: (fileName: string, text: string) => downloads.push({ fileName, text }),
}));

const { GapPanel } = await import('../../src/components/gap-panel.tsx');

/** Population points: near Austin (L2), near Fresno (Tesla DC), in the New Mexico desert, near Monterrey (Tesla DC), in Sonora. */
const PEOPLE = [
  { name: 'Travis', lon: -97.7, lat: 30.3, pop: 1_000_000, country: 2 - 1, state: 'US-TX' },
  { name: 'Fresno', lon: -119.8, lat: 36.75, pop: 500_000, country: 1, state: 'US-CA' },
  { name: 'Catron', lon: -108.4, lat: 33.9, pop: 3_500, country: 1, state: 'US-NM' },
  { name: 'Monterrey', lon: -100.3, lat: 25.68, pop: 1_100_000, country: 2, state: 'MX-NLE' },
  { name: 'Hermosillo', lon: -110.96, lat: 29.07, pop: 930_000, country: 2, state: 'MX-SON' },
];
const STATES = ['unknown', 'MX-NLE', 'MX-SON', 'US-CA', 'US-NM', 'US-TX'];

function populationFiles() {
  const { bytes, specs } = encodeColumnTable([
    { name: 'position', kind: 'position', values: Float32Array.from(PEOPLE.flatMap((p) => [p.lon, p.lat])) },
    { name: 'country', kind: 'category', categories: ['unknown', 'US', 'MX'], values: Uint8Array.from(PEOPLE.map((p) => p.country)) },
    { name: 'state', kind: 'category', categories: STATES, values: Uint8Array.from(PEOPLE.map((p) => STATES.indexOf(p.state))) },
    { name: 'population', kind: 'number', values: Float32Array.from(PEOPLE.map((p) => p.pop)) },
    { name: 'precision', kind: 'category', categories: ['unknown', 'exact', 'approximate'], values: Uint8Array.from(PEOPLE.map(() => 1)) },
  ]);
  return { bytes, specs };
}

/** People beyond R of the fixture's chargers passing `keep` (brute force over the records, not the index). */
function expectedBeyond(r: number, keep: (c: (typeof chargers)[number]) => boolean, country?: 'US' | 'MX') {
  return PEOPLE.filter((p) => !country || (country === 'US') === (p.country === 1))
    .filter((p) => {
      const d = Math.min(...chargers.filter(keep).map((c) => greatCircleKm(Math.fround(p.lon), Math.fround(p.lat), Math.fround(c.lon), Math.fround(c.lat))));
      return d > r;
    })
    .reduce((sum, p) => sum + p.pop, 0);
}

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState({ ...defaultAtlasState(), panelTab: 'gap' });
  const fixture = buildFixtureWithStates();
  const { bytes, specs } = populationFiles();
  fixture.manifest.auxiliary = {
    ...fixture.manifest.auxiliary,
    population: {
      id: 'population',
      kind: 'points',
      count: PEOPLE.length,
      files: { columns: 'population.columns.bin', data: 'population.details.json', bytes: {} },
      columns: specs,
      sourceIds: [],
    },
  };
  const base = mockAtlasFetchWithStates(fixture);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(url, 'http://localhost/').pathname;
      if (path.endsWith('/population.columns.bin')) return new Response(bytes.slice().buffer, { status: 200 });
      if (path.endsWith('/population.details.json'))
        return new Response(JSON.stringify(PEOPLE.map((p, i) => ({ id: `population:${i}`, name: p.name }))), { status: 200 });
      return base(input);
    }),
  );
  downloads.length = 0;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (area: string) => document.querySelector(`[data-testid="gap-summary"] tr[data-area="${area}"]`) as HTMLElement;
const beyond = (area: string) => Number(row(area).getAttribute('data-beyond'));

describe('gap panel', () => {
  it('shows people beyond R per country and both, following R and the charger filters through its controls', async () => {
    const user = userEvent.setup();
    renderWithProviders(GapPanel);
    await waitFor(() => expect(row('both')).not.toBeNull());
    const all = () => true;
    expect(beyond('US')).toBe(expectedBeyond(50, all, 'US'));
    expect(beyond('MX')).toBe(expectedBeyond(50, all, 'MX'));
    expect(beyond('both')).toBe(expectedBeyond(50, all));
    expect(beyond('both')).toBeGreaterThan(0);

    // R = 1.6 km: more people are beyond
    await user.click(screen.getByTestId('gap-radius-1.6'));
    expect(useAtlasStore.getState().gapRadiusKm).toBe(1.6);
    await waitFor(() => expect(beyond('both')).toBe(expectedBeyond(1.6, all)));
    expect(beyond('both')).toBeGreaterThan(expectedBeyond(50, all));

    // back to 80 km, then only DC fast chargers (the level filter, through the panel's own controls)
    await user.click(screen.getByTestId('gap-radius-80'));
    await user.click(screen.getByText('Chargers counted'));
    const level = document.querySelector('[data-filter="chargerLevel"]') as HTMLElement;
    for (const name of ['Level 1', 'Level 2', 'Level unknown']) {
      const box = within(level).queryByLabelText(name);
      if (box) await user.click(box);
    }
    expect(useAtlasStore.getState().filters.chargerLevel).toEqual(['DC']);
    const dcOnly = (c: (typeof chargers)[number]) => ((c.attributes.level as string[] | null) ?? []).includes('DC');
    await waitFor(() => expect(beyond('both')).toBe(expectedBeyond(80, dcOnly)));
    expect(beyond('both')).toBeGreaterThan(expectedBeyond(80, all));

    // candidates: decreasing people newly covered, named after their population point
    const ranks = [...document.querySelectorAll('[data-testid="gap-candidates"] tr[data-rank]')];
    expect(ranks.length).toBeGreaterThan(0);
    const newly = ranks.map((r) => Number(r.getAttribute('data-newly')));
    expect([...newly].sort((a, b) => b - a)).toEqual(newly);
    await waitFor(() => expect(within(ranks[0] as HTMLElement).getByRole('button').textContent).toMatch(/Travis|Fresno|Catron|Monterrey|Hermosillo/));
  });

  it('switches the gap layer, says what the figures rest on, and exports CSV with the filters and citations', async () => {
    const user = userEvent.setup();
    renderWithProviders(GapPanel);
    await waitFor(() => expect(row('both')).not.toBeNull());
    await user.click(screen.getByTestId('gap-toggle'));
    expect(useAtlasStore.getState().gap).toBe(true);
    const rests = screen.getByTestId('gap-rests').textContent!;
    expect(rests).toMatch(/straight-line/);
    expect(rests).toMatch(/Census 2020/);
    expect(rests).toMatch(/lower bounds/);
    expect(screen.getByTestId('gap-legend').textContent).toMatch(/no charger passes the filters/);
    await user.click(screen.getByTestId('gap-export-csv'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const csv = downloads[0]!.text;
    expect(csv.split('\r\n')[0]).toContain('people_beyond');
    expect(csv).toMatch(/\r\nboth,US\+MX,both countries,,50,/);
    expect(csv).toMatch(/\r\ncandidate,/);
    expect(csv).toMatch(/\r\nports_scenario,US-CA,California,US,/);
    await user.click(screen.getByText('Citations'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.text).toMatch(/2030 National Charging Network/);
    expect(downloads[1]!.text).toMatch(/R = 50 km/);
  });

  it('speaks Spanish', async () => {
    useAtlasStore.getState().setLanguage('es');
    renderWithProviders(GapPanel);
    await waitFor(() => expect(row('both')).not.toBeNull());
    expect(screen.getByText('Mostrar la brecha en el mapa')).toBeTruthy();
    expect(row('both').textContent).toMatch(/Ambos países/);
    expect(screen.getByTestId('gap-rests').textContent).toMatch(/línea recta/);
  });
});
