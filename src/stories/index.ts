/** The curated stories shipped with the atlas (issue 11), by id. */
import { BINATIONAL_STORY } from './binational.story.ts';
import type { Story } from './story.ts';

export const CURATED_STORIES: readonly Story[] = [BINATIONAL_STORY];
export const DEFAULT_STORY_ID = BINATIONAL_STORY.id;

export function curatedStory(id: string | null): Story | undefined {
  return CURATED_STORIES.find((story) => story.id === id);
}
