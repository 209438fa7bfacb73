/**
 * Issue 11, part 4: the story editor (loaded on first use). The user's scenes in order: reorder them
 * (buttons, or Alt + Up / Down on the focused scene), delete them, give them a title and a caption in
 * English and Spanish, title the story; present it; share it as one link (the story compressed in the
 * fragment, within the URL codec's size limit) or save and open it as a JSON file. Every text is
 * rendered as text.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';
import { decodeAtlasState } from '../state/url-codec.ts';
import { CUSTOM_STORY_ID, type LocalText, type Scene, type Story } from '../stories/story.ts';
import { emptyUserStory, parseUserStoryText, storyFileText, USER_STORY_LIMITS } from '../stories/user-story.ts';
import { storyLink } from '../stories/story-link.ts';
import { downloadText } from '../export/download.ts';
import { goToScene, returnToScene, scenePadding, startPresentation, useCustomStory } from './scene-control.ts';

/** A scene's editable texts: title and caption, each in English and Spanish. */
const SCENE_TEXT_FIELDS = [
  { field: 'title', language: 'en', labelKey: 'userStory.titleEn' },
  { field: 'title', language: 'es', labelKey: 'userStory.titleEs' },
  { field: 'caption', language: 'en', labelKey: 'userStory.captionEn' },
  { field: 'caption', language: 'es', labelKey: 'userStory.captionEs' },
] as const;

function setStory(story: Story): void {
  useCustomStory.setState({ story });
}

/** Shows a scene on the map without presenting it (or moves the shown story to it). */
function showScene(story: Story, index: number): void {
  const atlas = useAtlasStore.getState();
  if (atlas.story === CUSTOM_STORY_ID) {
    if (atlas.scene === index + 1) returnToScene();
    else goToScene(index + 1);
    return;
  }
  const scene = story.scenes[index]!;
  const { state } = decodeAtlasState(scene.state);
  const current = pickAtlasState(atlas);
  atlas.replaceAtlasState({
    ...state,
    language: current.language,
    view: current.view,
    panelTab: current.panelTab,
    dataVersion: current.dataVersion,
    highContrast: current.highContrast,
    bothLanguages: current.bothLanguages,
  });
  atlas.fitBounds({ bounds: scene.bounds, padding: scenePadding(false), duration: 800 });
}

function SceneItem({
  scene,
  index,
  total,
  onChange,
  onMove,
  onDelete,
  onShow,
}: {
  scene: Scene;
  index: number;
  total: number;
  onChange(patch: Partial<Scene>): void;
  onMove(delta: number, field: string): void;
  onDelete(): void;
  onShow(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const n = index + 1;
  const text = (key: 'title' | 'caption', language: 'en' | 'es', value: string): LocalText => ({ ...scene[key], [language]: value });
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const field = (event.target as HTMLElement).dataset.field ?? 'handle';
    onMove(event.key === 'ArrowUp' ? -1 : 1, field);
  };
  return (
    <li className="story-scene" data-scene={scene.id} onKeyDown={onKeyDown} aria-labelledby={`${id}-heading`}>
      <div className="story-scene-head">
        <h4 id={`${id}-heading`} tabIndex={-1} data-field="handle">
          {t('userStory.sceneNumber', { n })}
          {scene.title.en || scene.title.es ? `: ${scene.title.en || scene.title.es}` : ''}
        </h4>
        <div className="story-scene-buttons">
          <button type="button" onClick={onShow} data-field="show">
            {t('userStory.show')}
          </button>
          <button type="button" onClick={() => onMove(-1, 'up')} disabled={index === 0} aria-label={t('userStory.moveUp', { n })} data-field="up">
            ↑
          </button>
          <button type="button" onClick={() => onMove(1, 'down')} disabled={index === total - 1} aria-label={t('userStory.moveDown', { n })} data-field="down">
            ↓
          </button>
          <button type="button" onClick={onDelete} aria-label={t('userStory.delete', { n })} data-field="delete">
            ✕
          </button>
        </div>
      </div>
      <div className="story-scene-fields">
        {SCENE_TEXT_FIELDS.map(({ field, language, labelKey }) => {
          const props = {
            lang: language,
            maxLength: USER_STORY_LIMITS[field],
            value: scene[field][language],
            'data-field': `${field}-${language}`,
            onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ [field]: text(field, language, e.currentTarget.value) }),
          };
          return (
            <label key={`${field}-${language}`}>
              {t(labelKey)}
              {field === 'title' ? <input type="text" {...props} /> : <textarea rows={2} {...props} />}
            </label>
          );
        })}
      </div>
    </li>
  );
}

export function StoryEditor() {
  const { t } = useTranslation();
  const story = useCustomStory((s) => s.story) ?? emptyUserStory();
  const language = useAtlasStore((s) => s.language);
  const [status, setStatus] = useState('');
  /** the link last copied, shown while it is the story's link */
  const [copied, setCopied] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const focusAfterMove = useRef<{ id: string; field: string } | null>(null);
  const id = useId();

  const link = useMemo(() => (story.scenes.length > 0 ? storyLink(story, language) : null), [story, language]);
  const shareUrl = link ? `${window.location.origin}${window.location.pathname}${window.location.search}${link.fragment}` : null;
  const sharedUrl = copied !== null && copied === shareUrl ? shareUrl : null;

  // a story shown from a link keeps its link in step with the edits (when it still fits in one)
  useEffect(() => {
    const atlas = useAtlasStore.getState();
    if (!link || atlas.story !== CUSTOM_STORY_ID) return;
    const data = link.fits ? link.payload : null;
    if (atlas.storyData === data) return;
    useCustomStory.setState({ payload: data });
    atlas.replaceAtlasState({ ...pickAtlasState(atlas), storyData: data }, atlas.urlProblems);
  }, [link]);

  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-scene="${target.id}"] [data-field="${target.field}"]`)?.focus();
  });

  const updateScene = (sceneId: string, patch: Partial<Scene>) =>
    setStory({ ...story, scenes: story.scenes.map((scene) => (scene.id === sceneId ? { ...scene, ...patch } : scene)) });

  const move = (index: number, delta: number, field: string) => {
    const target = index + delta;
    if (target < 0 || target >= story.scenes.length) return;
    const scenes = [...story.scenes];
    const [scene] = scenes.splice(index, 1);
    scenes.splice(target, 0, scene!);
    // a button that is now disabled at the end of the list cannot keep the focus: the other one takes it
    const focusField = (field === 'up' && target === 0) || (field === 'down' && target === scenes.length - 1) ? (field === 'up' ? 'down' : 'up') : field;
    focusAfterMove.current = { id: scene!.id, field: scenes.length > 1 ? focusField : 'handle' };
    setStory({ ...story, scenes });
    setStatus(t('userStory.moved', { n: target + 1, total: scenes.length }));
  };

  const remove = (index: number) => {
    const scenes = story.scenes.filter((_, i) => i !== index);
    const next = scenes[Math.min(index, scenes.length - 1)];
    focusAfterMove.current = next ? { id: next.id, field: 'handle' } : null;
    setStory({ ...story, scenes });
    setStatus(t('userStory.deleted', { n: index + 1 }));
  };

  const present = () => {
    if (!link) return;
    const data = link.fits ? link.payload : null;
    useCustomStory.setState({ payload: data });
    startPresentation(CUSTOM_STORY_ID, data);
  };

  const copyLink = async () => {
    if (!link?.fits || !shareUrl) return;
    const url = shareUrl;
    setCopied(url);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus(t('userStory.linkCopied'));
    } catch {
      // the text field below holds the link, selected for copying
      requestAnimationFrame(() => linkRef.current?.select());
    }
  };

  const save = () => {
    const file = `story-${new Date().toISOString().slice(0, 10)}.json`;
    downloadText(file, storyFileText(story), 'application/json');
    setStatus(t('userStory.saved', { file }));
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    const result =
      file.size > USER_STORY_LIMITS.jsonChars * 4 ? { story: null, problems: [{ scene: null, reason: 'too-large' as const }] } : parseUserStoryText(await file.text());
    useCustomStory.setState((current) => ({
      story: result.story ?? current.story,
      problems: result.problems,
      loads: result.story ? current.loads + 1 : current.loads,
    }));
    if (result.story) setStatus(t('userStory.opened', { n: result.story.scenes.length }));
    else setStatus('');
  };

  return (
    <section
      id="story-editor"
      className="story-editor"
      aria-labelledby={`${id}-heading`}
      data-testid="story-editor"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          useCustomStory.setState({ editorOpen: false });
          document.querySelector<HTMLElement>('[data-testid="story-editor-toggle"]')?.focus();
        }
      }}
    >
      <h2 id={`${id}-heading`} className="export-heading">
        {t('userStory.heading')}
        {story.title[language] ? `: ${story.title[language]}` : ''}
      </h2>
      <div className="story-title-fields">
        <label>
          {t('userStory.storyTitleEn')}
          <input
            type="text"
            lang="en"
            maxLength={USER_STORY_LIMITS.title}
            value={story.title.en}
            placeholder={t('userStory.untitled')}
            onChange={(e) => setStory({ ...story, title: { ...story.title, en: e.currentTarget.value } })}
          />
        </label>
        <label>
          {t('userStory.storyTitleEs')}
          <input
            type="text"
            lang="es"
            maxLength={USER_STORY_LIMITS.title}
            value={story.title.es}
            placeholder={t('userStory.untitled')}
            onChange={(e) => setStory({ ...story, title: { ...story.title, es: e.currentTarget.value } })}
          />
        </label>
      </div>
      {story.scenes.length === 0 ? (
        <p className="legend-note">{t('userStory.empty')}</p>
      ) : (
        <>
          <h3 className="story-scenes-heading">{t('userStory.scenes')}</h3>
          <p className="legend-note">{t('userStory.reorderHint')}</p>
          <ol className="story-scenes" ref={listRef}>
            {story.scenes.map((scene, index) => (
              <SceneItem
                key={scene.id}
                scene={scene}
                index={index}
                total={story.scenes.length}
                onChange={(patch) => updateScene(scene.id, patch)}
                onMove={(delta, field) => move(index, delta, field)}
                onDelete={() => remove(index)}
                onShow={() => showScene(story, index)}
              />
            ))}
          </ol>
        </>
      )}
      <div className="export-buttons">
        <button type="button" className="button" disabled={!link} onClick={present} data-testid="story-present">
          <span aria-hidden="true">▶ </span>
          {t('userStory.present')}
        </button>
        <button type="button" className="button secondary" disabled={!link?.fits} onClick={() => void copyLink()} data-testid="story-copy-link">
          {t('userStory.copyLink')}
        </button>
        <button type="button" className="button secondary" disabled={!link} onClick={save}>
          {t('userStory.save')}
        </button>
        <label className="button secondary story-file-button">
          {t('userStory.openFile')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            data-testid="story-file-input"
            onChange={(e) => {
              const input = e.currentTarget;
              void open(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {link && !link.fits && (
        <p className="story-too-long" role="alert" data-testid="story-too-long">
          {t('userStory.tooLong', { length: link.length.toLocaleString(language), limit: link.limit.toLocaleString(language) })}
        </p>
      )}
      {link?.fits && (
        <p className="legend-note">{t('userStory.linkSize', { length: link.length.toLocaleString(language), limit: link.limit.toLocaleString(language) })}</p>
      )}
      {sharedUrl !== null && (
        <p className="story-link">
          <label>
            {t('userStory.linkLabel')}
            <input ref={linkRef} type="text" readOnly value={sharedUrl} onFocus={(e) => e.currentTarget.select()} data-testid="story-link" />
          </label>
        </p>
      )}
      <p className="toolbar-status" role="status" aria-live="polite" data-testid="story-status">
        {status}
      </p>
      <button type="button" className="link-button" onClick={() => useCustomStory.setState({ editorOpen: false })}>
        {t('userStory.close')}
      </button>
    </section>
  );
}
