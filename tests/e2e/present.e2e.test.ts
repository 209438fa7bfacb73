/** Issue 11: stories in presentation mode, projector type sizes, embed mode and the image export. */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR, countPixelsNear, mapCamera, screenshot, useSharedBrowser, waitForMapReady } from './browser.ts';
import { LAYER_SPECS } from '../../src/map/layers/index.ts';
import { BINATIONAL_STORY } from '../../src/stories/binational.story.ts';
import { ATLAS_CONTRIBUTORS, type AtlasManifest } from '../../src/data/atlas-format.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();
const story = BINATIONAL_STORY;

async function sceneIndex(page: Page): Promise<number> {
  return Number(await page.getByTestId('scene-index').textContent());
}

async function count(page: Page, layer: string): Promise<number | null> {
  const value = await page.getByTestId(`count-${layer}`).getAttribute('data-count');
  return value === null ? null : Number(value);
}

/** Charger counts of the build under test (the scenes' legend counts must equal them). */
async function builtChargerCounts(): Promise<{ all: number; mx: number }> {
  const manifest = (await (await fetch(new URL('data/manifest.json', baseUrl))).json()) as AtlasManifest;
  const chargers = manifest.layers.chargers;
  return { all: chargers.count, mx: chargers.countByCountry?.MX ?? NaN };
}

async function fontPx(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

describe('presentation mode (issue 11)', () => {
  it('starts the curated story from the Present button, moves with the clicker keys, and returns after a pan', { timeout: 240_000 }, async () => {
    const chargers = await builtChargerCounts();
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}#v=1`);
    await waitForMapReady(page);
    // keys do nothing outside presentation mode
    await page.keyboard.press('PageDown');
    expect(page.url()).not.toContain('story=');

    await page.getByRole('button', { name: /Present/ }).click();
    await expect.poll(() => page.getByTestId('scene-index').textContent()).toBe('1');
    expect(page.url()).toContain(`story=${story.id}`);
    expect(page.url()).toContain('present=1');
    await expect.poll(() => page.getByTestId('scene-caption').textContent()).toContain(story.scenes[0]!.caption.en);
    await expect.poll(() => count(page, 'chargers'), { timeout: 30_000 }).toBe(chargers.all);
    expect(await page.locator('#side-panel').count()).toBe(0);

    // projector type at 1920x1080
    expect(await fontPx(page, '[data-testid="scene-caption"] .scene-text')).toBeGreaterThanOrEqual(36);
    expect(await fontPx(page, '[data-testid="compact-legend"] .compact-layer-name')).toBeGreaterThanOrEqual(24);
    expect(await fontPx(page, '[data-testid="compact-legend"] .count-value')).toBeGreaterThanOrEqual(24);

    await page.keyboard.press('PageDown');
    await expect.poll(() => sceneIndex(page)).toBe(2);
    expect(page.url()).toContain('scene=2');
    expect(page.url()).toContain('country=MX');
    await expect.poll(() => count(page, 'chargers'), { timeout: 30_000 }).toBe(chargers.mx);
    await expect.poll(() => page.getByTestId('scene-caption').textContent()).toContain(String(chargers.mx));
    await expect.poll(() => page.getByTestId('compact-legend').textContent()).toContain('4,060');

    await page.keyboard.press('PageUp');
    await expect.poll(() => sceneIndex(page)).toBe(1);
    await expect.poll(() => count(page, 'chargers'), { timeout: 30_000 }).toBe(chargers.all);
    expect(page.url()).not.toContain('country=MX');

    // arrows and Space move too
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await expect.poll(() => sceneIndex(page)).toBe(3);
    await expect.poll(() => page.getByTestId('choropleth-legend').count(), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => sceneIndex(page)).toBe(2);

    // pan: the scene is marked as changed; R returns to it (after the 1.6-s flight)
    await page.waitForTimeout(2500);
    await waitForMapReady(page);
    const framed = await mapCamera(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + 700, box.y + 400);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 250, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('scene-changed').count()).toBe(1);
    const moved = await mapCamera(page);
    expect(Math.abs(moved.lng - framed.lng) + Math.abs(moved.lat - framed.lat)).toBeGreaterThan(1);
    await waitForMapReady(page);
    await page.keyboard.press('r');
    await expect.poll(() => page.getByTestId('scene-changed').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => Math.abs((await mapCamera(page)).lng - framed.lng), { timeout: 10_000 }).toBeLessThan(0.05);

    // blank and back; Esc leaves
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('present-blank').count()).toBe(1);
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('present-blank').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('scene-caption').count()).toBe(0);
    expect(page.url()).not.toContain('present=1');
    await expect.poll(() => page.locator('#side-panel').count()).toBe(1);
    await page.close();
  });

  it('opens a scene from its link, in Spanish too, not marked changed, and every scene reads at 1920x1080 (screenshots)', { timeout: 480_000 }, async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const manifest = (await (await fetch(new URL('data/manifest.json', baseUrl))).json()) as AtlasManifest;
    const ownPublisher = { en: 'EV atlas contributors', es: 'Colaboradores del atlas de VE' };
    for (const language of ['en', 'es'] as const) {
      for (let n = 1; n <= story.scenes.length; n++) {
        await page.goto(`${baseUrl}#v=1${language === 'es' ? '&lang=es' : ''}&story=${story.id}&scene=${n}&present=1`);
        await page.reload();
        await expect.poll(() => page.getByTestId('scene-index').textContent(), { timeout: 30_000 }).toBe(String(n));
        await expect.poll(() => page.getByTestId('scene-caption').textContent()).toContain(story.scenes[n - 1]!.caption[language]);
        await waitForMapReady(page);
        await page.waitForTimeout(300);
        await screenshot(page, `present-${language}-${n}-${story.scenes[n - 1]!.id}`);
        // the sources line names each source's publisher; this project's own in the interface language
        const sourcesLine = (await page.locator('.scene-sources').textContent()) ?? '';
        for (const id of story.scenes[n - 1]!.sources) {
          const publisher = manifest.sources[id]!.publisher;
          expect(sourcesLine).toContain(publisher === ATLAS_CONTRIBUTORS ? ownPublisher[language] : publisher);
        }
        if (language === 'es') expect(sourcesLine).not.toContain(ATLAS_CONTRIBUTORS);
        // nobody moved the map or changed a filter: the scene as opened is not "changed" (the link's data
        // version, recorded once the manifest has loaded, is not part of the scene)
        expect(await page.getByTestId('scene-changed').count()).toBe(0);
      }
    }
    expect(await page.getByRole('button', { name: /Salir/ }).count()).toBe(1);
    await page.close();
  });

  it('the Spanish button is "Presentar"; high contrast and both-language captions are in the link', async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}#v=1&lang=es`);
    await page.getByRole('button', { name: /Presentar/ }).click();
    await expect.poll(() => page.getByTestId('scene-index').textContent()).toBe('1');
    await page.getByLabel('Alto contraste').check();
    await page.getByLabel('Leyendas en ambos idiomas').check();
    expect(page.url()).toContain('hc=1');
    expect(page.url()).toContain('cap=both');
    await expect.poll(() => page.getByTestId('scene-caption').textContent()).toContain(story.scenes[0]!.caption.en);
    const colours = await page.getByTestId('scene-caption').evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    await waitForMapReady(page);
    await screenshot(page, 'present-es-hc-both');
    await page.close();
  });
});

describe('embed mode (issue 11)', () => {
  it('shows the map with a compact legend, the attribution and a link to the full atlas, without the side panel', async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 960, height: 600 });
    await page.goto(`${baseUrl}#v=1&layers=battery-plants&country=US&embed=1`);
    await waitForMapReady(page);
    expect(await page.locator('#side-panel').count()).toBe(0);
    await expect.poll(() => count(page, 'battery-plants'), { timeout: 30_000 }).toBe(604);
    await expect(page.getByRole('contentinfo').or(page.locator('.map-attribution')).first().textContent()).resolves.toBeTruthy();
    const href = await page.getByRole('link', { name: 'Open the full atlas' }).getAttribute('href');
    expect(href).toContain('layers=battery-plants');
    expect(href).not.toContain('embed=1');
    await screenshot(page, 'embed');
    await page.close();
  });
});

describe('image export (issue 11)', () => {
  it('downloads a 1920x1080 PNG holding the map and the legend, and an A4 one at 200 dpi; the embed code is an iframe of the view', async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}#v=1&layers=battery-plants,chargers&country=US`);
    await waitForMapReady(page);
    await expect.poll(() => count(page, 'battery-plants'), { timeout: 30_000 }).toBe(604);
    await page
      .getByRole('button', { name: /Export/ })
      .first()
      .click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /image/ }).click()]);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // the map area (left) is not one flat colour, and the legend column shows the layers' colours
    const k = 1;
    const legendBox = { x: 1920 - 500 * k, y: 96, width: 500, height: 1080 - 96 - 150 };
    const batteryColour = LAYER_SPECS.find((spec) => spec.id === 'battery-plants')!.color;
    expect(countPixelsNear(png, [batteryColour[0], batteryColour[1], batteryColour[2]], 30, legendBox)).toBeGreaterThan(100);
    const mapBox = { x: 0, y: 96, width: 1420, height: 834 };
    expect(countPixelsNear(png, [batteryColour[0], batteryColour[1], batteryColour[2]], 40, mapBox)).toBeGreaterThan(20);
    const colours = new Set<number>();
    for (let y = mapBox.y; y < mapBox.y + mapBox.height; y += 7)
      for (let x = 0; x < mapBox.width; x += 7) {
        const i = (y * png.width + x) * 4;
        colours.add((png.data[i]! >> 4) * 256 + (png.data[i + 1]! >> 4) * 16 + (png.data[i + 2]! >> 4));
      }
    expect(colours.size).toBeGreaterThan(30);
    writeFileSync(join(SCREENSHOT_DIR, 'image-export-slide.png'), PNG.sync.write(png));

    await page.getByLabel('Image size').selectOption('a4');
    const [a4] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /image/ }).click()]);
    const a4png = PNG.sync.read(readFileSync((await a4.path())!));
    expect([a4png.width, a4png.height]).toEqual([2339, 1654]);

    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const code = await page.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#v=1&amp;embed=1/);
    expect(code).toContain('battery-plants');
    await page.close();
  });
});
