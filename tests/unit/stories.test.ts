import { describe, expect, it } from 'vitest';
import { CURATED_STORIES, DEFAULT_STORY_ID, curatedStory } from '../../src/stories/index.ts';
import { validateStory, type StoryDataAccess } from '../../src/stories/validate-story.ts';
import { sceneAtlasState, type Story } from '../../src/stories/story.ts';
import { encodeAtlasState, decodeAtlasState } from '../../src/state/url-codec.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { builtDataAvailable, loadStoryData } from '../../data/stories/story-data.ts';

const data: StoryDataAccess | null = builtDataAvailable() ? loadStoryData() : null;

describe('curated stories (issue 11)', () => {
  it('ship at least one story of at least six scenes, the default among them', () => {
    expect(curatedStory(DEFAULT_STORY_ID)).toBeDefined();
    expect(CURATED_STORIES.every((story) => story.scenes.length >= 6)).toBe(true);
  });

  it('decode through the URL codec without problems', () => {
    for (const story of CURATED_STORIES) expect(validateStory(story, null)).toEqual([]);
  });

  it.skipIf(!data)('reference only features and sources of the built data, and state the figures it gives', () => {
    for (const story of CURATED_STORIES) expect(validateStory(story, data)).toEqual([]);
  });

  it('a scene opened from a story keeps the session and round-trips through the link', () => {
    const story = CURATED_STORIES[0]!;
    const { state, problems } = sceneAtlasState(story, 4, { language: 'es', present: true, embed: false, highContrast: true, bothLanguages: true });
    expect(problems).toEqual([]);
    expect(state.scene).toBe(5);
    const link = encodeAtlasState(state);
    expect(link).toContain(`story=${story.id}`);
    expect(link).toContain('scene=5');
    expect(link).toContain('present=1');
    expect(link).toContain('hc=1');
    expect(link).toContain('cap=both');
    expect(decodeAtlasState(link)).toEqual({ state, problems: [] });
  });

  it('session parameters are omitted at their default, and v=1 links without them open unchanged', () => {
    expect(encodeAtlasState(defaultAtlasState())).not.toMatch(/story=|scene=|present=|embed=|hc=|cap=/);
    expect(decodeAtlasState('#v=1&view=-100.0000,31.0000,3.30')).toEqual({ state: defaultAtlasState(), problems: [] });
    const hostile = decodeAtlasState('#v=1&story=..%2F&scene=0&present=yes&embed=2&hc=x&cap=fr');
    expect(hostile.state).toEqual(defaultAtlasState());
    expect(hostile.problems.map((p) => p.reason)).toEqual(Array(6).fill('invalid-value'));
  });
});

describe('story validation catches what a caption could get wrong', () => {
  const base = CURATED_STORIES[0]!;
  const withScene = (patch: Partial<Story['scenes'][number]>): Story => ({ ...base, scenes: [{ ...base.scenes[0]!, ...patch }] });

  it('reports a link the codec cannot read, bad bounds, duplicate ids and a missing translation', () => {
    const story: Story = {
      ...base,
      scenes: [
        { ...base.scenes[0]!, state: 'v=1&layers=nope' },
        { ...base.scenes[0]!, bounds: [10, 0, -10, 5] },
      ],
    };
    const problems = validateStory(story, null);
    expect(problems.some((p) => p.includes('layers: invalid-value'))).toBe(true);
    expect(problems.some((p) => p.includes('bounds'))).toBe(true);
    expect(problems.some((p) => p.includes('duplicate id'))).toBe(true);
    expect(validateStory(withScene({ caption: { en: 'x', es: '' } }), null).some((p) => p.includes('no es caption'))).toBe(true);
  });

  it.skipIf(!data)('reports a feature, a source or a figure that the data does not have', () => {
    expect(validateStory(withScene({ state: 'v=1&sel=assembly-plants:curated-assembly-plants:no-such-plant' }), data).join()).toContain('not in the data');
    expect(validateStory(withScene({ sources: ['no-such-source'] }), data).join()).toContain('not in the manifest');
    expect(validateStory(withScene({ facts: [{ layer: 'chargers', value: 1 }] }), data).join()).toContain('the data gives');
  });
});
