/** Issue 11: starts the curated story in presentation mode. */
import { useTranslation } from 'react-i18next';
import { curatedStory, DEFAULT_STORY_ID } from '../stories/index.ts';
import { useAtlasStore } from '../state/store.ts';
import { startPresentation } from './scene-control.ts';

export function PresentButton() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const story = curatedStory(DEFAULT_STORY_ID)!;
  return (
    <button
      type="button"
      className="button"
      title={t('present.startTitle', { title: story.title[language] })}
      onClick={() => startPresentation(DEFAULT_STORY_ID)}
      data-testid="present-start"
    >
      <span aria-hidden="true">▶ </span>
      {t('present.start')}
    </button>
  );
}
