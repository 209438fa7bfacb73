/** Issue 11, part 4: the story editor — reorder with buttons and keys, edit in both languages, the link's size limit, files. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './fixtures/render-app.tsx';
import { useAtlasStore } from '../../src/state/store.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { useCustomStory } from '../../src/present/scene-control.ts';
import { emptyUserStory, parseUserStoryText } from '../../src/stories/user-story.ts';
import type { Story } from '../../src/stories/story.ts';

const downloads = vi.hoisted(() => [] as { name: string; text: string; type: string }[]);
vi.mock('../../src/export/download.ts', () => ({
  downloadText: (name: string, text: string, type: string) => downloads.push({ name, text, type }),
}));
const { StoryEditor } = await import('../../src/present/story-editor.tsx');
const { StoryProblemsNotice } = await import('../../src/present/story-tools.tsx');

function story(n: number, caption = (i: number) => `Caption ${i}`): Story {
  return {
    ...emptyUserStory(),
    scenes: Array.from({ length: n }, (_, i) => ({
      id: `scene-${i + 1}`,
      title: { en: `Title ${i + 1}`, es: `Título ${i + 1}` },
      caption: { en: caption(i + 1), es: `Texto ${i + 1}` },
      state: 'v=1&country=MX',
      bounds: [-117, 14, -86, 33] as [number, number, number, number],
      sources: [],
    })),
  };
}

const titles = () => screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);

beforeEach(() => {
  useAtlasStore.getState().replaceAtlasState(defaultAtlasState());
  useCustomStory.setState({ story: null, payload: null, problems: [], editorOpen: true, loading: false });
  downloads.length = 0;
});
afterEach(() => cleanup());

describe('story editor', () => {
  it('reorders with the buttons and with Alt + arrows (the focus follows the scene), deletes, and edits both languages', async () => {
    const user = userEvent.setup();
    useCustomStory.setState({ story: story(3) });
    renderWithProviders(StoryEditor);
    expect(titles()).toEqual(['Scene 1: Title 1', 'Scene 2: Title 2', 'Scene 3: Title 3']);

    await user.click(screen.getByRole('button', { name: 'Move scene 3 up' }));
    expect(titles()).toEqual(['Scene 1: Title 1', 'Scene 2: Title 3', 'Scene 3: Title 2']);
    expect(screen.getByTestId('story-status').textContent).toBe('Scene moved to position 2 of 3');
    expect(screen.getByRole('button', { name: 'Move scene 1 up' }).hasAttribute('disabled')).toBe(true);

    const caption = within(screen.getAllByRole('listitem')[0]!).getByLabelText('Caption in Spanish');
    caption.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(titles()).toEqual(['Scene 1: Title 3', 'Scene 2: Title 2', 'Scene 3: Title 1']);
    expect(document.activeElement).toBe(within(screen.getAllByRole('listitem')[2]!).getByLabelText('Caption in Spanish'));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(titles()).toEqual(['Scene 1: Title 3', 'Scene 2: Title 1', 'Scene 3: Title 2']);

    await user.click(screen.getByRole('button', { name: 'Delete scene 1' }));
    expect(titles()).toEqual(['Scene 1: Title 1', 'Scene 2: Title 2']);

    const first = within(screen.getAllByRole('listitem')[0]!);
    await user.clear(first.getByLabelText('Title in Spanish'));
    await user.type(first.getByLabelText('Title in Spanish'), '<b>Norte</b>');
    await user.type(screen.getByLabelText('Story title in Spanish'), 'Mi historia');
    const edited = useCustomStory.getState().story!;
    expect(edited.scenes[0]!.title).toEqual({ en: 'Title 1', es: '<b>Norte</b>' });
    expect(edited.title.es).toBe('Mi historia');
    expect(document.querySelector('.story-editor b')).toBeNull();
  });

  it('shares within the size limit, and says clearly when the story is too long for a link (in both languages)', async () => {
    const user = userEvent.setup();
    useCustomStory.setState({ story: story(2) });
    const view = renderWithProviders(StoryEditor);
    expect(screen.getByText(/Link length: [\d,]+ of 8,000 characters/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy story link' }));
    expect((screen.getByTestId('story-link') as HTMLInputElement).value).toMatch(/#v=1&story=custom&s=[A-Za-z0-9_-]+/);
    view.unmount();

    let seed = 11;
    const noise = () =>
      Array.from({ length: 600 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
      }).join('');
    useCustomStory.setState({ story: story(40, noise) });
    renderWithProviders(StoryEditor);
    expect(screen.getByTestId('story-too-long').textContent).toMatch(/too long for a link: its longest link has [\d,]+ characters and the limit is 8,000/);
    expect(screen.getByRole('button', { name: 'Copy story link' }).hasAttribute('disabled')).toBe(true);
    // it can still be presented here (without the story in the link) and saved
    expect(screen.getByRole('button', { name: 'Present this story' }).hasAttribute('disabled')).toBe(false);
    cleanup();
    useAtlasStore.getState().setLanguage('es');
    renderWithProviders(StoryEditor);
    expect(screen.getByTestId('story-too-long').textContent).toMatch(
      /demasiado larga para un enlace: su enlace más largo tiene [\d.,\s]+ caracteres y el límite es 8[.,\s]?000/,
    );
  });

  it('presents the story with the story in the link', async () => {
    const user = userEvent.setup();
    useCustomStory.setState({ story: story(2) });
    renderWithProviders(StoryEditor);
    await user.click(screen.getByRole('button', { name: 'Present this story' }));
    const state = useAtlasStore.getState();
    expect([state.story, state.present, state.scene]).toEqual(['custom', true, 1]);
    expect(state.storyData).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(useCustomStory.getState().payload).toBe(state.storyData);
  });

  it('saves a JSON file and opens one, reporting what it left out', async () => {
    const user = userEvent.setup();
    useCustomStory.setState({ story: story(2) });
    function Both() {
      return (
        <>
          <StoryProblemsNotice />
          <StoryEditor />
        </>
      );
    }
    renderWithProviders(Both);
    await user.click(screen.getByRole('button', { name: 'Save as file (JSON)' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.type).toBe('application/json');
    expect(parseUserStoryText(downloads[0]!.text).story?.scenes.map((s) => s.title.en)).toEqual(['Title 1', 'Title 2']);

    const file = JSON.parse(downloads[0]!.text) as { scenes: unknown[] };
    file.scenes.push({ title: { en: 'Bad' }, state: 'v=1&present=1', bounds: [0, 0, 1, 1] }, 'junk');
    const input = screen.getByTestId('story-file-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(file)], 'story.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByTestId('story-problems').textContent).toContain('Scene 3 left out'));
    expect(screen.getByTestId('story-problems').textContent).toContain('Scene 4 left out: it is not a scene');
    expect(screen.getByTestId('story-status').textContent).toBe('Story opened: 2 scenes');

    fireEvent.change(input, { target: { files: [new File(['{"format":"ev-atlas-story","version":1,"scenes":[{"ti'], 'cut.json')] } });
    await waitFor(() => expect(screen.getByTestId('story-problems').textContent).toContain('damaged or incomplete'));
    // the story in hand stays
    expect(useCustomStory.getState().story?.scenes).toHaveLength(2);
  });
});
