/**
 * Issue 11: presentation mode. The map fills the screen; a caption (title, text, scene number) and a
 * compact legend are drawn over it, sized with the screen height for a projector. Keys act only
 * here: Page Down / Right / Space next, Page Up / Left previous, R / Home back to the scene, B / '.'
 * blank, Esc leave. The camera flies between scenes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';
import { LANGUAGES, type AtlasState, type Language } from '../state/atlas-state.ts';
import { loadLanguage } from '../i18n/i18n.ts';
import { useManifest } from '../data/queries.ts';
import { CompactLegend } from './compact-legend.tsx';
import { goToScene, leavePresentation, resolveStory, returnToScene, useSceneChanged, useCustomStory } from './scene-control.ts';
import { CUSTOM_STORY_ID } from '../stories/story.ts';
import { decodeAtlasState } from '../state/url-codec.ts';
import { LAYER_SPECS } from '../map/layers/index.ts';
import type { AtlasManifest } from '../data/atlas-format.ts';
import { publisherName } from '../components/source-text.ts';

const NEXT_KEYS = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'Spacebar']);
const PREVIOUS_KEYS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);
const RETURN_KEYS = new Set(['r', 'R', 'Home']);
const BLANK_KEYS = new Set(['b', 'B', '.']);

function setSession(patch: Partial<Pick<AtlasState, 'bothLanguages' | 'highContrast'>>): void {
  const state = useAtlasStore.getState();
  state.replaceAtlasState({ ...pickAtlasState(state), ...patch });
}

/** Source ids of the datasets drawn by the visible layers of a scene's state. */
function layerSources(fragment: string, manifest: AtlasManifest | undefined): string[] {
  if (!manifest) return [];
  const { state } = decodeAtlasState(fragment);
  return [...new Set(LAYER_SPECS.filter((spec) => state.layers[spec.id]).flatMap((spec) => manifest.layers[spec.dataset]?.sourceIds ?? []))];
}

function typingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function PresentationView() {
  const { t, i18n } = useTranslation();
  const storyId = useAtlasStore((s) => s.story);
  const scene = useAtlasStore((s) => s.scene);
  const language = useAtlasStore((s) => s.language);
  const bothLanguages = useAtlasStore((s) => s.bothLanguages);
  const highContrast = useAtlasStore((s) => s.highContrast);
  useCustomStory((s) => s.story);
  const loadingStory = useCustomStory((s) => s.loading);
  const story = resolveStory(storyId);
  const changed = useSceneChanged();
  const [blank, setBlank] = useState(false);
  const manifest = useManifest().data;
  const sources = manifest?.sources;
  const setPresenting = useAtlasStore((s) => s.setPresenting);

  useEffect(() => {
    setPresenting(true);
    return () => setPresenting(false);
  }, [setPresenting]);

  // a session switches language in one click: both languages' strings are loaded while presenting
  useEffect(() => {
    for (const code of LANGUAGES) loadLanguage(code).catch(() => undefined);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
      const state = useAtlasStore.getState();
      let handled = true;
      if (NEXT_KEYS.has(event.key)) {
        setBlank(false);
        goToScene(state.scene + 1);
      } else if (PREVIOUS_KEYS.has(event.key)) {
        setBlank(false);
        goToScene(state.scene - 1);
      } else if (RETURN_KEYS.has(event.key)) {
        setBlank(false);
        returnToScene();
      } else if (BLANK_KEYS.has(event.key)) setBlank((b) => !b);
      else if (event.key === 'Escape') {
        if (blank) setBlank(false);
        else leavePresentation();
      } else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [blank]);

  // Esc in full screen is taken by the browser: leaving full screen leaves the presentation
  useEffect(() => {
    let wasFullscreen = !!document.fullscreenElement;
    const onChange = () => {
      if (wasFullscreen && !document.fullscreenElement) leavePresentation();
      wasFullscreen = !!document.fullscreenElement;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  if (!story && loadingStory) return <div className="presentation" role="region" aria-label={t('present.region')} aria-busy="true" />;
  if (!story || story.scenes.length === 0) {
    return (
      <div className="presentation" role="region" aria-label={t('present.region')}>
        <div className="scene-panel" data-testid="scene-caption">
          <p>{t('present.unknownStory', { id: storyId ?? '' })}</p>
          <button type="button" className="button" onClick={leavePresentation}>
            {t('present.exit')}
          </button>
        </div>
      </div>
    );
  }
  const index = Math.min(Math.max(scene, 1), story.scenes.length);
  const current = story.scenes[index - 1]!;
  const other: Language = language === 'en' ? 'es' : 'en';
  // the user's own scenes name no sources: those of the datasets their visible layers draw stand in
  const sceneSources = current.sources.length > 0 ? current.sources : layerSources(current.state, manifest);
  const sourceTitles = sceneSources.map((id) => {
    const source = sources?.[id];
    return source ? publisherName(source.publisher, t) : id;
  });
  const uniqueSources = [...new Set(sourceTitles)];
  // the user's own scenes may have a text in one language only: the other one stands in
  const text = (value: { en: string; es: string }, lang: Language) => value[lang] || value[lang === 'en' ? 'es' : 'en'];
  const title = text(current.title, language) || (storyId === CUSTOM_STORY_ID ? t('userStory.sceneNumber', { n: index }) : '');
  return (
    <div className={`presentation${highContrast ? ' theme-hc' : ''}`} role="region" aria-label={t('present.region')} data-scene-id={current.id}>
      <div className="present-controls" role="toolbar" aria-label={t('present.keys')}>
        <button type="button" onClick={() => goToScene(index - 1)} disabled={index <= 1} aria-label={t('present.previous')}>
          ‹
        </button>
        <button type="button" onClick={() => goToScene(index + 1)} disabled={index >= story.scenes.length} aria-label={t('present.next')}>
          ›
        </button>
        <button type="button" onClick={() => returnToScene()} disabled={!changed}>
          {t('present.returnToScene')}
        </button>
        <button type="button" onClick={() => setBlank(true)}>
          {t('present.blank')}
        </button>
        {document.fullscreenEnabled && !document.fullscreenElement && (
          <button type="button" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
            {t('present.fullscreen')}
          </button>
        )}
        <label>
          <input type="checkbox" checked={bothLanguages} onChange={(e) => setSession({ bothLanguages: e.currentTarget.checked })} />
          {t('present.bothLanguages')}
        </label>
        <label>
          <input type="checkbox" checked={highContrast} onChange={(e) => setSession({ highContrast: e.currentTarget.checked })} />
          {t('present.highContrast')}
        </label>
        <button type="button" onClick={leavePresentation}>
          {t('present.exit')}
        </button>
      </div>
      <CompactLegend />
      <div className="scene-panel" data-testid="scene-caption" aria-live="polite" lang={language}>
        <p className="scene-number" aria-label={t('present.sceneOf', { index, total: story.scenes.length })}>
          <span data-testid="scene-index">{index}</span>
          <span aria-hidden="true"> / {story.scenes.length}</span>
        </p>
        <h2 className="scene-title">{title}</h2>
        <p className="scene-text">{text(current.caption, language)}</p>
        {bothLanguages && (
          <div className="scene-other" lang={other} aria-label={i18n.t('present.otherLanguage')}>
            <p className="scene-title-other">{current.title[other]}</p>
            <p className="scene-text">{current.caption[other]}</p>
          </div>
        )}
        {uniqueSources.length > 0 && <p className="scene-sources">{t('present.sources', { sources: uniqueSources.join(' · ') })}</p>}
        {changed && (
          <p className="scene-changed" role="status" data-testid="scene-changed">
            {t('present.changed')}
          </p>
        )}
      </div>
      {blank && (
        <div className="present-blank" data-testid="present-blank" onClick={() => setBlank(false)}>
          <span className="visually-hidden">{t('present.blanked')}</span>
        </div>
      )}
    </div>
  );
}
