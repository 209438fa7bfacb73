import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { chargers, HOSTILE_IMG, mockAtlasFetch } from './fixtures/panels-fixture.ts';
import { buildTableFixture, generatedCharger, mockTableFetch } from './fixtures/table-fixture.ts';
import { TableView } from '../../src/components/table-view.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState({ ...defaultAtlasState(), panelTab: 'table' });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function table(expectedRows?: number): Promise<HTMLElement> {
  const grid = await screen.findByTestId('feature-table', {}, { timeout: 5000 });
  if (expectedRows !== undefined) await waitFor(() => expect(grid.getAttribute('data-row-count')).toBe(String(expectedRows)));
  return grid;
}

/** Ids of the rendered rows, top to bottom. */
function renderedIds(grid: HTMLElement): string[] {
  return [...grid.querySelectorAll<HTMLElement>('[data-row-id]')]
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => row.dataset.rowId!);
}

function rowCells(grid: HTMLElement, id: string): string[] {
  const row = grid.querySelector(`[data-row-id="${id}"]`)!;
  return [...row.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent ?? '');
}

function header(grid: HTMLElement, name: string): HTMLElement {
  return within(grid).getByRole('columnheader', { name });
}

describe('table view', { timeout: 20_000 }, () => {
  it('lists the features of the first visible layer that pass the filters, and follows the filters live', async () => {
    const fetchMock = mockAtlasFetch();
    renderWithProviders(TableView);
    const grid = await table(6);
    expect(screen.getByTestId('table-layer')).toHaveProperty('value', 'chargers');
    expect(screen.getByTestId('table-count').textContent).toContain('6 of 6');
    expect(renderedIds(grid)).toEqual(chargers.map((c) => c.id));
    expect(grid.getAttribute('aria-rowcount')).toBe('7');

    // name, country, state (basemap names), level, network, status, access, ports, max power, location
    await waitFor(() => expect(rowCells(grid, 'chargers:afdc:1')[2]).toBe('Texas'));
    expect(rowCells(grid, 'chargers:afdc:1')).toEqual([
      'Austin Library',
      'United States',
      'Texas',
      'Level 2',
      'ChargePoint Network',
      'Open',
      'Public',
      '4',
      '7.2',
      'Exact',
    ]);
    // a list is joined; unknown is "Unknown", never blank or zero
    expect(rowCells(grid, 'chargers:afdc:3')).toEqual([
      'Depot, "Main" yard',
      'United States',
      'California',
      'Level 1, Level 2',
      'Unknown',
      'Planned',
      'Private',
      'Unknown',
      'Unknown',
      'Exact',
    ]);
    expect(rowCells(grid, 'chargers:ocm:5')).toEqual([
      '=HYPERLINK("http://evil")',
      'Mexico',
      'Mexico City',
      'Unknown',
      'Unknown',
      'Unknown',
      'Unknown',
      'Unknown',
      'Unknown',
      'Approximate',
    ]);

    act(() => useAtlasStore.getState().setCountries(['US']));
    await waitFor(() => expect(grid.getAttribute('data-row-count')).toBe('4'));
    expect(screen.getByTestId('table-count').textContent).toContain('4 of 6');
    act(() => useAtlasStore.getState().setFilter('chargerLevel', ['DC']));
    await waitFor(() => expect(renderedIds(grid)).toEqual(['chargers:afdc:2']));
    act(() => useAtlasStore.getState().setFilter('chargerLevel', []));
    await waitFor(() => expect(grid.getAttribute('data-row-count')).toBe('0'));
    expect(screen.getByText('No feature of this layer passes the filters.')).toBeTruthy();
    act(() => {
      useAtlasStore.getState().resetFilters();
      useAtlasStore.getState().setCountries(['US', 'MX']);
    });
    await waitFor(() => expect(grid.getAttribute('data-row-count')).toBe('6'));
    // filters swap the mask: the details were fetched once
    expect(fetchMock.mock.calls.filter(([url]) => String(url).includes('chargers.details')).length).toBe(1);
  });

  it('offers the visible layers only, switches layer, and renders data strings as text', async () => {
    const user = userEvent.setup();
    mockAtlasFetch();
    act(() => useAtlasStore.getState().setLayerVisible('minerals', false));
    renderWithProviders(TableView);
    await table(6);
    const picker = screen.getByTestId('table-layer') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['chargers', 'battery-plants', 'assembly-plants', 'flows']);

    await user.selectOptions(picker, 'battery-plants');
    const grid = await table(3);
    expect(renderedIds(grid)).toContain('battery-plants:curated:1');
    expect(rowCells(grid, 'battery-plants:curated:1')[0]).toBe(HOSTILE_IMG);
    expect(grid.querySelector('img, script')).toBeNull();
    // capacity formatted; unknown capacity and investment are "Unknown"
    expect(rowCells(grid, 'battery-plants:curated:1')).toContain('1,234.5');
    expect(rowCells(grid, 'battery-plants:curated:2').filter((text) => text === 'Unknown').length).toBe(2);
    // no jobs figure: "not reported", never "unknown" or zero
    expect(rowCells(grid, 'battery-plants:curated:2')).toContain('Not reported');

    await user.selectOptions(picker, 'flows');
    const flows = await table(2);
    expect(
      within(flows)
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.replace(/[▲▼↕]/g, '')),
    ).toEqual(['From', 'To', 'Material', 'Relation', 'Year', 'Cross-border']);
    expect(rowCells(flows, 'flows:curated:1')).toEqual([
      'Thacker Pass (United States)',
      'Planta de Celdas Querétaro (Mexico)',
      'Lithium',
      'Offtake agreement',
      '2024',
      'Yes',
    ]);
    expect(rowCells(flows, 'flows:curated:2')[4]).toBe('Unknown');

    // the picked layer hidden: back to the first visible one; none visible: a message
    act(() => useAtlasStore.getState().setLayerVisible('flows', false));
    await waitFor(() => expect(picker.value).toBe('chargers'));
    act(() => useAtlasStore.getState().setVisibleLayers([]));
    expect(await screen.findByTestId('table-no-layers')).toBeTruthy();
  });

  it('sorts by name (locale-aware) and by a number column (unknown last), both directions, stable', async () => {
    const user = userEvent.setup();
    mockAtlasFetch();
    renderWithProviders(TableView);
    const grid = await table(6);
    const name = header(grid, 'Name');
    expect(name.getAttribute('aria-sort')).toBe('none');

    await user.click(within(name).getByRole('button'));
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    const collator = new Intl.Collator('en-US');
    const byName = [...chargers].sort((a, b) => collator.compare(a.name, b.name)).map((c) => c.id);
    expect(renderedIds(grid)).toEqual(byName);
    await user.click(within(name).getByRole('button'));
    expect(name.getAttribute('aria-sort')).toBe('descending');
    expect(renderedIds(grid)).toEqual([...byName].reverse());

    const ports = header(grid, 'Ports');
    await user.click(within(ports).getByRole('button'));
    expect(ports.getAttribute('aria-sort')).toBe('ascending');
    expect(name.getAttribute('aria-sort')).toBe('none');
    // 2, 4, 8, 12, then the two unknown in data order
    expect(renderedIds(grid)).toEqual(['chargers:afdc:6', 'chargers:afdc:1', 'chargers:ocm:4', 'chargers:afdc:2', 'chargers:afdc:3', 'chargers:ocm:5']);
    await user.click(within(ports).getByRole('button'));
    expect(renderedIds(grid)).toEqual(['chargers:afdc:2', 'chargers:ocm:4', 'chargers:afdc:1', 'chargers:afdc:6', 'chargers:afdc:3', 'chargers:ocm:5']);

    // equal keys keep the data order (stable): Tesla rows, ChargePoint rows, unknown last
    const network = header(grid, 'Network');
    await user.click(within(network).getByRole('button'));
    expect(renderedIds(grid)).toEqual(['chargers:afdc:1', 'chargers:afdc:6', 'chargers:afdc:2', 'chargers:ocm:4', 'chargers:afdc:3', 'chargers:ocm:5']);

    // the sort order follows a filter change
    act(() => useAtlasStore.getState().setCountries(['MX']));
    await waitFor(() => expect(renderedIds(grid)).toEqual(['chargers:ocm:4', 'chargers:ocm:5']));
  });

  it('moves the active row with the keyboard and selects with Enter or Space, flying the map there', async () => {
    const user = userEvent.setup();
    mockAtlasFetch();
    renderWithProviders(TableView);
    const grid = await table(6);
    grid.focus();
    const activeRowId = () => document.getElementById(grid.getAttribute('aria-activedescendant')!)?.closest('[role="row"]')?.getAttribute('data-row-id');
    expect(activeRowId()).toBe('chargers:afdc:1');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRowId()).toBe('chargers:afdc:3');
    await user.keyboard('{Enter}');
    let state = useAtlasStore.getState();
    expect(state.selection).toBe('chargers:afdc:3');
    expect(state.view.center).toEqual([chargers[2]!.lon, chargers[2]!.lat]);
    expect(state.view.zoom).toBe(7);
    await waitFor(() => expect(grid.querySelector('[data-row-id="chargers:afdc:3"]')!.getAttribute('aria-selected')).toBe('true'));

    await user.keyboard('{End}');
    expect(activeRowId()).toBe('chargers:afdc:6');
    await user.keyboard('{ArrowDown}');
    expect(activeRowId()).toBe('chargers:afdc:6');
    await user.keyboard('{ArrowUp}{ }');
    expect(useAtlasStore.getState().selection).toBe('chargers:ocm:5');
    await user.keyboard('{Home}');
    expect(activeRowId()).toBe('chargers:afdc:1');
    await user.keyboard('{PageDown}');
    expect(activeRowId()).toBe('chargers:afdc:6');
    await user.keyboard('{PageUp}');
    expect(activeRowId()).toBe('chargers:afdc:1');

    // the zoom never goes down when already closer
    act(() => useAtlasStore.getState().setView({ center: [0, 0], zoom: 12 }));
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    state = useAtlasStore.getState();
    expect(state.selection).toBe('chargers:afdc:1');
    expect(state.view.zoom).toBe(12);
    expect(grid.getAttribute('aria-activedescendant')).toMatch(/-r0-c2$/);

    // a click selects too
    await user.click(within(grid).getByText('Fresno Supercharger'));
    expect(useAtlasStore.getState().selection).toBe('chargers:afdc:2');
  });

  it('renders only a window of 5,000 rows, loads chunked details with a row count, and sorts and navigates them', async () => {
    const user = userEvent.setup();
    const n = 5000;
    const fixture = buildTableFixture(n);
    const fetchMock = mockTableFetch(fixture);
    renderWithProviders(TableView);
    const grid = await table(n);
    expect(await screen.findByText('5,000 rows loaded.')).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([url]) => /chargers\.details-\d+\.json/.test(String(url))).length).toBe(3);
    expect(screen.getByTestId('table-count').textContent).toContain('5,000 of 5,000');
    expect(grid.getAttribute('aria-rowcount')).toBe(String(n + 1));
    const rendered = grid.querySelectorAll('[role="row"][data-row-id]').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);

    await user.click(within(header(grid, 'Name')).getByRole('button'));
    const collator = new Intl.Collator('en-US');
    const records = fixture.files.chargers.details;
    const byName = records
      .map((record, row) => ({ record, row }))
      .sort((a, b) => collator.compare(a.record.name, b.record.name) || a.row - b.row)
      .map(({ record }) => record.id);
    expect(renderedIds(grid)).toEqual(byName.slice(0, renderedIds(grid).length));

    // numbers: unknown (every sixth row) last in both directions
    const ports = within(header(grid, 'Ports')).getByRole('button');
    await user.click(ports);
    await user.click(ports);
    expect(rowCells(grid, renderedIds(grid)[0]!)[7]).toBe('39');

    grid.focus();
    await user.keyboard('{End}{Enter}');
    const lastUnknown = records.map((record, row) => ({ record, row })).filter(({ record }) => record.attributes.ports === null);
    expect(useAtlasStore.getState().selection).toBe(lastUnknown.at(-1)!.record.id);

    act(() => useAtlasStore.getState().setCountries(['MX']));
    await waitFor(() => expect(grid.getAttribute('data-row-count')).toBe(String(n / 5)));
    expect(generatedCharger(5).country).toBe('MX');
  });

  it('speaks Spanish: headers, count, categories, numbers and unknown', async () => {
    act(() => useAtlasStore.getState().setLanguage('es'));
    mockAtlasFetch();
    renderWithProviders(TableView);
    const grid = await table(6);
    expect(screen.getByRole('heading', { name: 'Elementos que pasan los filtros' })).toBeTruthy();
    expect(screen.getByTestId('table-count').textContent).toContain('6 de 6');
    expect(within(grid).getAllByRole('columnheader')[0]!.textContent).toContain('Nombre');
    expect(grid.getAttribute('aria-label')).toBe('Cargadores de VE: elementos que pasan los filtros');
    await waitFor(() => expect(rowCells(grid, 'chargers:afdc:6')[2]).toBe('Nueva York'));
    expect(rowCells(grid, 'chargers:afdc:3')).toEqual([
      'Depot, "Main" yard',
      'Estados Unidos',
      'California',
      'Nivel 1, Nivel 2',
      'Desconocido',
      'Planeado',
      'Privado',
      'Desconocido',
      'Desconocido',
      'Exacta',
    ]);
    expect(rowCells(grid, 'chargers:afdc:1')[8]).toBe('7.2');
  });
});
