/**
 * Checks a story against the URL codec and the built data: every scene decodes through the codec
 * without problems, frames a valid bounding box, references only existing features, layers and
 * sources, and states figures (facts) that the data gives. Pure: the data access is passed in, so
 * the unit test and the build check (data/stories/check-stories.ts) share it.
 */
import { decodeAtlasState, type UrlProblem } from '../state/url-codec.ts';
import type { AtlasState } from '../state/atlas-state.ts';
import { layerSpec } from '../map/layers/index.ts';
import { SCENE_ID, validBounds, type Story } from './story.ts';

export interface StoryDataAccess {
  /** source ids of the manifest */
  sourceIds: ReadonlySet<string>;
  /** the feature (point, flow or 'states:<code>') exists in the built data */
  featureExists(id: string): boolean;
  /** features of `layer` passing the filters of `state`, optionally only in `states` */
  count(state: AtlasState, layer: string, states?: readonly string[]): number;
  /** population of a state, or undefined */
  population(code: string): number | undefined;
}

/** A problem of a scene's state: a link parameter the URL codec rejects, or one a scene must not carry. */
export interface SceneStateProblem {
  param: string;
  reason: UrlProblem['reason'] | 'session-parameter';
}

/**
 * Checks a scene's state (a link fragment) as every story's scenes are checked, curated or the user's
 * own: it decodes through the URL codec without problems and carries no story, presentation or embed.
 */
export function sceneStateProblems(fragment: string): { state: AtlasState; problems: SceneStateProblem[] } {
  const { state, problems } = decodeAtlasState(fragment);
  const all: SceneStateProblem[] = [...problems];
  if (state.story || state.storyData || state.present || state.embed) all.push({ param: 'story', reason: 'session-parameter' });
  return { state, problems: all };
}

export function validateStory(story: Story, data: StoryDataAccess | null): string[] {
  const problems: string[] = [];
  if (!SCENE_ID.test(story.id)) problems.push(`story id "${story.id}" is not [a-z0-9-]`);
  if (!story.title.en.trim() || !story.title.es.trim()) problems.push(`story ${story.id}: title missing in a language`);
  if (story.scenes.length === 0) problems.push(`story ${story.id}: no scenes`);
  const ids = new Set<string>();
  story.scenes.forEach((scene, index) => {
    const where = `story ${story.id}, scene ${index + 1} (${scene.id})`;
    if (!SCENE_ID.test(scene.id)) problems.push(`${where}: id is not [a-z0-9-]`);
    if (ids.has(scene.id)) problems.push(`${where}: duplicate id`);
    ids.add(scene.id);
    for (const language of ['en', 'es'] as const) {
      if (!scene.title[language]?.trim()) problems.push(`${where}: no ${language} title`);
      if (!scene.caption[language]?.trim()) problems.push(`${where}: no ${language} caption`);
    }
    if (scene.caption.en.trim() === scene.caption.es.trim()) problems.push(`${where}: the Spanish caption is the English one`);
    if (!validBounds(scene.bounds)) problems.push(`${where}: bounds are not [west, south, east, north]`);
    const { state, problems: stateProblems } = sceneStateProblems(scene.state);
    for (const problem of stateProblems)
      problems.push(
        problem.reason === 'session-parameter'
          ? `${where}: a scene's state must not carry story, present or embed`
          : `${where}: link parameter ${problem.param}: ${problem.reason}`,
      );
    if (!data) return;
    if (state.selection && !data.featureExists(state.selection)) problems.push(`${where}: selected feature ${state.selection} is not in the data`);
    if (scene.sources.length === 0) problems.push(`${where}: no sources`);
    for (const source of scene.sources) if (!data.sourceIds.has(source)) problems.push(`${where}: source ${source} is not in the manifest`);
    for (const fact of scene.facts ?? []) {
      if (!layerSpec(fact.layer)) {
        problems.push(`${where}: fact about unknown layer ${fact.layer}`);
        continue;
      }
      const count = data.count(state, fact.layer, fact.states);
      let actual = count;
      if (fact.per100k) {
        const population = fact.states?.length === 1 ? data.population(fact.states[0]!) : undefined;
        if (!population) {
          problems.push(`${where}: per-100,000 fact needs one state with a population`);
          continue;
        }
        actual = Math.round((count / population) * 100_000 * 10) / 10;
      }
      if (actual !== fact.value)
        problems.push(
          `${where}: caption says ${fact.value} ${fact.layer}${fact.states ? ` in ${fact.states.join(',')}` : ''}${fact.per100k ? ' per 100,000' : ''}, the data gives ${actual}`,
        );
    }
  });
  return problems;
}
