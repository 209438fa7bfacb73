import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openDetailsPanel } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { ARABIC, HEBREW, HOSTILE_IMG, HOSTILE_SCRIPT, LONG_NAME, mockAtlasFetch } from './fixtures/panels-fixture.ts';

vi.mock('../../src/map/map-view.tsx', () => ({ MapView: () => <div data-testid="map" /> }));
const { App } = await import('../../src/app.tsx');

const openDetails = (id: string) => openDetailsPanel(App, id);

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  mockAtlasFetch();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('details panel', { timeout: 20_000 }, () => {
  it('shows name, layer, place, translated attributes, numbers and dates, and all sources', async () => {
    const panel = await openDetails('chargers:afdc:1');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Austin Library');
    expect(panel.textContent).toContain('EV chargers · Texas, United States');
    const row = (name: string) => panel.querySelector(`[data-attribute="${name}"] dd`)!.textContent;
    expect(row('level')).toBe('Level 2');
    expect(row('network')).toBe('ChargePoint Network');
    expect(row('status')).toBe('Open');
    expect(row('maxPowerKw')).toBe('7.2');
    expect(row('openDate')).toBe('Mar 15, 2021');
    expect(within(panel).getByText('Maximum power (kW)')).toBeTruthy();
    expect(panel.textContent).toContain('AFDC stations');
    expect(panel.textContent).toContain('Record id: 1');
    expect(panel.textContent).toContain('Licence: Public domain');
    expect(panel.textContent).toContain('Data as of Apr 21, 2025');
    expect(within(panel).getByRole('link', { name: 'Open record' }).getAttribute('href')).toBe('https://afdc.energy.gov/stations');
    // focus moved to the panel
    expect(panel.contains(document.activeElement)).toBe(true);
  });

  it('lists unreported attributes, flags approximate locations and shows curated overrides with their citation', async () => {
    const panel = await openDetails('minerals:curated:2');
    expect(screen.getByTestId('approximate-flag').textContent).toContain('Approximate location');
    expect(panel.textContent).toContain('Status corrected by a curated fact: Disputed');
    expect(panel.textContent).toContain('Concessions cancelled by decree');
    expect(panel.textContent).toContain('as of Aug 31, 2023');
    expect(within(panel).getByRole('link', { name: 'Source' }).getAttribute('href')).toBe('https://example.org/dof-2023');
    expect(panel.textContent).toContain('Commodities');
    expect(panel.textContent).toContain('Lithium');
  });

  it('closes with the button and with Escape', async () => {
    const user = userEvent.setup();
    const panel = await openDetails('chargers:afdc:2');
    await user.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(useAtlasStore.getState().selection).toBeNull();
    expect(screen.queryByTestId('details-panel')).toBeNull();
    cleanup();
    await openDetails('chargers:afdc:2');
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState().selection).toBeNull();
  });

  it('renders hostile data strings as inert text', async () => {
    const panel = await openDetails('battery-plants:curated:1');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(HOSTILE_IMG);
    expect(panel.textContent).toContain(HOSTILE_SCRIPT);
    expect(panel.textContent).toContain(ARABIC);
    expect(panel.textContent).toContain(HEBREW);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // javascript: URLs never become links (the DOI and the per-record URL)
    for (const link of panel.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:/);
    expect(panel.textContent).toContain('javascript:alert(1)');
    // numbers per language
    expect(panel.querySelector('[data-attribute="capacityGwh"] dd')!.textContent).toBe('1,234.5');
  });

  it('shows a 5,000-character name in full, as text', async () => {
    const panel = await openDetails('battery-plants:curated:3');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(LONG_NAME);
  });

  it('shows a flow with its endpoints, and a facility with its upstream links, each selectable', async () => {
    const user = userEvent.setup();
    const panel = await openDetails('flows:curated:1');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Thacker Pass → Planta de Celdas Querétaro');
    expect(panel.textContent).toContain('Lithium');
    expect(panel.textContent).toContain('Offtake agreement');
    expect(panel.textContent).toContain('2024');
    expect(panel.textContent).toContain('40,000 t LCE');
    expect(panel.textContent).toContain('Offtake agreement for lithium carbonate');
    expect(panel.textContent).toContain('Crosses the US–Mexico border');
    await user.click(within(panel).getByRole('button', { name: 'Show Planta de Celdas Querétaro' }));
    expect(useAtlasStore.getState().selection).toBe('battery-plants:curated:2');
    const facility = await screen.findByTestId('details-panel');
    await within(facility).findByText('Upstream (supplies this facility)');
    const links = within(facility).getAllByRole('button', { name: /Lithium ·/ });
    expect(links.map((b) => b.textContent)).toEqual(['Lithium · Thacker Pass', 'Lithium · Salar de Atacama']);
    await user.click(links[1]!);
    expect(useAtlasStore.getState().selection).toBe('flows:curated:2');
  });

  it('says plainly when a selected id is not in the data', async () => {
    const panel = await openDetails('chargers:afdc:999999');
    expect(panel.textContent).toContain('is not in this build of the atlas');
  });

  it('switches to Spanish: attribute names, values and dates', async () => {
    useAtlasStore.getState().setLanguage('es');
    const panel = await openDetails('chargers:afdc:1');
    expect(panel.textContent).toContain('Cargadores de VE · Texas, Estados Unidos');
    expect(within(panel).getByText('Potencia máxima (kW)')).toBeTruthy();
    expect(panel.querySelector('[data-attribute="level"] dd')!.textContent).toBe('Nivel 2');
    expect(panel.querySelector('[data-attribute="status"] dd')!.textContent).toBe('En servicio');
    expect(panel.textContent).toContain('Datos a 21 abr 2025');
    expect(within(panel).getByRole('button', { name: 'Cerrar detalles' })).toBeTruthy();
  });

  it('a source attribute with a few published values reads in the interface language; another value as written', async () => {
    const panel = await openDetails('battery-plants:curated:2');
    expect(panel.querySelector('[data-attribute="investmentRange"] dd')!.textContent).toBe('USD 100 million - 1 billion');
    expect(panel.querySelector('[data-attribute="timeline"] dd')!.textContent).toBe('Some other phase');
    cleanup();
    useAtlasStore.getState().setLanguage('es');
    const spanish = await openDetails('battery-plants:curated:2');
    expect(spanish.querySelector('[data-attribute="investmentRange"] dd')!.textContent).toBe('100 millones - 1,000 millones de USD');
    expect(spanish.querySelector('[data-attribute="timeline"] dd')!.textContent).toBe('Some other phase');
  });
});
