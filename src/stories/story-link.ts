/**
 * Issue 11, part 4: the story link codec. The user's own story travels in the link's fragment
 * (`#v=1&story=custom&s=<payload>`; no backend): its JSON file form (src/stories/user-story.ts),
 * DEFLATE-compressed with fflate and base64url-encoded (characters a URL keeps as they are).
 *
 * One size rule for every link: the URL codec rejects a fragment longer than MAX_FRAGMENT_LENGTH,
 * so a story fits in a link only when every link it makes fits, including the longest one a
 * presentation writes (its longest scene, with the scene number, presentation, theme, language and
 * camera parameters).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { encodeAtlasState, MAX_FRAGMENT_LENGTH } from '../state/url-codec.ts';
import { defaultAtlasState, type Language } from '../state/atlas-state.ts';
import { CUSTOM_STORY_ID, sceneAtlasState, type Story } from './story.ts';
import { parseUserStoryText, toStoryFile, USER_STORY_LIMITS, type StoryImport } from './user-story.ts';

const PAYLOAD = /^[A-Za-z0-9_-]+$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The story as a link payload (`s=`). */
export function encodeStoryPayload(story: Story): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(toStoryFile(story))), { level: 9 }));
}

/** Reads a link payload: never throws; a truncated or corrupt payload is reported as such. */
export function decodeStoryPayload(payload: string): StoryImport {
  const corrupt: StoryImport = { story: null, problems: [{ scene: null, reason: 'corrupt' }] };
  if (payload.length > MAX_FRAGMENT_LENGTH) return { story: null, problems: [{ scene: null, reason: 'too-large' }] };
  if (!PAYLOAD.test(payload)) return corrupt;
  let text: string;
  try {
    // at most jsonChars bytes are kept: one more says the payload inflates beyond the limit
    const out = inflateSync(fromBase64Url(payload), { out: new Uint8Array(USER_STORY_LIMITS.jsonChars + 1) });
    if (out.length > USER_STORY_LIMITS.jsonChars) return { story: null, problems: [{ scene: null, reason: 'too-large' }] };
    text = strFromU8(out);
  } catch {
    return corrupt;
  }
  return parseUserStoryText(text);
}

/** The camera and data build that make a link longest (the link's `view=` and `data=` at their widest). */
const WIDEST_VIEW = { center: [-179.9999, -84.9999] as [number, number], zoom: 18 };
const WIDEST_DATA_BUILD = '20991231T235959Z';

/** Length of the longest fragment (without '#') a presentation of `story` carried by `payload` writes. */
export function longestStoryFragment(story: Story, payload: string): number {
  const session = { language: 'es' as Language, present: true, embed: false, highContrast: true, bothLanguages: true, storyData: payload };
  const custom = { ...story, id: CUSTOM_STORY_ID };
  let longest = 0;
  for (let index = 0; index < custom.scenes.length; index++) {
    const { state } = sceneAtlasState(custom, index, session);
    longest = Math.max(longest, encodeAtlasState({ ...state, view: WIDEST_VIEW, dataVersion: WIDEST_DATA_BUILD }).length - 1);
  }
  return longest;
}

export interface StoryLink {
  /** the `s=` payload */
  payload: string;
  /** the fragment to share: the story at its first scene, in `language` */
  fragment: string;
  /** the longest fragment the story makes, in characters, and the limit */
  length: number;
  limit: number;
  fits: boolean;
}

export function storyLink(story: Story, language: Language): StoryLink {
  const payload = encodeStoryPayload(story);
  const length = longestStoryFragment(story, payload);
  const state = { ...defaultAtlasState(), language, story: CUSTOM_STORY_ID, storyData: payload };
  const fragment = encodeAtlasState(state);
  return {
    payload,
    fragment,
    length: Math.max(length, fragment.length - 1),
    limit: MAX_FRAGMENT_LENGTH,
    fits: Math.max(length, fragment.length - 1) <= MAX_FRAGMENT_LENGTH,
  };
}
