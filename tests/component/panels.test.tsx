import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { buildFixture, mockAtlasFetch } from './fixtures/panels-fixture.ts';
import { PER_ROW_AS_OF } from '../../src/data/atlas-format.ts';

vi.mock('../../src/map/map-view.tsx', () => ({ MapView: () => <div data-testid="map" /> }));
const { App } = await import('../../src/app.tsx');

function renderApp() {
  return renderWithProviders(App);
}

async function count(layer: string): Promise<number> {
  const element = await screen.findByTestId(`count-${layer}`);
  await waitFor(() => expect(element.getAttribute('data-count')).not.toBeNull());
  return Number(screen.getByTestId(`count-${layer}`).getAttribute('data-count'));
}

async function expectCount(layer: string, expected: number) {
  await waitFor(() => expect(screen.getByTestId(`count-${layer}`).getAttribute('data-count')).toBe(String(expected)));
}

function layerSection(layer: string): HTMLElement {
  return document.querySelector(`section[data-layer="${layer}"]`) as HTMLElement;
}

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  mockAtlasFetch();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('filters and legend counts', { timeout: 20_000 }, () => {
  it('shows every layer with its filtered count, formatted, and the total', async () => {
    renderApp();
    expect(await count('chargers')).toBe(6);
    expect(await count('minerals')).toBe(2);
    expect(await count('battery-plants')).toBe(3);
    expect(await count('assembly-plants')).toBe(1);
    expect(await count('flows')).toBe(2);
    expect(layerSection('chargers').textContent).toContain('(of 6)');
  });

  it('country checkboxes restrict every layer through the store', async () => {
    const user = userEvent.setup();
    renderApp();
    await count('chargers');
    await user.click(screen.getByRole('checkbox', { name: 'Mexico' }));
    expect(useAtlasStore.getState().countries).toEqual(['US']);
    await expectCount('chargers', 4);
    await expectCount('battery-plants', 1);
    await expectCount('assembly-plants', 0);
    // a US→MX flow stays when either country is on; a CL→MX flow goes
    await expectCount('flows', 1);
    await user.click(screen.getByRole('checkbox', { name: 'Mexico' }));
    await expectCount('chargers', 6);
  });

  it('attribute filters: unchecking one value leaves the allowed rest; all checked is null; keyboard works', async () => {
    const user = userEvent.setup();
    renderApp();
    await count('chargers');
    const section = layerSection('chargers');
    const disclosure = within(section).getByRole('button', { name: /Filter EV chargers/ });
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    await user.click(disclosure);
    const level = within(section).getByRole('group', { name: 'Charging level' });
    await user.click(within(level).getByRole('checkbox', { name: 'DC fast' }));
    expect(useAtlasStore.getState().filters.chargerLevel).toEqual(['L1', 'L2', 'unknown']);
    await expectCount('chargers', 4);
    expect(disclosure.textContent).toContain('1 filter active');

    // keyboard: focus "Level unknown" and toggle it with Space
    within(level).getByRole('checkbox', { name: 'Level unknown' }).focus();
    await user.keyboard(' ');
    expect(useAtlasStore.getState().filters.chargerLevel).toEqual(['L1', 'L2']);
    await expectCount('chargers', 3);

    // network categories come from the manifest's column spec
    const network = within(section).getByRole('group', { name: 'Network' });
    expect(
      within(network)
        .getAllByRole('checkbox')
        .map((c) => c.closest('li')!.textContent),
    ).toEqual(['ChargePoint Network', 'Tesla', 'Network unknown']);
    await user.click(within(network).getByRole('checkbox', { name: 'ChargePoint Network' }));
    await expectCount('chargers', 1);

    await user.click(within(level).getByRole('checkbox', { name: 'DC fast' }));
    await user.click(within(level).getByRole('checkbox', { name: 'Level unknown' }));
    expect(useAtlasStore.getState().filters.chargerLevel).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(useAtlasStore.getState().filters.chargerNetwork).toBeNull();
    await expectCount('chargers', 6);
  });

  it('filters of the other layers: commodity/status, stage, EV production, flow material', async () => {
    const user = userEvent.setup();
    renderApp();
    await count('minerals');
    await user.click(within(layerSection('minerals')).getByRole('button', { name: /Filter/ }));
    await user.click(within(within(layerSection('minerals')).getByRole('group', { name: 'Status' })).getByRole('checkbox', { name: 'Disputed' }));
    await expectCount('minerals', 1);
    await user.click(within(layerSection('battery-plants')).getByRole('button', { name: /Filter/ }));
    await user.click(within(within(layerSection('battery-plants')).getByRole('group', { name: 'Stage' })).getByRole('checkbox', { name: 'Cells' }));
    await expectCount('battery-plants', 2);
    await user.click(within(layerSection('assembly-plants')).getByRole('button', { name: /Filter/ }));
    await user.click(within(layerSection('assembly-plants')).getByRole('checkbox', { name: 'EVs announced' }));
    await expectCount('assembly-plants', 0);
    await user.click(within(layerSection('flows')).getByRole('button', { name: /Filter/ }));
    await user.click(within(layerSection('flows')).getByRole('checkbox', { name: 'Supply contract' }));
    expect(useAtlasStore.getState().filters.flowRelation).toEqual(['offtake', 'same_site', 'ownership_jv']);
    await expectCount('flows', 1);
  });

  it('state filter: checking states restricts, clearing returns to all', async () => {
    const user = userEvent.setup();
    renderApp();
    await count('chargers');
    await user.click(screen.getByRole('button', { name: /States: All states/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'California' }));
    expect(useAtlasStore.getState().filters.state).toEqual(['US-CA']);
    await expectCount('chargers', 2);
    await user.click(screen.getByRole('button', { name: 'Clear states' }));
    expect(useAtlasStore.getState().filters.state).toBeNull();
  });

  it('theme presets set the layers; the preset is derived and shows Custom when toggled by hand', async () => {
    const user = userEvent.setup();
    renderApp();
    await count('chargers');
    expect((screen.getByRole('radio', { name: 'All layers' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Infrastructure development' }));
    expect(useAtlasStore.getState().layers).toMatchObject({ chargers: true, minerals: false, 'battery-plants': false, 'assembly-plants': false, flows: false });
    await user.click(screen.getByRole('radio', { name: /Supplier development/ }));
    expect(useAtlasStore.getState().layers).toMatchObject({ chargers: false, minerals: true, 'battery-plants': true, 'assembly-plants': true, flows: true });
    await user.click(screen.getByRole('checkbox', { name: 'Supply-chain flows' }));
    expect(useAtlasStore.getState().layers.flows).toBe(false);
    const custom = screen.getByRole('radio', { name: 'Custom' }) as HTMLInputElement;
    expect(custom.checked).toBe(true);
    expect(custom.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Supply-chain flows' }));
    expect((screen.getByRole('radio', { name: /Supplier development/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('legend shows sources with as-of dates and links, coverage per country with gaps stated', async () => {
    renderApp();
    await count('chargers');
    const chargers = layerSection('chargers');
    const link = within(chargers).getByRole('link', { name: 'AFDC stations' });
    expect(link.getAttribute('href')).toBe('https://afdc.energy.gov/stations');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(chargers.textContent).toContain('as of Apr 21, 2025');
    expect(chargers.textContent).toContain('as of July 2019');
    const coverage = screen.getByTestId('coverage-chargers');
    expect(coverage.textContent).toContain('United States: complete — 4 mapped.');
    expect(coverage.textContent).toContain('Mexico: partial — 2 mapped; EMA counted 4,060 public charge points (December 2025).');
    expect(within(coverage).getByRole('link', { name: 'Reference: EMA barometer: public charge points' }).getAttribute('href')).toBe('https://example.org/ema');
    expect(screen.getByTestId('coverage-minerals').textContent).toContain('Mexico: no data — nothing is mapped for this country yet.');
    // a javascript: source URL is never a link
    const curated = layerSection('battery-plants');
    expect(within(curated).queryByRole('link', { name: /Curated facilities/ })).toBeNull();
    expect(curated.textContent).toContain('Curated facilities, "hand-checked"');
    // this project's own sources name their publisher in the interface language
    expect(curated.textContent).toContain('— EV atlas contributors');
  });

  it('a source whose facts each carry their own date says so, in the interface language', async () => {
    const fixture = buildFixture();
    fixture.manifest.sources.curated!.asOf = PER_ROW_AS_OF;
    mockAtlasFetch(fixture);
    const user = userEvent.setup();
    renderApp();
    await count('battery-plants');
    const curated = () => layerSection('battery-plants').querySelector('[data-source-id="curated"]')!.textContent!;
    expect(curated()).toContain('each fact with its own date');
    expect(curated()).not.toContain(PER_ROW_AS_OF);
    await user.click(screen.getByRole('button', { name: 'Español' }));
    await waitFor(() => expect(curated()).toContain('cada dato con su propia fecha'));
    expect(curated()).not.toContain(PER_ROW_AS_OF);
  });

  it('legend swatches come from the shared palettes', async () => {
    const { CHARGER_LEVEL_COLORS, cssColor } = await import('../../src/map/layer-styles.ts');
    renderApp();
    await count('chargers');
    const dc = layerSection('chargers').querySelector('.legend-key li .swatch') as HTMLElement;
    expect(dc.nextElementSibling!.textContent).toBe('DC fast');
    expect(dc.style.backgroundColor.replace(/\s/g, '')).toBe(cssColor(CHARGER_LEVEL_COLORS.DC!).replace(/\s/g, ''));
  });

  it('switches every panel string, number and date to Spanish', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setCountries(['US', 'MX']);
    renderApp();
    await count('chargers');
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByRole('heading', { name: 'Filtros' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'México' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Todas las capas' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restablecer filtros' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Cargadores de VE' })).toBeTruthy();
    expect(screen.getByTestId('coverage-chargers').textContent).toContain(
      `México: parcial — 2 en el mapa; EMA contó ${new Intl.NumberFormat('es-MX').format(4060)} puntos de carga públicos (diciembre de 2025).`,
    );
    expect(layerSection('chargers').textContent).toContain('datos a 21 abr 2025');
    expect(within(screen.getByTestId('coverage-chargers')).getByRole('link', { name: 'Referencia: barómetro de EMA: puntos de carga públicos' })).toBeTruthy();
    expect(layerSection('battery-plants').textContent).toContain('— Colaboradores del atlas de VE');
    expect(screen.getByRole('button', { name: 'Copiar enlace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exportar lo que veo' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Buscar lugares e instalaciones' })).toBeTruthy();
    // no English panel string left in the side panel
    const panel = screen.getByRole('complementary');
    for (const english of ['Filters', 'Country', 'Theme', 'Reset filters', 'Sources', 'Coverage', 'Layers and legend', 'as of']) {
      expect(panel.textContent).not.toContain(english);
    }
  });
});
