import { create } from 'zustand';
import { replaceEqualDeep } from '@tanstack/react-query';
import type { Country } from '../data/atlas-format.ts';
import type { LayerId } from '../map/layers/index.ts';
import { defaultAtlasState, defaultFilters, type AtlasState, type AttributeFilterKey, type Language, type MapView, type PanelTab } from './atlas-state.ts';
import type { StateMeasure } from '../analysis/state-measures.ts';
import type { GapRadiusKm } from '../analysis/gap-constants.ts';
import type { UrlProblem } from './url-codec.ts';

/** Transient interface state: never part of a link. */
export interface UiState {
  panelOpen: boolean;
  urlProblems: UrlProblem[];
  /** bumped to ask the map to fly to `view` (a search result, a preset) instead of jumping */
  flyRequest: number;
  /** issue 11: a request to frame a bounding box (a story scene), answered by the map with fitBounds */
  fitRequest: FitRequest | null;
  /** issue 11: a presentation is running (an update prompt should wait rather than interrupt it) */
  presenting: boolean;
  /** issue 11: bumped when the user (not a fit or a link) pans or zooms the map: a presented scene is then marked as changed */
  userMoves: number;
}

/** [west, south, east, north] in degrees */
export type Bounds = [number, number, number, number];

export interface FitRequest {
  id: number;
  bounds: Bounds;
  /** pixels kept free on each side (caption, legend) */
  padding: { top: number; right: number; bottom: number; left: number };
  /** 0 jumps, otherwise flies */
  duration: number;
}

export interface AtlasActions {
  setLanguage(language: Language): void;
  setView(view: MapView): void;
  flyTo(view: MapView): void;
  setLayerVisible(layer: LayerId, visible: boolean): void;
  setVisibleLayers(layers: readonly LayerId[]): void;
  setCountries(countries: Country[]): void;
  setFilter(key: AttributeFilterKey, values: string[] | null): void;
  resetFilters(): void;
  select(featureId: string | null): void;
  setChoropleth(layer: LayerId | null): void;
  setMeasure(measure: StateMeasure): void;
  setPanelTab(tab: PanelTab): void;
  setGap(on: boolean): void;
  setGapRadius(radiusKm: GapRadiusKm): void;
  /** issue 15: the state view (layer choropleth, policy, coverage) and the theme, set together by the controls and presets */
  setStateView(view: Partial<Pick<AtlasState, 'choropleth' | 'measure' | 'policy' | 'coverage' | 'theme' | 'gap'>>): void;
  /** issue 14: filter the map to a facility's supply chain (null: show everything again) */
  setChainOnly(facilityId: string | null): void;
  setPanelOpen(open: boolean): void;
  replaceAtlasState(state: AtlasState, problems?: UrlProblem[]): void;
  dismissUrlProblems(): void;
  fitBounds(request: Omit<FitRequest, 'id'>): void;
  setPresenting(presenting: boolean): void;
  noteUserMove(): void;
}

export type AtlasStore = AtlasState & UiState & AtlasActions;

export function createAtlasStore(initial: AtlasState = defaultAtlasState()) {
  return create<AtlasStore>()((set) => ({
    ...initial,
    panelOpen: true,
    urlProblems: [],
    flyRequest: 0,
    fitRequest: null,
    presenting: false,
    userMoves: 0,
    setLanguage: (language) => set({ language }),
    setView: (view) => set({ view }),
    flyTo: (view) => set((s) => ({ view, flyRequest: s.flyRequest + 1 })),
    setLayerVisible: (layer, visible) => set((s) => ({ layers: { ...s.layers, [layer]: visible } })),
    setVisibleLayers: (visibleLayers) =>
      set((s) => ({
        layers: Object.fromEntries(Object.keys(s.layers).map((id) => [id, visibleLayers.includes(id)])),
      })),
    setCountries: (countries) => set({ countries }),
    setFilter: (key, values) => set((s) => ({ filters: { ...s.filters, [key]: values } })),
    resetFilters: () => set({ filters: defaultFilters() }),
    select: (selection) => set({ selection }),
    setChoropleth: (choropleth) => set({ choropleth }),
    setMeasure: (measure) => set({ measure }),
    setPanelTab: (panelTab) => set({ panelTab, panelOpen: true }),
    setGap: (gap) => set({ gap }),
    setGapRadius: (gapRadiusKm) => set({ gapRadiusKm }),
    setStateView: (view) => set(view),
    setChainOnly: (chain) => set({ chain }),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    // a state read from the URL keeps the current objects where they are equal (the layers, the other filters), so
    // only what the link changed re-renders
    replaceAtlasState: (state, problems = []) => set((s) => ({ ...replaceEqualDeep(pickAtlasState(s), state), urlProblems: problems })),
    dismissUrlProblems: () => set({ urlProblems: [] }),
    fitBounds: (request) => set((s) => ({ fitRequest: { ...request, id: (s.fitRequest?.id ?? 0) + 1 } })),
    setPresenting: (presenting) => set({ presenting }),
    noteUserMove: () => set((s) => ({ userMoves: s.userMoves + 1 })),
  }));
}

export type AtlasStoreHook = ReturnType<typeof createAtlasStore>;

/** The app's single store. Tests create their own with createAtlasStore(). */
export const useAtlasStore: AtlasStoreHook = createAtlasStore();

export function pickAtlasState(s: AtlasState): AtlasState {
  return {
    language: s.language,
    view: s.view,
    layers: s.layers,
    countries: s.countries,
    filters: s.filters,
    selection: s.selection,
    story: s.story,
    storyData: s.storyData,
    scene: s.scene,
    present: s.present,
    embed: s.embed,
    highContrast: s.highContrast,
    bothLanguages: s.bothLanguages,
    choropleth: s.choropleth,
    measure: s.measure,
    panelTab: s.panelTab,
    dataVersion: s.dataVersion,
    gap: s.gap,
    gapRadiusKm: s.gapRadiusKm,
    policy: s.policy,
    coverage: s.coverage,
    theme: s.theme,
    chain: s.chain,
  };
}
