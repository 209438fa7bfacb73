import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import { STATE_RECORDS, chargers, minerals, mockAtlasFetchWithStates } from './fixtures/panels-fixture.ts';

const downloads = vi.hoisted(() => [] as { fileName: string; text: string }[]);
vi.mock('../../src/export/download.ts', () => ({
  downloadText: (fileName: string, text: string) => downloads.push({ fileName, text }),
}));

const { StatsPanel } = await import('../../src/components/stats-panel.tsx');
const { countColumnCategories } = await import('../../src/components/stats/category-counts.ts');

function renderPanel() {
  return renderWithProviders(StatsPanel);
}

function stateRow(code: string): HTMLElement {
  return document.querySelector(`tr[data-state="${code}"]`) as HTMLElement;
}
function cell(code: string, measure: string): HTMLElement {
  return stateRow(code).querySelector(`[data-measure="${measure}"]`) as HTMLElement;
}
async function waitForTable() {
  await waitFor(() => expect(document.querySelector('tr[data-state="US-CA"]')).not.toBeNull());
}
function chart(layer: string, param: string): HTMLElement {
  return document.querySelector(`figure[data-chart="${layer}.${param}"]`) as HTMLElement;
}
function bar(layer: string, param: string, value: string): HTMLElement {
  return chart(layer, param).querySelector(`[data-category="${value}"]`) as HTMLElement;
}
async function waitForChart(layer: string, param: string) {
  await waitFor(() => expect(document.querySelector(`figure[data-chart="${layer}.${param}"] [data-category]`)).not.toBeNull());
}
const barCount = (layer: string, param: string, value: string) => Number(bar(layer, param, value).getAttribute('data-count'));

/** Expected counts computed from the fixture's records, not written down. */
const levelCount = (records: DetailRecord[], level: string) =>
  records.filter((r) => {
    const levels = (r.attributes.level as string[] | null) ?? [];
    return level === 'unknown' ? levels.length === 0 : levels.includes(level);
  }).length;
const statePopulation = (code: string) => STATE_RECORDS.find((s) => s.code === code)!.population;
const chargersIn = (code: string) => chargers.filter((r) => r.state === code).length;

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState({ ...defaultAtlasState(), panelTab: 'stats' });
  mockAtlasFetchWithStates();
  downloads.length = 0;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('category counts from the columns and a mask', () => {
  it('counts a bitmask row in every bit it has, and a row with no bit as unknown', () => {
    const data = {
      dataset: 'chargers' as const,
      rowCount: 4,
      position: new Float32Array(8),
      columns: {
        level: {
          spec: { name: 'level', type: 'uint16' as const, byteOffset: 0, length: 4, kind: 'bitmask' as const, categories: ['L1', 'L2', 'DC'] },
          values: new Uint16Array([0b011, 0b100, 0, 0b110]),
        },
      },
    };
    expect(countColumnCategories(data, 'level', new Uint8Array([1, 1, 1, 1]))).toEqual([
      { value: 'L1', count: 1 },
      { value: 'L2', count: 2 },
      { value: 'DC', count: 2 },
      { value: 'unknown', count: 1 },
    ]);
    expect(countColumnCategories(data, 'level', new Uint8Array([0, 1, 0, 0]))!.map((c) => c.count)).toEqual([0, 0, 1, 0]);
  });
});

describe('statistics panel: state table', { timeout: 20_000 }, () => {
  it('has a row per state with data-state, and data-measure/data-value cells computed from the populations', async () => {
    renderPanel();
    await waitForTable();
    expect(document.querySelectorAll('tr[data-state]')).toHaveLength(STATE_RECORDS.length);
    expect(cell('US-CA', 'population').getAttribute('data-value')).toBe(String(statePopulation('US-CA')));
    expect(cell('US-CA', 'count').getAttribute('data-value')).toBe(String(chargersIn('US-CA')));
    expect(Number(cell('US-CA', 'per100k').getAttribute('data-value'))).toBeCloseTo((chargersIn('US-CA') / statePopulation('US-CA')) * 100_000, 10);
    expect(Number(cell('MX-NLE', 'per100k').getAttribute('data-value'))).toBeCloseTo((chargersIn('MX-NLE') / statePopulation('MX-NLE')) * 100_000, 10);
    expect(Number(cell('US-CA', 'per10kKm2').getAttribute('data-value'))).toBeCloseTo((chargersIn('US-CA') / 415_031.7) * 10_000, 10);
    expect(Number(cell('US-CA', 'bevPerCharger').getAttribute('data-value'))).toBeCloseTo(1_256_646 / chargersIn('US-CA'), 10);
    // not applicable (Mexico publishes no registrations) and undefined (no charger): no value, a dash
    for (const code of ['MX-NLE', 'US-NM']) {
      expect(cell(code, 'bevPerCharger').hasAttribute('data-value')).toBe(false);
      expect(cell(code, 'bevPerCharger').textContent).toBe('–');
    }
    // a state with no charger is a real zero where the layer is complete
    expect(cell('US-NM', 'count').getAttribute('data-value')).toBe('0');
  });

  it('respects the country filter and the state filter', async () => {
    renderPanel();
    await waitForTable();
    act(() => useAtlasStore.getState().setCountries(['MX']));
    await waitFor(() => expect(stateRow('US-CA')).toBeNull());
    const mexican = STATE_RECORDS.filter((s) => s.country === 'MX').map((s) => s.code);
    expect([...document.querySelectorAll('tr[data-state]')].map((row) => row.getAttribute('data-state')).sort()).toEqual(mexican.sort());
    act(() => useAtlasStore.getState().setFilter('state', ['MX-NLE']));
    await waitFor(() => expect(document.querySelectorAll('tr[data-state]')).toHaveLength(1));
  });

  it('sorts by any column with aria-sort, states without a value last', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitForTable();
    const table = screen.getByTestId('state-table');
    const header = within(table).getByRole('columnheader', { name: /Per 100,000 people/ });
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const order = () => [...table.querySelectorAll('tr[data-state]')].map((row) => row.querySelector('[data-measure="per100k"]')!.getAttribute('data-value'));
    const descending = order().map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(0);
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = order().map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    const nameHeader = within(table).getByRole('columnheader', { name: /^State/ });
    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(header.getAttribute('aria-sort')).toBe('none');
    const names = [...table.querySelectorAll('tr[data-state] th button')].map((b) => b.textContent!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-US')));

    // EVs per charger: the states where it does not apply go last in both directions
    const bev = within(table).getByRole('columnheader', { name: /Battery EVs per charger/ });
    await user.click(within(bev).getByRole('button'));
    const bevValues = [...table.querySelectorAll('tr[data-state] [data-measure="bevPerCharger"]')].map((c) => c.getAttribute('data-value'));
    const firstEmpty = bevValues.indexOf(null);
    expect(bevValues.slice(firstEmpty).every((v) => v === null)).toBe(true);
  });

  it('a state name opens its profile', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitForTable();
    await user.click(within(stateRow('MX-NLE')).getByRole('button', { name: /Nuevo León/ }));
    expect(useAtlasStore.getState().selection).toBe('states:MX-NLE');
  });

  it('says where the layer is partial (lower bounds), shows published figures beside the mapped count, and unknown coverage is not zero', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitForTable();
    const notes = screen.getAllByTestId('stats-coverage-note').map((n) => n.textContent);
    expect(notes.some((n) => n!.includes('Lower bounds') && n!.includes('Mexico: partial'))).toBe(true);
    expect(cell('MX-NLE', 'count').textContent).toContain('≥');
    expect(cell('MX-NLE', 'count').textContent).toContain('at least');
    expect(cell('US-CA', 'count').textContent).not.toContain('≥');
    const published = stateRow('MX-NLE').querySelector('.published-cell')!;
    expect(published.textContent).toContain('101');
    expect(published.textContent).toContain('INA');
    expect(stateRow('MX-CMX').querySelectorAll('.published-list li')).toHaveLength(2);
    expect(stateRow('US-CA').querySelector('.published-cell')!.textContent).toBe('–');

    // minerals: nothing is mapped in Mexico (coverage 'none'), so Mexican counts are unknown, not 0
    await user.selectOptions(screen.getByLabelText('Layer counted by state'), 'minerals');
    await waitFor(() => expect(cell('US-NV', 'count').getAttribute('data-value')).toBe(String(minerals.filter((r) => r.state === 'US-NV').length)));
    expect(cell('MX-SON', 'count').hasAttribute('data-value')).toBe(false);
    expect(cell('MX-SON', 'count').textContent).toBe('–');
    expect(screen.getAllByTestId('stats-coverage-note').some((n) => n.textContent!.includes('Unknown, not zero'))).toBe(true);
    // no EVs per charger column for a layer other than chargers
    expect(document.querySelector('[data-measure="bevPerCharger"]')).toBeNull();
  });

  it('defaults to the choropleth layer', async () => {
    useAtlasStore.getState().setChoropleth('battery-plants');
    renderPanel();
    await waitForTable();
    expect((screen.getByLabelText('Layer counted by state') as HTMLSelectElement).value).toBe('battery-plants');
    expect(cell('MX-NLE', 'count').getAttribute('data-value')).toBe('1');
  });

  it('formats numbers and labels in Spanish (es-MX)', async () => {
    useAtlasStore.getState().setLanguage('es');
    renderPanel();
    await waitForTable();
    const table = screen.getByTestId('state-table');
    expect(within(table).getByRole('columnheader', { name: /Por cada 100,000 habitantes/ })).toBeTruthy();
    const es = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
    expect(cell('US-CA', 'population').textContent).toBe(es.format(statePopulation('US-CA')));
    const per100k = (chargersIn('MX-NLE') / statePopulation('MX-NLE')) * 100_000;
    expect(cell('MX-NLE', 'per100k').textContent).toContain(new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 }).format(per100k));
    expect(cell('MX-NLE', 'per100k').textContent).toContain('al menos');
    expect(within(stateRow('US-NY')).getByRole('button', { name: /Nueva York/ })).toBeTruthy();
    await waitForChart('chargers', 'chargerLevel');
    expect(bar('chargers', 'chargerLevel', 'DC').textContent).toContain('Carga rápida CC');
  });
});

describe('statistics panel: charts', { timeout: 20_000 }, () => {
  it('counts per category under the filters, and updates when a filter changes', async () => {
    renderPanel();
    await waitForChart('chargers', 'chargerLevel');
    for (const level of ['L1', 'L2', 'DC', 'unknown']) expect(barCount('chargers', 'chargerLevel', level)).toBe(levelCount(chargers, level));
    // a multi-level station counts in each level, and the chart says so
    expect(chart('chargers', 'chargerLevel').textContent).toContain('add up to more than the total');
    expect(bar('chargers', 'chargerLevel', 'unknown').textContent).toContain('Level unknown');

    act(() => useAtlasStore.getState().setFilter('chargerAccess', ['public']));
    const publicChargers = chargers.filter((r) => r.attributes.access === 'public');
    await waitFor(() => expect(barCount('chargers', 'chargerLevel', 'L2')).toBe(levelCount(publicChargers, 'L2')));
    expect(barCount('chargers', 'chargerLevel', 'unknown')).toBe(levelCount(publicChargers, 'unknown'));
    expect(Number(screen.getByTestId('stats-total-chargers').getAttribute('data-count'))).toBe(publicChargers.length);
    // the excluded access values are "filtered out", not 0
    expect(bar('chargers', 'chargerAccess', 'private').textContent).toContain('filtered out');

    act(() => useAtlasStore.getState().setCountries(['US']));
    await waitFor(() =>
      expect(barCount('chargers', 'chargerLevel', 'DC')).toBe(
        levelCount(
          publicChargers.filter((r) => r.country === 'US'),
          'DC',
        ),
      ),
    );
  });

  it('charts every layer: minerals by commodity and status, plants by stage/EV production and status, flows by material', async () => {
    renderPanel();
    await waitForChart('flows', 'flowMaterial');
    await waitForChart('assembly-plants', 'assemblyStatus');
    expect(barCount('minerals', 'mineralCommodity', 'lithium')).toBe(2);
    expect(barCount('minerals', 'mineralStatus', 'disputed')).toBe(1);
    expect(barCount('battery-plants', 'plantStage', 'cell')).toBe(1);
    expect(barCount('battery-plants', 'plantStatus', 'announced')).toBe(1);
    expect(barCount('assembly-plants', 'assemblyEv', 'ev_announced')).toBe(1);
    expect(barCount('flows', 'flowMaterial', 'lithium')).toBe(2);
    // a bar takes its colour from the layer legend's palette (lithium's purple), unknown is grey
    const lithiumRect = bar('minerals', 'mineralCommodity', 'lithium').querySelector('rect[fill]')!;
    expect(lithiumRect.getAttribute('fill')).toBe('rgb(123, 44, 191)');
  });

  it('clicking a bar applies its filter, with a visible hint; a second click shows all again', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitForChart('chargers', 'chargerLevel');
    await user.click(bar('chargers', 'chargerLevel', 'DC'));
    expect(useAtlasStore.getState().filters.chargerLevel).toEqual(['DC']);
    expect(within(chart('chargers', 'chargerLevel')).getByRole('status').textContent).toContain('Filter applied: Charging level = DC fast');
    expect(bar('chargers', 'chargerLevel', 'DC').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('stats-filters').textContent).toContain('DC fast');
    await waitFor(() => expect(Number(screen.getByTestId('stats-total-chargers').getAttribute('data-count'))).toBe(levelCount(chargers, 'DC')));

    await user.click(bar('chargers', 'chargerLevel', 'DC'));
    expect(useAtlasStore.getState().filters.chargerLevel).toBeNull();

    // keyboard: a bar is a button
    bar('minerals', 'mineralStatus', 'disputed').focus();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().filters.mineralStatus).toEqual(['disputed']);
    // the chip removes it
    await user.click(screen.getByRole('button', { name: /Remove the filter “Status”/ }));
    expect(useAtlasStore.getState().filters.mineralStatus).toBeNull();
  });

  it('top states: by count or per 100,000 people; clicking a state filters to it', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitFor(() => expect(document.querySelector('[data-bar-state]')).not.toBeNull());
    const topCodes = () => [...document.querySelectorAll('[data-bar-state]')].map((b) => b.getAttribute('data-bar-state'));
    expect(topCodes()[0]).toBe('US-CA'); // the only state with two chargers
    await user.click(screen.getByRole('radio', { name: 'Per 100,000 people' }));
    const perCapita = STATE_RECORDS.filter((s) => chargersIn(s.code) > 0)
      .map((s) => ({ code: s.code, value: chargersIn(s.code) / s.population }))
      .sort((a, b) => b.value - a.value)
      .map((s) => s.code);
    expect(topCodes()).toEqual(perCapita);
    await user.click(document.querySelector('[data-bar-state="MX-CMX"]') as HTMLElement);
    expect(useAtlasStore.getState().filters.state).toEqual(['MX-CMX']);
    expect(screen.getByTestId('stats-filters').textContent).toContain('Mexico City');
  });

  it('has a table alternative with the same numbers and a button per row', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitForChart('chargers', 'chargerLevel');
    await user.click(screen.getByRole('checkbox', { name: 'Show the charts as tables' }));
    const table = within(chart('chargers', 'chargerLevel')).getByRole('table');
    const row = table.querySelector('tr[data-category="L2"]') as HTMLElement;
    // Mexico is partial for chargers: the count is marked as a lower bound
    expect(row.querySelector('td')!.textContent).toBe(`≥ ${levelCount(chargers, 'L2')}`);
    within(row)
      .getByRole('button', { name: /Show only this/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().filters.chargerLevel).toEqual(['L2']);
  });
});

describe('statistics panel: export', { timeout: 20_000 }, () => {
  it('downloads the statistics as spreadsheet-safe CSV with the filters in force, and a citations file', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setFilter('chargerAccess', ['public']);
    renderPanel();
    await waitForTable();
    await waitForChart('flows', 'flowMaterial');
    await user.click(screen.getByRole('button', { name: 'Statistics (CSV)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const csv = downloads[0]!.text;
    expect(downloads[0]!.fileName).toMatch(/statistics\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toContain('filters');
    const row = (prefix: string) => lines.find((line) => line.startsWith(prefix))!;
    const ca = row('states,chargers,state,US-CA,').split(',');
    expect(Number(ca[header.indexOf('count')])).toBe(chargers.filter((r) => r.state === 'US-CA' && r.attributes.access === 'public').length);
    expect(Number(ca[header.indexOf('population')])).toBe(statePopulation('US-CA'));
    expect(ca[header.indexOf('filters')]).toBe('chargerAccess: public');
    expect(row('categories,chargers,chargerLevel,DC,')).toBeTruthy();
    // published figures beside the count; quotes in a source's text are escaped (the cell stays one cell)
    const cmx = row('states,chargers,state,MX-CMX,');
    expect(cmx).toContain('272 estaciones de carga y conectores (INA, 2022-09');
    expect(cmx).toContain('""');
    expect(lines.some((line) => /(^|,)=/.test(line))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Citations (text)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const citations = downloads[1]!.text;
    expect(citations).toContain('Census 2020 county population');
    expect(citations).toContain('AFDC stations');
    expect(citations).toContain('Scope: chargerAccess: public');
    expect(citations).toContain('lower bounds');
  });
});
