/** Issue 11, part 4: the user's own story — the link codec (s=) and the JSON file import, under hostile input. */
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeStoryPayload, encodeStoryPayload, longestStoryFragment, storyLink } from '../../src/stories/story-link.ts';
import {
  captureScene,
  emptyUserStory,
  parseUserStory,
  parseUserStoryText,
  sceneBounds,
  sceneStateFragment,
  storyFileText,
  toStoryFile,
  USER_STORY_LIMITS,
} from '../../src/stories/user-story.ts';
import { CUSTOM_STORY_ID, sceneAtlasState, type Story } from '../../src/stories/story.ts';
import { decodeAtlasState, encodeAtlasState, MAX_FRAGMENT_LENGTH } from '../../src/state/url-codec.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';

function twoSceneStory(): Story {
  const story = emptyUserStory();
  story.title = { en: 'Chargers, north and south', es: 'Cargadores, al norte y al sur' };
  const mexico = { ...defaultAtlasState(), countries: ['MX' as const], layers: { ...defaultAtlasState().layers, minerals: false }, panelTab: 'stats' as const };
  story.scenes.push({
    ...captureScene(story, mexico, [-117.5, 14.3, -86.5, 32.8]),
    title: { en: 'Mexico', es: 'México' },
    caption: { en: 'Few chargers', es: 'Pocos cargadores' },
  });
  const texas = {
    ...defaultAtlasState(),
    filters: { ...defaultAtlasState().filters, state: ['US-TX'] },
    language: 'es' as const,
    present: true,
    view: { center: [-99, 31] as [number, number], zoom: 6 },
  };
  story.scenes.push({
    ...captureScene(story, texas, [-107, 25.8, -93.5, 36.5]),
    title: { en: 'Texas', es: 'Texas' },
    caption: { en: '<b>Many</b> chargers', es: '<b>Muchos</b> cargadores' },
  });
  return story;
}

const payloadOf = (value: unknown) => {
  const bytes = deflateSync(strToU8(JSON.stringify(value)));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};

describe('capturing a scene', () => {
  it('keeps the view-making state and drops the camera, the session and the panel tab', () => {
    const story = twoSceneStory();
    expect(story.scenes.map((scene) => scene.id)).toEqual(['scene-1', 'scene-2']);
    expect(story.scenes[0]!.state).toBe('v=1&layers=chargers%2Cbattery-plants%2Cassembly-plants%2Cflows&country=MX');
    expect(story.scenes[1]!.state).toBe('v=1&f.state=US-TX');
    expect(decodeAtlasState(story.scenes[1]!.state)).toEqual({
      state: { ...defaultAtlasState(), filters: { ...defaultAtlasState().filters, state: ['US-TX'] } },
      problems: [],
    });
  });

  it('turns map bounds into a valid bounding box (clamped, the whole width when the view wraps)', () => {
    expect(sceneBounds(-117.123456, 14.3, -86.5, 32.8)).toEqual([-117.1235, 14.3, -86.5, 32.8]);
    expect(sceneBounds(-200, -89, 200, 89)).toEqual([-180, -85, 180, 85]);
    expect(sceneBounds(170, 10, -170, 20)).toEqual([-180, 10, 180, 20]);
  });
});

describe('story link codec (s=)', () => {
  it('round-trips a story through the payload and through the whole link', () => {
    const story = twoSceneStory();
    const payload = encodeStoryPayload(story);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStoryPayload(payload)).toEqual({ story, problems: [] });

    const link = storyLink(story, 'es');
    expect(link.fits).toBe(true);
    const { state, problems } = decodeAtlasState(link.fragment);
    expect(problems).toEqual([]);
    expect(state.story).toBe(CUSTOM_STORY_ID);
    expect(state.language).toBe('es');
    expect(state.storyData).toBe(link.payload);
    expect(decodeStoryPayload(state.storyData!).story).toEqual(story);
  });

  it('a presented scene keeps the story in its link, and v=1 links without s= open unchanged', () => {
    const story = twoSceneStory();
    const payload = encodeStoryPayload(story);
    const { state } = sceneAtlasState(story, 1, { language: 'es', present: true, embed: false, highContrast: false, bothLanguages: false, storyData: payload });
    const fragment = encodeAtlasState(state);
    expect(fragment).toContain(`story=custom&s=${payload}&scene=2&present=1`);
    expect(decodeAtlasState(fragment)).toEqual({ state, problems: [] });
    expect(encodeAtlasState(defaultAtlasState())).not.toContain('s=');
    // a curated story never carries s=
    expect(sceneAtlasState({ ...story, id: 'binational' }, 0, { ...state, storyData: payload }).state.storyData).toBeNull();
  });

  it('measures the longest link the story makes against the URL codec limit, and says when it is over', () => {
    const story = twoSceneStory();
    const small = storyLink(story, 'en');
    expect(small.limit).toBe(MAX_FRAGMENT_LENGTH);
    expect(small.length).toBe(longestStoryFragment(story, small.payload));
    expect(small.length).toBeLessThan(1000);

    // 50 scenes of incompressible captions: too long for a link (but still a valid story for a file)
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '[seed % 63];
      }).join('');
    const big: Story = {
      ...story,
      scenes: Array.from({ length: 50 }, (_, i) => ({ ...story.scenes[0]!, id: `scene-${i + 1}`, caption: { en: noise(600), es: noise(600) } })),
    };
    const link = storyLink(big, 'en');
    expect(link.fits).toBe(false);
    expect(link.length).toBeGreaterThan(MAX_FRAGMENT_LENGTH);
    // what the limit protects: the codec rejects such a fragment whole
    expect(decodeAtlasState(link.fragment).problems).toEqual([{ param: '*', reason: 'too-long' }]);
    expect(parseUserStoryText(storyFileText(big)).story?.scenes).toHaveLength(50);
  });

  it('reports a truncated, corrupt or foreign payload without throwing', () => {
    const payload = encodeStoryPayload(twoSceneStory());
    for (const cut of [1, 2, 5, Math.floor(payload.length / 2), payload.length - 3]) {
      const result = decodeStoryPayload(payload.slice(0, cut));
      expect(result.story).toBeNull();
      expect(result.problems.map((p) => p.reason)).toEqual(['corrupt']);
    }
    const flipped = payload.slice(0, 20) + (payload[20] === 'A' ? 'B' : 'A') + payload.slice(21);
    expect(() => decodeStoryPayload(flipped)).not.toThrow();
    expect(decodeStoryPayload('').problems[0]!.reason).toBe('corrupt');
    expect(decodeStoryPayload('<script>').problems[0]!.reason).toBe('corrupt');
    expect(decodeStoryPayload('A'.repeat(MAX_FRAGMENT_LENGTH + 1)).problems[0]!.reason).toBe('too-large');
    expect(decodeStoryPayload(payloadOf([1, 2, 3])).problems[0]!.reason).toBe('not-a-story');
    expect(decodeStoryPayload(payloadOf({ ...toStoryFile(twoSceneStory()), version: 2 })).problems[0]!.reason).toBe('unsupported-version');
    // a payload that inflates beyond the limit (a "zip bomb") is refused
    const bomb = deflateSync(new Uint8Array(USER_STORY_LIMITS.jsonChars * 2).fill(32), { level: 9 });
    const bombPayload = btoa(String.fromCharCode(...bomb))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(decodeStoryPayload(bombPayload).problems[0]!.reason).toBe('too-large');
  });

  it('the URL codec accepts s= only as base64url', () => {
    expect(decodeAtlasState('#v=1&story=custom&s=abc_-9').state.storyData).toBe('abc_-9');
    const bad = decodeAtlasState('#v=1&story=custom&s=%3Cb%3E');
    expect(bad.state.storyData).toBeNull();
    expect(bad.problems).toEqual([{ param: 's', reason: 'invalid-value' }]);
  });
});

describe('opening a story file or link: hostile input', () => {
  const good = toStoryFile(twoSceneStory());
  const scene = good.scenes[0]!;

  it('keeps the good scenes, rejects the bad ones and says why', () => {
    const result = parseUserStory({
      ...good,
      unknownField: { anything: true },
      scenes: [
        { ...scene, extra: 'ignored' },
        'not a scene',
        { ...scene, state: 'v=1&layers=nope' },
        { ...scene, state: 'v=1&story=binational&present=1' },
        { ...scene, state: 42 },
        { ...scene, bounds: [10, 0, -10, 5] },
        { ...scene, bounds: ['a', 0, 1, 2] },
        { ...scene, caption: { en: 'x'.repeat(USER_STORY_LIMITS.caption + 1), es: 'y' } },
        { ...scene, title: { en: ['array'], es: 'y' } },
        { ...scene, caption: 'a string' },
        { ...scene, caption: { en: '<img src=x onerror=alert(1)>', es: '<script>alert(1)</script>' } },
      ],
    });
    expect(result.story?.scenes.map((s) => s.caption.en)).toEqual([scene.caption.en, '<img src=x onerror=alert(1)>']);
    // captions are kept as text (React renders them as text, never as HTML)
    expect(result.story?.scenes[1]!.caption.es).toBe('<script>alert(1)</script>');
    expect(result.story?.scenes[0]).not.toHaveProperty('extra');
    expect(result.problems).toEqual([
      { scene: 2, reason: 'not-a-scene' },
      { scene: 3, reason: 'state', detail: 'layers' },
      { scene: 4, reason: 'state', detail: 'story' },
      { scene: 5, reason: 'state', detail: '*' },
      { scene: 6, reason: 'bounds' },
      { scene: 7, reason: 'bounds' },
      { scene: 8, reason: 'too-long', field: 'caption.en', detail: '600' },
      { scene: 9, reason: 'not-text', field: 'title.en' },
      { scene: 10, reason: 'not-text', field: 'caption' },
    ]);
  });

  it('limits a story to 50 scenes and a title to its length, and refuses other formats, huge text and broken JSON', () => {
    const many = parseUserStory({ ...good, title: { en: 'T'.repeat(USER_STORY_LIMITS.title + 1), es: 'ok' }, scenes: Array(60).fill(scene) });
    expect(many.story?.scenes).toHaveLength(50);
    expect(many.story?.title).toEqual({ en: '', es: '' });
    expect(many.problems).toEqual([
      { scene: null, reason: 'too-long', field: 'title.en', detail: '120' },
      { scene: null, reason: 'too-many-scenes', detail: '10' },
    ]);
    expect(new Set(many.story!.scenes.map((s) => s.id)).size).toBe(50);

    for (const value of [null, 'story', 12, [], { ...good, format: 'other' }, { scenes: good.scenes }])
      expect(parseUserStory(value)).toEqual({ story: null, problems: [{ scene: null, reason: 'not-a-story' }] });
    expect(parseUserStory({ ...good, scenes: [] }).problems).toEqual([{ scene: null, reason: 'no-scenes' }]);
    expect(parseUserStory({ ...good, scenes: 'nope' }).problems).toEqual([{ scene: null, reason: 'no-scenes' }]);
    expect(parseUserStoryText('{"format": "ev-atlas-story", "version": 1, "scenes": [').problems).toEqual([{ scene: null, reason: 'corrupt' }]);
    expect(parseUserStoryText(' '.repeat(USER_STORY_LIMITS.jsonChars + 1)).problems).toEqual([{ scene: null, reason: 'too-large' }]);
    // __proto__ in the JSON is an ordinary field: ignored
    const proto = parseUserStoryText(JSON.stringify(good).replace('"format"', '"__proto__": {"polluted": true}, "format"'));
    expect(proto.story?.scenes).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips through the JSON file', () => {
    const story = twoSceneStory();
    expect(parseUserStoryText(storyFileText(story))).toEqual({ story, problems: [] });
    expect(sceneStateFragment(decodeAtlasState(story.scenes[0]!.state).state)).toBe(story.scenes[0]!.state);
  });
});
