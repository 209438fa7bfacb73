/**
 * Issue 11, part 4: the user's own story. Scenes are captured from the atlas while exploring (the
 * state as a link fragment, the map's bounds as the scene's bounding box), and the story is saved as
 * a JSON file or carried by a link (src/stories/story-link.ts). Whatever is opened (a file, a link) is
 * hostile until checked: parseUserStory keeps only the known fields, checks every scene's state as
 * curated stories are checked (sceneStateProblems: it decodes through the URL codec without problems)
 * and its bounds, applies the length limits, and reports every part it rejected.
 */
import type { AtlasState } from '../state/atlas-state.ts';
import { encodeAtlasState, MAX_FRAGMENT_LENGTH } from '../state/url-codec.ts';
import type { Bounds } from '../state/store.ts';
import { CUSTOM_STORY_ID, validBounds, type LocalText, type Scene, type Story } from './story.ts';
import { sceneStateProblems } from './validate-story.ts';

export const STORY_FILE_FORMAT = 'ev-atlas-story';
export const STORY_FILE_VERSION = 1;

export const USER_STORY_LIMITS = {
  /** scenes in one story */
  scenes: 50,
  /** characters of a title (story or scene), per language */
  title: 120,
  /** characters of a caption, per language */
  caption: 600,
  /** characters of a story's JSON text (a file, or a link's payload once decompressed) */
  jsonChars: 1_000_000,
} as const;

/** A story as saved in a file and, compressed, in a link. */
export interface StoryFile {
  format: typeof STORY_FILE_FORMAT;
  version: number;
  title: LocalText;
  scenes: { title: LocalText; caption: LocalText; state: string; bounds: Bounds }[];
}

export type StoryProblemReason =
  /** not a story of this atlas (not an object, or another format) */
  | 'not-a-story'
  | 'unsupported-version'
  /** the text (or a link's payload) is not readable: truncated, corrupt, not JSON */
  | 'corrupt'
  | 'too-large'
  | 'no-scenes'
  /** scenes beyond the limit were left out; `detail` is how many */
  | 'too-many-scenes'
  | 'not-a-scene'
  /** a text field is not text; `field` says which */
  | 'not-text'
  /** a text field is longer than its limit; `field` says which, `detail` the limit */
  | 'too-long'
  /** the scene's state does not decode through the URL codec without problems; `detail` lists the parameters */
  | 'state'
  | 'bounds';

export interface StoryProblem {
  /** 1-based scene number in what was opened, or null for the story itself */
  scene: number | null;
  reason: StoryProblemReason;
  field?: string;
  detail?: string;
}

export interface StoryImport {
  /** null when nothing usable was found */
  story: Story | null;
  problems: StoryProblem[];
}

export function emptyUserStory(): Story {
  return { id: CUSTOM_STORY_ID, title: { en: '', es: '' }, scenes: [] };
}

/** A scene's state: everything that makes the view but the camera (the bounds frame it) and the session. */
export function sceneStateFragment(state: AtlasState): string {
  const fragment = encodeAtlasState({
    ...state,
    language: 'en',
    story: null,
    storyData: null,
    scene: 1,
    present: false,
    embed: false,
    highContrast: false,
    bothLanguages: false,
    dataVersion: null,
  });
  const params = new URLSearchParams(fragment.slice(1));
  params.delete('view');
  params.delete('tab');
  return params.toString();
}

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

/** The map's bounds as a scene's bounding box: inside the valid range, the whole width when it wraps. */
export function sceneBounds(west: number, south: number, east: number, north: number): Bounds {
  let w = Math.max(-180, round4(west));
  let e = Math.min(180, round4(east));
  if (!(w < e)) [w, e] = [-180, 180];
  let s = Math.max(-85, round4(south));
  let n = Math.min(85, round4(north));
  if (!(s < n)) [s, n] = [-85, 85];
  return [w, s, e, n];
}

function nextSceneId(story: Story): string {
  const ids = new Set(story.scenes.map((scene) => scene.id));
  let n = story.scenes.length + 1;
  while (ids.has(`scene-${n}`)) n++;
  return `scene-${n}`;
}

/** A new scene of `story` from the atlas state and the map's bounds (titles and captions left to the user). */
export function captureScene(story: Story, state: AtlasState, bounds: Bounds): Scene {
  return {
    id: nextSceneId(story),
    title: { en: '', es: '' },
    caption: { en: '', es: '' },
    state: sceneStateFragment(state),
    bounds,
    sources: [],
  };
}

export function toStoryFile(story: Story): StoryFile {
  return {
    format: STORY_FILE_FORMAT,
    version: STORY_FILE_VERSION,
    title: { en: story.title.en, es: story.title.es },
    scenes: story.scenes.map((scene) => ({
      title: { en: scene.title.en, es: scene.title.es },
      caption: { en: scene.caption.en, es: scene.caption.es },
      state: scene.state,
      bounds: scene.bounds,
    })),
  };
}

export function storyFileText(story: Story): string {
  return `${JSON.stringify(toStoryFile(story), null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a bilingual text ({ en, es }): a missing text is empty; a text that is not a string, or is
 * longer than `limit`, is a problem (returned as its reason).
 */
function readText(value: unknown, limit: number): LocalText | { reason: 'not-text' | 'too-long'; language: string } {
  if (value === undefined || value === null) return { en: '', es: '' };
  if (!isRecord(value)) return { reason: 'not-text', language: '' };
  const text: LocalText = { en: '', es: '' };
  for (const language of ['en', 'es'] as const) {
    const raw = value[language];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') return { reason: 'not-text', language };
    if (raw.length > limit) return { reason: 'too-long', language };
    text[language] = raw;
  }
  return text;
}

function textProblem(result: ReturnType<typeof readText>, field: string, scene: number | null, limit: number): StoryProblem | null {
  if (!('reason' in result)) return null;
  const problem: StoryProblem = { scene, reason: result.reason, field: result.language ? `${field}.${result.language}` : field };
  if (result.reason === 'too-long') problem.detail = String(limit);
  return problem;
}

/** Checks an untrusted value (a parsed file or link payload) and builds the story from what passes. */
export function parseUserStory(value: unknown): StoryImport {
  const problems: StoryProblem[] = [];
  if (!isRecord(value) || value.format !== STORY_FILE_FORMAT) return { story: null, problems: [{ scene: null, reason: 'not-a-story' }] };
  if (value.version !== STORY_FILE_VERSION) return { story: null, problems: [{ scene: null, reason: 'unsupported-version' }] };

  const story = emptyUserStory();
  const title = readText(value.title, USER_STORY_LIMITS.title);
  const titleProblem = textProblem(title, 'title', null, USER_STORY_LIMITS.title);
  if (titleProblem) problems.push(titleProblem);
  else story.title = title as LocalText;

  const scenes = Array.isArray(value.scenes) ? value.scenes : [];
  if (scenes.length > USER_STORY_LIMITS.scenes) {
    problems.push({ scene: null, reason: 'too-many-scenes', detail: String(scenes.length - USER_STORY_LIMITS.scenes) });
  }
  scenes.slice(0, USER_STORY_LIMITS.scenes).forEach((raw: unknown, index) => {
    const number = index + 1;
    if (!isRecord(raw)) {
      problems.push({ scene: number, reason: 'not-a-scene' });
      return;
    }
    const sceneTitle = readText(raw.title, USER_STORY_LIMITS.title);
    const caption = readText(raw.caption, USER_STORY_LIMITS.caption);
    const textIssue = textProblem(sceneTitle, 'title', number, USER_STORY_LIMITS.title) ?? textProblem(caption, 'caption', number, USER_STORY_LIMITS.caption);
    if (textIssue) {
      problems.push(textIssue);
      return;
    }
    if (typeof raw.state !== 'string' || raw.state.length > MAX_FRAGMENT_LENGTH) {
      problems.push({ scene: number, reason: 'state', detail: '*' });
      return;
    }
    const { state, problems: stateProblems } = sceneStateProblems(raw.state);
    if (stateProblems.length > 0) {
      problems.push({ scene: number, reason: 'state', detail: [...new Set(stateProblems.map((p) => p.param))].join(', ') });
      return;
    }
    if (!validBounds(raw.bounds)) {
      problems.push({ scene: number, reason: 'bounds' });
      return;
    }
    const [west, south, east, north] = raw.bounds;
    story.scenes.push({
      id: nextSceneId(story),
      title: sceneTitle as LocalText,
      caption: caption as LocalText,
      // the canonical form of the state (the codec's order, defaults omitted)
      state: sceneStateFragment(state),
      bounds: [round4(west), round4(south), round4(east), round4(north)],
      sources: [],
    });
  });
  if (story.scenes.length === 0) {
    if (scenes.length === 0) problems.push({ scene: null, reason: 'no-scenes' });
    return { story: null, problems };
  }
  return { story, problems };
}

/** Reads a story's JSON text (a file, or a decompressed link payload). */
export function parseUserStoryText(text: string): StoryImport {
  if (text.length > USER_STORY_LIMITS.jsonChars) return { story: null, problems: [{ scene: null, reason: 'too-large' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { story: null, problems: [{ scene: null, reason: 'corrupt' }] };
  }
  return parseUserStory(value);
}
