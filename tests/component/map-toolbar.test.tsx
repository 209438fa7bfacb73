import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { mockAtlasFetch } from './fixtures/panels-fixture.ts';

vi.mock('../../src/map/map-view.tsx', () => ({ MapView: () => <div data-testid="map" /> }));
const downloads = vi.hoisted(() => [] as { name: string; text: string; type: string }[]);
vi.mock('../../src/export/download.ts', () => ({
  downloadText: (name: string, text: string, type: string) => downloads.push({ name, text, type }),
}));
const { App } = await import('../../src/app.tsx');

function renderApp() {
  return renderWithProviders(App);
}

async function ready() {
  await waitFor(() => expect(screen.getByTestId('count-chargers').getAttribute('data-count')).toBe('6'), { timeout: 8000 });
}

let fetchMock: ReturnType<typeof mockAtlasFetch>;
beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  fetchMock = mockAtlasFetch();
  downloads.length = 0;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('search', () => {
  it('loads names lazily on first focus, finds "Nuevo Leon" without the accent and flies there with the keyboard', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('labels.geojson'))).toBe(false);
    const box = screen.getByRole('combobox', { name: 'Search places and facilities' });
    await user.click(box);
    await user.type(box, 'Nuevo Leon');
    const listbox = screen.getByRole('listbox');
    const option = await within(listbox).findByRole('option', { name: /Nuevo León/ });
    expect(option.textContent).toContain('State');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/basemap/labels.geojson'))).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(option.id);
    const flyRequest = useAtlasStore.getState().flyRequest;
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().flyRequest).toBe(flyRequest + 1);
    expect(useAtlasStore.getState().view).toEqual({ center: [-99.8, 25.8], zoom: 5.5 });
    expect(useAtlasStore.getState().selection).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('"queretaro" finds the state Querétaro first, and the city; Escape closes the list', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    const box = screen.getByRole('combobox', { name: 'Search places and facilities' });
    await user.click(box);
    await user.type(box, 'queretaro');
    const options = await within(screen.getByRole('listbox')).findAllByRole('option');
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBeGreaterThanOrEqual(3));
    const names = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.querySelector('.search-name')!.textContent);
    expect(names[0]).toBe('Querétaro');
    expect(names).toContain('Santiago de Querétaro');
    expect(names).toContain('Planta de Celdas Querétaro');
    expect(options.length).toBeGreaterThan(0);
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('finds a facility by name, flies to it and selects it; "/" focuses the search box', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    await user.keyboard('/');
    const box = screen.getByRole('combobox', { name: 'Search places and facilities' });
    expect(document.activeElement).toBe(box);
    await user.type(box, 'gigafactory');
    const option = await within(screen.getByRole('listbox')).findByRole('option', { name: /Tesla Gigafactory Mexico/ });
    await user.click(option);
    expect(useAtlasStore.getState().view).toEqual({ center: [-100.1, 25.8], zoom: 10 });
    expect(useAtlasStore.getState().selection).toBe('assembly-plants:curated:1');
  });
});

describe('copy link', () => {
  it('copies the URL and announces it', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByText('Link copied')).toBeTruthy();
    expect(screen.getByText('Link copied').getAttribute('aria-live')).toBe('polite');
  });

  it('falls back to a selected read-only field when the clipboard is unavailable', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = (await screen.findByRole('textbox', { name: /Copy this link/ })) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe(window.location.href);
    expect(document.activeElement).toBe(field);
  });
});

describe('export', () => {
  it('exports only the filtered rows of visible layers as safe CSV, GeoJSON and citations', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setVisibleLayers(['chargers', 'flows']);
    useAtlasStore.getState().setFilter('chargerLevel', ['L1', 'L2', 'unknown']);
    renderApp();
    await waitFor(() => expect(screen.getByTestId('count-chargers').getAttribute('data-count')).toBe('4'), { timeout: 8000 });
    await user.click(screen.getByRole('button', { name: 'Export what I see' }));
    // the panel's contents load on first opening (issue 13)
    expect(await screen.findByText(/Exports the 6 features that pass the current filters/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Only features inside the current map view' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await screen.findByText('Exported 6 features.')).toBeTruthy();
    const csv = downloads[0]!.text;
    expect(downloads[0]!.name).toMatch(/\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(0, 8)).toEqual(['id', 'name', 'layer', 'country', 'state', 'lon', 'lat', 'precision']);
    expect(lines[0]).toContain('source_names');
    expect(lines[0]).toContain('licences');
    expect(lines[0]).toContain('as_of');
    expect(lines).toHaveLength(1 + 4 + 2);
    expect(csv).not.toContain('Fresno Supercharger'); // DC only: filtered out
    expect(lines.filter((l) => l.startsWith('minerals:'))).toHaveLength(0); // hidden layer: not exported
    expect(lines.filter((l) => l.startsWith('flows:'))).toHaveLength(2);
    expect(csv).toContain('"Depot, ""Main"" yard"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'+Albany, NY @ Lot -1".replace(/^/, '"') + '"');
    expect(csv).toContain(',-97.74,30.27,'); // numbers stay numbers
    expect(csv).toContain('AFDC stations');

    await user.click(screen.getByRole('button', { name: 'Download GeoJSON' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const geojson = JSON.parse(downloads[1]!.text);
    expect(geojson.features).toHaveLength(6);
    expect(geojson.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString')).toHaveLength(2);
    expect(geojson.metadata.atlasUrl).toBe(window.location.href);

    await user.click(screen.getByRole('button', { name: 'Download citations (.txt)' }));
    await waitFor(() => expect(downloads).toHaveLength(3));
    const citations = downloads[2]!.text;
    expect(citations).toContain(window.location.href);
    expect(citations).toContain('AFDC stations. US DOE Alternative Fuels Data Center. https://afdc.energy.gov/stations');
    expect(citations).toContain('Licence: CC BY-SA 4.0. Data as of: 2019-07.');
    expect(citations).toContain('filter chargerLevel: L1, L2, unknown');
  });
});
