/**
 * Checks a story against the URL codec and the built data: every scene decodes through the codec
 * without problems, frames a valid bounding box, references only existing features, layers and
 * sources, and states figures (facts) that the data gives. Pure: the data access is passed in, so
 * the unit test and the build check (data/stories/check-stories.ts) share it.
 */
import { decodeAtlasState } from '../state/url-codec.ts';
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
    const { state, problems: urlProblems } = decodeAtlasState(scene.state);
    for (const problem of urlProblems) problems.push(`${where}: link parameter ${problem.param}: ${problem.reason}`);
    if (state.story || state.present || state.embed) problems.push(`${where}: a scene's state must not carry story, present or embed`);
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
