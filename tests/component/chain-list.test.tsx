/** Issue 14: the supply-chain list in the details panel, "show this chain only", disputed notes and source values. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openDetailsPanel } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { useDetailRows } from '../../src/data/detail-rows.ts';
import { minerals, mockAtlasFetch } from './fixtures/panels-fixture.ts';

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

describe('chain list', { timeout: 20_000 }, () => {
  it('lists every step of the chain with material, relation, year, volume, source link and as-of date', async () => {
    const panel = await openDetails('battery-plants:curated:2');
    const list = await within(panel).findByTestId('chain-list');
    expect(within(list).getByRole('heading', { level: 3 }).textContent).toBe('Supply chain (2 steps)');
    const steps = within(list).getAllByTestId('chain-step');
    expect(steps.map((s) => s.getAttribute('data-flow-id')).sort()).toEqual(['flows:curated:1', 'flows:curated:2']);
    const thacker = steps.find((s) => s.getAttribute('data-flow-id') === 'flows:curated:1')!;
    expect(thacker.textContent).toContain('Thacker Pass → Planta de Celdas Querétaro');
    expect(thacker.textContent).toContain('Lithium');
    expect(thacker.textContent).toContain('Offtake agreement');
    expect(thacker.textContent).toContain('2024');
    expect(thacker.textContent).toContain('40,000 t LCE');
    expect(within(thacker).getByRole('link').getAttribute('href')).toBe('https://example.org/press');
    expect(thacker.textContent).toContain('as of Nov 2, 2025'); // the source's date: the fixture row has none of its own
    const atacama = steps.find((s) => s.getAttribute('data-flow-id') === 'flows:curated:2')!;
    expect(atacama.textContent).toContain('Year');
    expect(atacama.textContent).toContain('not published'); // unknown year and volume say so
    expect(within(atacama).queryByRole('link')).toBeNull(); // the source's javascript: URL is never a link
    // a step opens its flow
    await userEvent.setup().click(within(thacker).getByRole('button', { name: /Thacker Pass → Planta/ }));
    expect(useAtlasStore.getState().selection).toBe('flows:curated:1');
  });

  it('"show this chain only" puts chain=<id> in the state, says so over the map, and the way back clears it', async () => {
    const user = userEvent.setup();
    const panel = await openDetails('battery-plants:curated:2');
    const toggle = await within(panel).findByTestId('chain-only');
    expect(toggle.textContent).toBe('Show this chain only');
    await user.click(toggle);
    expect(useAtlasStore.getState().chain).toBe('battery-plants:curated:2');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const banner = await screen.findByTestId('chain-banner');
    expect(banner.textContent).toContain('Map filtered to the supply chain of Planta de Celdas Querétaro');
    await user.click(within(banner).getByTestId('chain-show-all'));
    expect(useAtlasStore.getState().chain).toBeNull();
    expect(screen.queryByTestId('chain-banner')).toBeNull();
  });

  it('in Spanish', async () => {
    useAtlasStore.getState().setLanguage('es');
    const panel = await openDetails('battery-plants:curated:2');
    const list = await within(panel).findByTestId('chain-list');
    expect(list.textContent).toContain('Cadena de suministro (2 pasos)');
    expect(list.textContent).toContain('Aguas arriba');
    expect(within(list).getByTestId('chain-only').textContent).toBe('Mostrar solo esta cadena');
  });

  it('a facility on no flow has no chain list', async () => {
    const panel = await openDetails('battery-plants:curated:3');
    expect(within(panel).queryByTestId('chain-list')).toBeNull();
  });
});

describe('corrections in details', { timeout: 20_000 }, () => {
  it('shows the source value beside the correction, and a disputed note with its citation', async () => {
    const record = minerals[1]!;
    const saved = record.overrides;
    record.overrides = [
      { field: 'status', value: 'disputed', sourceUrl: 'https://example.org/dof-2023', asOf: '2023-08-31', sourceValue: 'construction' },
      { field: 'disputed', value: 'Lithium tag unconfirmed', sourceUrl: 'https://mrdata.usgs.gov/nicrpge', asOf: '2024-09-20' },
    ];
    try {
      mockAtlasFetch(); // the fixture is built from the records when the fetch is installed
      useDetailRows.setState({ rows: {}, loadedChunks: {}, failedChunks: {} }); // details loaded by earlier tests are dropped
      const panel = await openDetails('minerals:curated:2');
      expect(panel.textContent).toContain('Status corrected by a curated fact: Disputed');
      expect(panel.textContent).toContain('Source value: Under construction');
      const flag = screen.getByTestId('disputed-flag');
      expect(flag.textContent).toContain('Disputed: Lithium tag unconfirmed');
      expect(within(flag).getByRole('link').getAttribute('href')).toBe('https://mrdata.usgs.gov/nicrpge');
      expect(flag.textContent).toContain('2024');
      // the source's own value stays shown too: the record's commodities are not changed by a disputed note
      expect(panel.querySelector('[data-attribute="commodities"] dd')!.textContent).toBe('Lithium');
    } finally {
      record.overrides = saved;
    }
  });
});
