/** The map view restyles the map only when the style's inputs (language, state fills) differ from the style it has. */
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { DEFAULT_VIEW } from '../../src/state/atlas-state.ts';

const created: { language: string; setStyle: ReturnType<typeof vi.fn> }[] = [];

vi.mock('../../src/map/create-map.ts', () => ({
  createAtlasMap: ({ language }: { language: string }) => {
    const setStyle = vi.fn();
    created.push({ language, setStyle });
    const noop = () => undefined;
    return {
      setStyle,
      touchZoomRotate: { disableRotation: noop },
      addControl: noop,
      on: noop,
      once: noop,
      remove: noop,
      getLayer: () => undefined,
      getCanvas: () => Object.assign(document.createElement('canvas'), { width: 800, height: 600 }),
      getCenter: () => ({ lng: DEFAULT_VIEW.center[0], lat: DEFAULT_VIEW.center[1] }),
      getZoom: () => DEFAULT_VIEW.zoom,
      jumpTo: noop,
      flyTo: noop,
    } as unknown as MaplibreMap;
  },
}));
vi.mock('@deck.gl/maplibre', () => ({
  MapLibreOverlay: class {
    setProps() {}
  },
}));
vi.mock('maplibre-gl', () => ({ NavigationControl: class {}, ScaleControl: class {} }));

const { MapView } = await import('../../src/map/map-view.tsx');
const FILLS = { colors: { 'US-CA': '#08306b' } };
const choropleth = { fills: FILLS, tooltip: () => null, onClick: () => undefined };

describe('MapView restyling', () => {
  beforeEach(() => {
    created.length = 0;
    useAtlasStore.setState({ language: 'en', view: DEFAULT_VIEW });
  });
  afterEach(() => useAtlasStore.setState({ language: 'en' }));

  it('leaves the style the map was created with alone on mount, and restyles when the language changes', () => {
    renderWithProviders(() => <MapView deckLayers={[]} />);
    expect(created).toHaveLength(1);
    expect(created[0]!.language).toBe('en');
    expect(created[0]!.setStyle).not.toHaveBeenCalled();

    act(() => useAtlasStore.setState({ language: 'es' }));
    expect(created[0]!.setStyle).toHaveBeenCalledTimes(1);
    const [style, options] = created[0]!.setStyle.mock.calls[0]!;
    expect(options).toEqual({ diff: true });
    expect(JSON.stringify(style)).toContain('name_es');

    act(() => useAtlasStore.setState({ language: 'es' }));
    expect(created[0]!.setStyle).toHaveBeenCalledTimes(1);
  });

  it('restyles on mount when the link asks for state fills the map was created without', () => {
    renderWithProviders(() => <MapView deckLayers={[]} choropleth={choropleth} />);
    expect(created[0]!.setStyle).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(created[0]!.setStyle.mock.calls[0]![0])).toContain('#08306b');
  });
});
