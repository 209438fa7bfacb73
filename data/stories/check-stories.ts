/** Build check (issue 11): every curated story decodes through the URL codec and matches the built data. */
import { CURATED_STORIES } from '../../src/stories/index.ts';
import { validateStory } from '../../src/stories/validate-story.ts';
import { builtDataAvailable, loadStoryData } from './story-data.ts';

const data = builtDataAvailable() ? loadStoryData() : null;
if (!data) console.warn('check-stories: public/data is missing; checking the stories against the URL codec only');
const problems = CURATED_STORIES.flatMap((story) => validateStory(story, data));
if (problems.length > 0) {
  console.error(`check-stories: ${problems.length} problem(s) in the curated stories:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-stories: ${CURATED_STORIES.length} story(ies), ${CURATED_STORIES.reduce((n, s) => n + s.scenes.length, 0)} scenes, all valid`);
