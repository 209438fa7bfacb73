/**
 * Issue 11, part 4: the user's own story, in the toolbar. "Add this view as a scene" captures the
 * atlas state and the map's bounds; "My story" opens the story editor. The capture code, the editor
 * and the link codec (with its compression library) load on first use, not with the first view.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';
import { useCustomStory } from './scene-control.ts';
import { useTransientMessage } from '../components/use-transient-message.ts';
import type { StoryProblem } from '../stories/user-story.ts';
import '../styles/user-story.css';

const StoryEditor = lazy(() => import('./story-editor.tsx').then((module) => ({ default: module.StoryEditor })));

export async function addCurrentViewAsScene(): Promise<{ added: number } | { full: number }> {
  // the state as it is now (the import below takes a moment)
  const state = pickAtlasState(useAtlasStore.getState());
  const [{ captureScene, emptyUserStory, sceneBounds, USER_STORY_LIMITS }, { mapElementSize, viewBounds }] = await Promise.all([
    import('../stories/user-story.ts'),
    import('../export/view-bounds.ts'),
  ]);
  const story = useCustomStory.getState().story ?? emptyUserStory();
  if (story.scenes.length >= USER_STORY_LIMITS.scenes) return { full: USER_STORY_LIMITS.scenes };
  const size = mapElementSize();
  const visible = size ? viewBounds(state.view, size.width, size.height) : null;
  const bounds = visible ? sceneBounds(visible.west, visible.south, visible.east, visible.north) : sceneBounds(-180, -85, 180, 85);
  const scene = captureScene(story, state, bounds);
  useCustomStory.setState({ story: { ...story, scenes: [...story.scenes, scene] }, editorOpen: true });
  return { added: story.scenes.length + 1 };
}

export function StoryTools() {
  const { t } = useTranslation();
  const count = useCustomStory((s) => s.story?.scenes.length ?? 0);
  const editorOpen = useCustomStory((s) => s.editorOpen);
  const [message, setMessage] = useTransientMessage();

  const add = async () => {
    const result = await addCurrentViewAsScene();
    setMessage('added' in result ? t('userStory.added', { n: result.added }) : t('userStory.full', { max: result.full }));
  };

  return (
    <div className="story-tools">
      <button type="button" className="button secondary" onClick={() => void add()} data-testid="add-scene">
        <span aria-hidden="true">+ </span>
        {t('userStory.addScene')}
      </button>
      <button
        type="button"
        className="button secondary"
        aria-expanded={editorOpen}
        aria-controls="story-editor"
        onClick={() => useCustomStory.setState({ editorOpen: !editorOpen })}
        data-testid="story-editor-toggle"
      >
        {t('userStory.open', { n: count })}
      </button>
      <span className="toolbar-status" role="status" aria-live="polite">
        {message}
      </span>
      {editorOpen && (
        <Suspense fallback={null}>
          <StoryEditor />
        </Suspense>
      )}
    </div>
  );
}

/** One rejected part of an opened story, in words. */
export function describeStoryProblem(problem: StoryProblem, t: (key: string, options?: Record<string, unknown>) => string): string {
  const field = problem.field ? t(`userStory.fields.${problem.field.replace('.', '_')}`) : '';
  const reason = t(`userStory.reasons.${problem.reason}`, { field, detail: problem.detail ?? '', limit: problem.detail ?? '' });
  return problem.scene === null ? t('userStory.problemStory', { reason }) : t('userStory.problemScene', { n: problem.scene, reason });
}

/** Says what an opened story link or file had that was left out (shown while presenting too). */
export function StoryProblemsNotice() {
  const { t } = useTranslation();
  const problems = useCustomStory((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="notice story-problems" role="status" data-testid="story-problems">
      <div>
        <p>{t('userStory.problemsHeading')}</p>
        <ul>
          {problems.slice(0, 12).map((problem, index) => (
            <li key={index}>{describeStoryProblem(problem, t)}</li>
          ))}
          {problems.length > 12 && <li>…</li>}
        </ul>
      </div>
      <button type="button" onClick={() => useCustomStory.setState({ problems: [] })}>
        {t('userStory.dismiss')}
      </button>
    </div>
  );
}
