import { describe, expect, it } from 'vitest';
import { createAtlasStore, pickAtlasState } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { decodeAtlasState, encodeAtlasState } from '../../src/state/url-codec.ts';

describe('atlas store', () => {
  it('starts from the default state', () => {
    const store = createAtlasStore();
    expect(pickAtlasState(store.getState())).toEqual(defaultAtlasState());
  });

  it('changes language, view, layers, countries, filters and selection through actions', () => {
    const store = createAtlasStore();
    const s = store.getState();
    s.setLanguage('es');
    s.setView({ center: [-100.3, 25.67], zoom: 8 });
    s.setLayerVisible('minerals', false);
    s.setCountries(['US']);
    s.setFilter('chargerLevel', ['DC']);
    s.select('chargers:afdc:1');
    const state = pickAtlasState(store.getState());
    expect(state.language).toBe('es');
    expect(state.view.zoom).toBe(8);
    expect(state.layers.minerals).toBe(false);
    expect(state.layers.chargers).toBe(true);
    expect(state.countries).toEqual(['US']);
    expect(state.filters.chargerLevel).toEqual(['DC']);
    expect(state.selection).toBe('chargers:afdc:1');
    store.getState().resetFilters();
    expect(store.getState().filters.chargerLevel).toBeNull();
  });

  it('shows exactly the layers of a preset', () => {
    const store = createAtlasStore();
    store.getState().setVisibleLayers(['chargers']);
    expect(store.getState().layers).toEqual({ chargers: true, minerals: false, 'battery-plants': false, 'assembly-plants': false, flows: false });
  });

  it('flyTo changes the view and counts a fly request; setView does not', () => {
    const store = createAtlasStore();
    store.getState().setView({ center: [0, 0], zoom: 2 });
    expect(store.getState().flyRequest).toBe(0);
    store.getState().flyTo({ center: [-99, 19], zoom: 9 });
    expect(store.getState().flyRequest).toBe(1);
    expect(store.getState().view.center).toEqual([-99, 19]);
  });

  it('a state restored from its own URL is the same state', () => {
    const store = createAtlasStore();
    store.getState().setLanguage('es');
    store.getState().setFilter('state', ['US-TX']);
    const fragment = encodeAtlasState(pickAtlasState(store.getState()));
    const other = createAtlasStore();
    const { state, problems } = decodeAtlasState(fragment);
    other.getState().replaceAtlasState(state, problems);
    expect(pickAtlasState(other.getState())).toEqual(pickAtlasState(store.getState()));
  });

  it('a state read from a link keeps the objects the link did not change, so only what changed re-renders', () => {
    const store = createAtlasStore();
    store.getState().setFilter('chargerNetwork', ['Tesla']);
    const before = store.getState();
    const changed = decodeAtlasState(`${encodeAtlasState(pickAtlasState(before))}&country=MX&f.chargerLevel=DC`).state;
    store.getState().replaceAtlasState(changed);
    const after = store.getState();
    expect(after.countries).toEqual(['MX']);
    expect(after.filters.chargerLevel).toEqual(['DC']);
    expect(after.layers).toBe(before.layers);
    expect(after.view).toBe(before.view);
    expect(after.filters.chargerNetwork).toBe(before.filters.chargerNetwork);
    expect(after.filters).not.toBe(before.filters);
    expect(after.countries).not.toBe(before.countries);
    expect(pickAtlasState(after)).toEqual(changed);
  });
});
