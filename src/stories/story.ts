/**
 * Issue 11: stories and scenes. A story is a bilingual list of scenes; a scene is a complete atlas
 * state (a link fragment read by the one URL codec) framed by a bounding box, so that it shows the
 * same area on 16:9 and 4:3 screens, with a title and caption in English and Spanish and its sources.
 */
import type { AtlasState } from '../state/atlas-state.ts';
import type { Bounds } from '../state/store.ts';
import { decodeAtlasState, type UrlProblem } from '../state/url-codec.ts';

export interface LocalText {
  en: string;
  es: string;
}

/**
 * A figure a caption states, checked against the built data (unit test and build): the number of
 * features of `layer` that pass the scene's filters, optionally only in `states`; or, with
 * `per100k`, those features per 100,000 inhabitants of the (one) state, rounded to one decimal.
 */
export interface SceneFact {
  layer: string;
  states?: string[];
  value: number;
  per100k?: boolean;
}

export interface Scene {
  /** stable id ([a-z0-9-]), unique in its story */
  id: string;
  title: LocalText;
  caption: LocalText;
  /** the atlas state as a link fragment (`v=1&layers=...`); its view is ignored: `bounds` frames the scene */
  state: string;
  /** [west, south, east, north] in degrees */
  bounds: Bounds;
  /** source ids of the manifest behind the scene */
  sources: string[];
  facts?: SceneFact[];
}

export interface Story {
  id: string;
  title: LocalText;
  scenes: Scene[];
}

/** The id of a story carried by the link itself (built by the user). */
export const CUSTOM_STORY_ID = 'custom';

export const SCENE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * The atlas state of a scene, with the session (story, scene number, presentation, theme) of `session`;
 * the user's own story keeps the link's `storyData` (the story travels in the link).
 */
export function sceneAtlasState(
  story: Story,
  index: number,
  session: Pick<AtlasState, 'language' | 'present' | 'embed' | 'highContrast' | 'bothLanguages'> & { storyData?: string | null },
): { state: AtlasState; problems: UrlProblem[] } {
  const scene = story.scenes[index];
  const { state, problems } = decodeAtlasState(scene?.state ?? '');
  return {
    state: {
      ...state,
      language: session.language,
      story: story.id,
      storyData: story.id === CUSTOM_STORY_ID ? (session.storyData ?? null) : null,
      scene: index + 1,
      present: session.present,
      embed: session.embed,
      highContrast: session.highContrast,
      bothLanguages: session.bothLanguages,
    },
    problems,
  };
}

export function validBounds(bounds: unknown): bounds is Bounds {
  if (!Array.isArray(bounds) || bounds.length !== 4 || !bounds.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
  const [w, s, e, n] = bounds as number[];
  return w! >= -180 && e! <= 180 && w! < e! && s! >= -85 && n! <= 85 && s! < n!;
}
