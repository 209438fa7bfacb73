/**
 * Issue 11, part 4: the user's own story. Build a two-scene story through the UI (the view and the
 * filters change between the two "Add this view as a scene"), reorder it, copy its link, replay it in a
 * fresh browser profile in presentation mode, in English and in Spanish; save it as a file and open it
 * again; a damaged link is reported.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchAtlasBrowser, screenshot, useSharedBrowser, waitForMapReady, type AtlasBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();
const fresh: AtlasBrowser[] = [];
afterAll(async () => {
  for (const browser of fresh) await browser.close();
});

const SCENES = [
  {
    title: { en: 'Both countries', es: 'Ambos países' },
    caption: { en: 'Every layer, <b>both</b> countries.', es: 'Todas las capas, <b>ambos</b> países.' },
  },
  {
    title: { en: 'Mexico only', es: 'Solo México' },
    caption: { en: 'Chargers and plants in Mexico, closer in.', es: 'Cargadores y plantas en México, más de cerca.' },
  },
];

async function fillScene(page: Page, index: number) {
  const item = page.locator('.story-scene').nth(index);
  await item.getByLabel('Title in English').fill(SCENES[index]!.title.en);
  await item.getByLabel('Title in Spanish').fill(SCENES[index]!.title.es);
  await item.getByLabel('Caption in English').fill(SCENES[index]!.caption.en);
  await item.getByLabel('Caption in Spanish').fill(SCENES[index]!.caption.es);
}

const sceneTitles = (page: Page) => page.locator('.story-scene h4').allTextContents();

async function sceneIndex(page: Page): Promise<string | null> {
  return page.getByTestId('scene-index').textContent();
}

async function newFreshPage(): Promise<{ browser: AtlasBrowser; page: Page }> {
  const browser = await launchAtlasBrowser();
  fresh.push(browser);
  return { browser, page: await browser.newPage() };
}

describe('your own story (issue 11, part 4)', () => {
  it('is built through the UI, shared as one link and presented from it in a fresh browser, in English and Spanish', { timeout: 300_000 }, async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1`);
    await waitForMapReady(page);

    // scene 1: the default view
    await page.getByRole('button', { name: 'Add this view as a scene' }).click();
    await expect.poll(() => page.locator('.story-scene').count(), { timeout: 15_000 }).toBe(1);
    await fillScene(page, 0);

    // change the filters (Mexico only, no minerals) and the view (zoom in), then scene 2
    await page.getByRole('checkbox', { name: 'United States', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Battery-mineral sites', exact: true }).uncheck();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => page.url()).toContain('country=MX');
    await page.waitForTimeout(800);
    await waitForMapReady(page);
    await page.getByRole('button', { name: 'Add this view as a scene' }).click();
    await expect.poll(() => page.locator('.story-scene').count()).toBe(2);
    await fillScene(page, 1);
    await page.getByLabel('Story title in English').fill('North and south');
    await page.getByLabel('Story title in Spanish').fill('Norte y sur');
    await expect.poll(() => page.getByRole('button', { name: 'My story (2)' }).count()).toBe(1);

    // reorder with a button, then back with the keyboard (Alt + Down on the moved scene's field)
    await page.getByRole('button', { name: 'Move scene 2 up' }).click();
    expect(await sceneTitles(page)).toEqual(['Scene 1: Mexico only', 'Scene 2: Both countries']);
    await page.locator('.story-scene').nth(0).getByLabel('Caption in English').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await sceneTitles(page)).toEqual(['Scene 1: Both countries', 'Scene 2: Mexico only']);
    // the focus moved with the scene
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(SCENES[1]!.caption.en);
    await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Scene moved to position 2 of 2');
    await screenshot(page, 'user-story-editor');

    // the link: the whole story in the fragment, within the URL codec's limit
    await page.getByRole('button', { name: 'Copy story link' }).click();
    const link = await page.getByTestId('story-link').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v=1&story=custom&s=[A-Za-z0-9_-]+&view=/);
    expect(link.split('#')[1]!.length).toBeLessThan(8000);
    // save the story as a file too
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as file (JSON)' }).click()]);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'ev-atlas-story', version: 1, title: { en: 'North and south', es: 'Norte y sur' } });
    await page.close();

    // a fresh browser profile: the link opens the story in the editor; present it
    const { browser, page: replay } = await newFreshPage();
    await replay.goto(link);
    await expect.poll(() => replay.locator('.story-scene').count(), { timeout: 30_000 }).toBe(2);
    expect(await sceneTitles(replay)).toEqual(['Scene 1: Both countries', 'Scene 2: Mexico only']);
    await waitForMapReady(replay);
    await replay.getByRole('button', { name: 'Present this story' }).click();
    await expect.poll(() => sceneIndex(replay)).toBe('1');
    const caption = replay.getByTestId('scene-caption');
    await expect.poll(() => caption.textContent()).toContain(SCENES[0]!.caption.en);
    // captions are text, never HTML
    expect(await caption.locator('b').count()).toBe(0);
    expect(replay.url()).toContain('story=custom&s=');
    expect(replay.url()).toContain('present=1');
    expect(replay.url()).not.toContain('country=MX');

    await replay.keyboard.press('PageDown');
    await expect.poll(() => sceneIndex(replay)).toBe('2');
    await expect.poll(() => caption.textContent()).toContain(SCENES[1]!.caption.en);
    await expect.poll(() => caption.textContent()).toContain(SCENES[1]!.title.en);
    expect(replay.url()).toContain('scene=2');
    expect(replay.url()).toContain('country=MX');
    expect(replay.url()).toContain('story=custom&s=');
    await waitForMapReady(replay);
    await screenshot(replay, 'user-story-present-en-2');
    await replay.keyboard.press('PageUp');
    await expect.poll(() => sceneIndex(replay)).toBe('1');

    // the presented link itself reopens the scene (reload)
    await replay.keyboard.press('PageDown');
    await expect.poll(() => replay.url()).toContain('scene=2');
    await replay.reload();
    await expect.poll(() => sceneIndex(replay), { timeout: 30_000 }).toBe('2');
    await expect.poll(() => caption.textContent()).toContain(SCENES[1]!.caption.en);

    // in Spanish
    const spanish = await browser.newPage();
    await spanish.goto(link.replace('#v=1&', '#v=1&lang=es&'));
    await expect.poll(() => spanish.locator('.story-scene').count(), { timeout: 30_000 }).toBe(2);
    await spanish.getByRole('button', { name: 'Presentar esta historia' }).click();
    await expect.poll(() => sceneIndex(spanish)).toBe('1');
    await expect.poll(() => spanish.getByTestId('scene-caption').textContent()).toContain(SCENES[0]!.caption.es);
    await spanish.keyboard.press('PageDown');
    await expect.poll(() => sceneIndex(spanish)).toBe('2');
    await expect.poll(() => spanish.getByTestId('scene-caption').textContent()).toContain(SCENES[1]!.caption.es);
    await expect.poll(() => spanish.getByTestId('scene-caption').textContent()).toContain(SCENES[1]!.title.es);
    expect(spanish.url()).toContain('scene=2');
    expect(spanish.url()).toContain('lang=es');
    await waitForMapReady(spanish);
    await screenshot(spanish, 'user-story-present-es-2');
    await spanish.keyboard.press('Escape');
    await expect.poll(() => spanish.getByTestId('scene-caption').count()).toBe(0);
    expect(spanish.url()).not.toContain('story=');

    // the saved file opens in the editor of another fresh page
    const opener = await browser.newPage();
    await opener.goto(`${baseUrl}#v=1`);
    await opener.getByTestId('story-editor-toggle').click();
    await opener.getByTestId('story-file-input').setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => opener.locator('.story-scene').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => opener.getByTestId('story-status').textContent()).toContain('Story opened: 2 scenes');

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('reports a damaged story link and a file with rejected scenes, in both languages', { timeout: 120_000 }, async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&story=custom&s=AAAAbroken_link`);
    await expect.poll(() => page.getByTestId('story-problems').textContent(), { timeout: 30_000 }).toContain('damaged or incomplete');
    await expect.poll(() => page.url()).not.toContain('story=custom');

    await page.getByTestId('story-editor-toggle').click();
    const hostile = {
      format: 'ev-atlas-story',
      version: 1,
      title: { en: 'Hostile', es: 'Hostil' },
      scenes: [
        { title: { en: 'Good', es: 'Buena' }, caption: { en: '<img src=x onerror=alert(1)>', es: 'ok' }, state: 'v=1&country=MX', bounds: [-117, 14, -86, 33] },
        { title: { en: 'Bad' }, caption: { en: 'x' }, state: 'v=1&layers=nope', bounds: [-117, 14, -86, 33] },
        { title: { en: 'x'.repeat(500) }, state: 'v=1', bounds: [-117, 14, -86, 33] },
      ],
    };
    await page.getByTestId('story-file-input').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect.poll(() => page.locator('.story-scene').count(), { timeout: 15_000 }).toBe(1);
    const notice = page.getByTestId('story-problems');
    await expect.poll(() => notice.textContent()).toContain('Scene 2 left out: its map settings are not valid (link parameters: layers)');
    await expect.poll(() => notice.textContent()).toContain('Scene 3 left out: the English title is longer than the limit (120 characters)');
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(() => notice.textContent()).toContain('Escena 2 omitida');
    expect(await page.locator('.story-scene img').count()).toBe(0);
    await page.close();
  });
});
