/**
 * Issue 11: applies a story's scenes to the store. A scene change replaces the atlas state (keeping
 * the session: language, presentation, theme) and asks the map to frame the scene's bounding box.
 * The scene is "changed" when the presenter pans, zooms or filters afterwards; returnToScene()
 * applies it again.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { CUSTOM_STORY_ID, sceneAtlasState, type Story } from '../stories/story.ts';
import type { StoryProblem } from '../stories/user-story.ts';
import { curatedStory, DEFAULT_STORY_ID } from '../stories/index.ts';
import { encodeAtlasState } from '../state/url-codec.ts';
import { DEFAULT_VIEW, defaultAtlasState, type AtlasState } from '../state/atlas-state.ts';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';

/** The user's own story (issue 11, part 4): built in the story editor, or read from a story link or file. */
export interface CustomStoryState {
  story: Story | null;
  /** the link payload (`s=`) the story was read from or last written to, so that a link is decoded once */
  payload: string | null;
  /** a story link is being read (its codec loads on demand) */
  loading: boolean;
  /** what an opened link or file had that was rejected */
  problems: StoryProblem[];
  /** the story editor is open */
  editorOpen: boolean;
  /** bumped when a story is read from a link or a file (its scene is then applied anew) */
  loads: number;
  setStory(story: Story | null): void;
}
export const useCustomStory = create<CustomStoryState>()((set) => ({
  story: null,
  payload: null,
  loading: false,
  problems: [],
  editorOpen: false,
  loads: 0,
  setStory: (story) => set({ story }),
}));

/**
 * Reads the user's story from the link (`story=custom&s=...`) when it differs from the one in hand;
 * the link codec (and its compression library) loads only then. A link that is not presented opens
 * the story editor on it.
 */
export function useCustomStoryLink(): void {
  const storyId = useAtlasStore((s) => s.story);
  const storyData = useAtlasStore((s) => s.storyData);
  useEffect(() => {
    if (storyId !== CUSTOM_STORY_ID || !storyData || useCustomStory.getState().payload === storyData) return;
    let cancelled = false;
    useCustomStory.setState({ loading: true });
    void import('../stories/story-link.ts').then(({ decodeStoryPayload }) => {
      if (cancelled) return;
      const { story, problems } = decodeStoryPayload(storyData);
      const present = useAtlasStore.getState().present;
      useCustomStory.setState((current) => ({
        story: story ?? current.story,
        payload: storyData,
        loading: false,
        problems,
        editorOpen: current.editorOpen || (!present && story !== null),
        loads: story ? current.loads + 1 : current.loads,
      }));
      // a link whose story could not be read shows nothing of it
      if (!story) {
        const state = useAtlasStore.getState();
        if (state.story === CUSTOM_STORY_ID && state.storyData === storyData)
          state.replaceAtlasState({ ...pickAtlasState(state), storyData: null, story: null, scene: 1, present: false }, state.urlProblems);
      }
    });
    return () => {
      cancelled = true;
      useCustomStory.setState({ loading: false });
    };
  }, [storyId, storyData]);
}

export function resolveStory(id: string | null): Story | undefined {
  if (!id) return undefined;
  if (id === CUSTOM_STORY_ID) return useCustomStory.getState().story ?? undefined;
  return curatedStory(id);
}

/**
 * What makes a scene: everything but the camera, the session's display choices and the data version (a link records
 * the version once the manifest has loaded, which on a slow first load is after the scene was applied).
 */
export function sceneKey(state: AtlasState): string {
  const defaults = defaultAtlasState();
  return encodeAtlasState({
    ...state,
    view: DEFAULT_VIEW,
    language: defaults.language,
    panelTab: defaults.panelTab,
    highContrast: false,
    bothLanguages: false,
    dataVersion: defaults.dataVersion,
  });
}

interface SceneStatus {
  /** sceneKey of the scene as applied, and the user-move counter then */
  baseline: string | null;
  baselineMoves: number;
}
export const useSceneStatus = create<SceneStatus>()(() => ({ baseline: null, baselineMoves: 0 }));

/** Pixels kept free around a framed scene: in presentation, the caption (bottom) and the legend (right). */
export function scenePadding(present: boolean): { top: number; right: number; bottom: number; left: number } {
  const width = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const height = typeof window === 'undefined' ? 800 : window.innerHeight;
  if (!present) return { top: 40, right: 40, bottom: 40, left: 40 };
  return { top: Math.round(height * 0.05), right: Math.round(width * 0.31), bottom: Math.round(height * 0.37), left: Math.round(width * 0.03) };
}

/** Applies scene `sceneNumber` (1-based, clamped) of the store's story; `duration` 0 jumps. */
export function applyScene(duration: number): void {
  const current = useAtlasStore.getState();
  const story = resolveStory(current.story);
  if (!story || story.scenes.length === 0) return;
  const index = Math.min(Math.max(current.scene - 1, 0), story.scenes.length - 1);
  const { state } = sceneAtlasState(story, index, current);
  // the camera stays where it is until the map frames the scene (a fly from here, not a jump to a default view)
  const next: AtlasState = { ...state, view: current.view };
  current.replaceAtlasState(next);
  current.fitBounds({ bounds: story.scenes[index]!.bounds, padding: scenePadding(next.present), duration });
  useSceneStatus.setState({ baseline: sceneKey(next), baselineMoves: useAtlasStore.getState().userMoves });
  // what happens while the map frames the scene is not the presenter's doing: moves reported then
  // (resize, inertia of an earlier drag) and parameters other modules settle after a state change
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    const settled = useAtlasStore.getState();
    useSceneStatus.setState({ baseline: sceneKey(pickAtlasState(settled)), baselineMoves: settled.userMoves });
  }, duration + 400);
}
let settleTimer: ReturnType<typeof setTimeout> | undefined;

/** Keeps the store on the story's current scene: on a link, a key or a button that changes `story`/`scene`. */
export function useSceneSync(): void {
  const story = useAtlasStore((s) => s.story);
  const scene = useAtlasStore((s) => s.scene);
  // the user's story is ready once read; a story read anew from a link or file is applied anew
  const storyReady = useCustomStory((s) => (story === CUSTOM_STORY_ID ? (s.story === null ? null : s.loads) : 0));
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!story || storyReady === null) {
      applied.current = null;
      return;
    }
    const key = `${story}/${scene}/${storyReady}`;
    if (applied.current === key) return;
    const first = applied.current === null;
    applied.current = key;
    applyScene(first ? 0 : 1600);
  }, [story, scene, storyReady]);
}

/** The presented scene differs from the scene as it was applied (pan, zoom, filter, layer). */
export function useSceneChanged(): boolean {
  const { baseline, baselineMoves } = useSceneStatus();
  const moved = useAtlasStore((s) => s.userMoves !== baselineMoves);
  const key = useAtlasStore((s) => sceneKey(pickAtlasState(s)));
  return baseline !== null && (moved || key !== baseline);
}

export function goToScene(sceneNumber: number): void {
  const state = useAtlasStore.getState();
  const story = resolveStory(state.story);
  if (!story) return;
  const next = Math.min(Math.max(sceneNumber, 1), story.scenes.length);
  if (next !== state.scene) state.replaceAtlasState({ ...pickAtlasState(state), scene: next });
}

export function returnToScene(): void {
  applyScene(1000);
}

/**
 * Starts a story (the curated one by default) at its first scene, in presentation mode. The user's own
 * story carries `storyData` (its link payload, or null when it is too long for a link).
 */
export function startPresentation(storyId: string = DEFAULT_STORY_ID, storyData: string | null = null): void {
  const state = useAtlasStore.getState();
  const data = storyId === CUSTOM_STORY_ID ? storyData : null;
  // a story already shown at its first scene (a story link, before presenting) is framed anew for the presentation
  const shown = state.story === storyId && state.scene === 1;
  state.replaceAtlasState({ ...pickAtlasState(state), story: storyId, storyData: data, scene: 1, present: true, embed: false });
  if (shown) applyScene(0);
  const root = document.documentElement;
  // full screen when the browser allows it (a click is a user gesture); the presentation works without
  if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => undefined);
}

export function leavePresentation(): void {
  const state = useAtlasStore.getState();
  state.replaceAtlasState({ ...pickAtlasState(state), present: false, story: null, storyData: null, scene: 1 });
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
}
