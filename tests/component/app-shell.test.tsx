import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { decodeAtlasState } from '../../src/state/url-codec.ts';

// jsdom has no WebGL: the map itself is tested in Chromium (tests/e2e).
vi.mock('../../src/map/map-view.tsx', () => ({
  MapView: () => <div data-testid="map" />,
}));

const { App } = await import('../../src/app.tsx');

function renderApp() {
  return renderWithProviders(App);
}

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('not found', { status: 404 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('app shell', () => {
  it('shows the atlas name, the map and the panel in English by default', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('US–Mexico Transport Electrification Atlas');
    expect(screen.getByTestId('map')).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Layers and filters' })).toBeTruthy();
  });

  it('switches every shell string and <html lang> to Spanish in one click, and back', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Español' }));
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Atlas de la electrificación del transporte');
    expect(screen.getByRole('complementary', { name: 'Capas y filtros' })).toBeTruthy();
    expect(useAtlasStore.getState().language).toBe('es');
    await user.click(screen.getByRole('button', { name: 'English' }));
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('collapses and reopens the side panel', async () => {
    const user = userEvent.setup();
    renderApp();
    const toggle = screen.getByRole('button', { name: 'Hide layers and filters' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(screen.queryByRole('complementary')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show layers and filters' }));
    expect(screen.getByRole('complementary')).toBeTruthy();
  });

  it('says unobtrusively which link settings were reset, and can be dismissed', async () => {
    const user = userEvent.setup();
    const { state, problems } = decodeAtlasState('#v=1&lang=xx&view=1,2&layers=chargers');
    useAtlasStore.getState().replaceAtlasState(state, problems);
    renderApp();
    const notice = screen.getByTestId('url-problems');
    expect(notice.textContent).toContain('lang');
    expect(notice.textContent).toContain('view');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('url-problems')).toBeNull();
    expect(useAtlasStore.getState().layers.minerals).toBe(false);
  });

  it('reports when the atlas data cannot be loaded instead of failing silently', async () => {
    renderApp();
    expect((await screen.findByTestId('data-error')).textContent).toContain('manifest.json');
  });
});
