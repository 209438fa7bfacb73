import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countPixelsNear, differingPixelShare, launchAtlasBrowser, mapCamera, screenshot, waitForMapReady, useSharedBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();

async function open(page: Page, fragment = ''): Promise<void> {
  await page.goto(`${baseUrl}${fragment}`);
  await waitForMapReady(page);
}

/** Screen pixel of a geographic point, as maplibre projects it. */
async function pixelOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const mapBox = (await page.locator('[data-testid="map"]').boundingBox())!;
  const point = await page.evaluate(
    ([lon, lat]) => (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap.project([lon!, lat!]),
    [lon, lat],
  );
  return { x: Math.round(mapBox.x + point.x), y: Math.round(mapBox.y + point.y) };
}

describe('the atlas in Chromium', () => {
  it('draws the offline basemap: water and land in different colours, labels, no third-party request', async () => {
    const page = await sharedBrowser().newPage();
    await open(page, '#v=1&layers=none');
    const png = await screenshot(page, 'shell-basemap-en');
    const sample = (p: { x: number; y: number }) => {
      const i = (p.y * png.width + p.x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as [number, number, number];
    };
    const gulf = sample(await pixelOf(page, -90.5, 25.0));
    const pacific = sample(await pixelOf(page, -125, 20));
    const kansas = sample(await pixelOf(page, -98.5, 38.5));
    const durango = sample(await pixelOf(page, -104.7, 24.8));
    expect(gulf[2], 'water is blue').toBeGreaterThan(gulf[0] + 20);
    expect(pacific[2], 'water is blue').toBeGreaterThan(pacific[0] + 20);
    for (const land of [kansas, durango]) expect(Math.abs(land[0] - gulf[0]) + Math.abs(land[2] - gulf[2]), 'land differs from water').toBeGreaterThan(40);
    // state names are drawn with the self-hosted font once zoomed in
    await open(page, '#v=1&layers=none&view=-102.0000%2C27.5000%2C5.20');
    await screenshot(page, 'shell-labels-border');
    const labelText = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: { queryRenderedFeatures(): { layer: { type: string }; properties: Record<string, unknown> }[] } }).__atlasMap;
      return map
        .queryRenderedFeatures()
        .filter((f) => f.layer.type === 'symbol')
        .map((f) => String(f.properties.name ?? f.properties.name_en ?? ''));
    });
    expect(labelText).toContain('Texas');
    expect(labelText.some((name) => name === 'Chihuahua' || name === 'Coahuila' || name === 'Durango')).toBe(true);
    expect(labelText).not.toContain('Distrito Federal');
    await page.close();
  });

  it('draws deck.gl layers over the basemap', async () => {
    const page = await sharedBrowser().newPage();
    await open(page, '#v=1&layers=none');
    const without = await screenshot(page, 'shell-no-layers');
    await open(page, '#v=1');
    const withLayers = await screenshot(page, 'shell-all-layers');
    expect(await page.locator('[data-testid="map"]').getAttribute('data-deck-layers')).not.toBe('0');
    expect(differingPixelShare(without, withLayers)).toBeGreaterThan(0.002);
    await page.close();
  });

  it('switches to Spanish in one click: visible strings and <html lang> change, and the link keeps it', async () => {
    const page = await sharedBrowser().newPage();
    await open(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const englishTitle = await page.locator('h1').innerText();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const spanishTitle = await page.locator('h1').innerText();
    expect(spanishTitle).not.toBe(englishTitle);
    expect(spanishTitle).toContain('Atlas de la electrificación del transporte');
    expect(await page.getByRole('complementary').getAttribute('aria-label')).toBe('Capas y filtros');
    expect(page.url()).toContain('lang=es');
    await waitForMapReady(page);
    const countryLabels = await page.evaluate(() =>
      (window as unknown as { __atlasMap: { queryRenderedFeatures(): { layer: { id: string }; properties: Record<string, unknown> }[] } }).__atlasMap
        .queryRenderedFeatures()
        .filter((f) => f.properties.kind === 'country')
        .map((f) => String(f.properties.name_es)),
    );
    expect(countryLabels).toContain('México');
    const mapText = await page.evaluate(() =>
      (window as unknown as { __atlasMap: { getLayoutProperty(id: string, p: string): unknown } }).__atlasMap.getLayoutProperty('labels-country-focus', 'text-field'),
    );
    expect(JSON.stringify(mapText)).toContain('name_es');
    await screenshot(page, 'shell-basemap-es');
    await page.close();
  });

  it('downloads the Spanish strings only for Spanish: none in an English view, before the first render of a Spanish link', async () => {
    const spanishStrings = (page: Page) => {
      const requests: string[] = [];
      page.on('request', (request) => {
        if (/\/assets\/strings-es-[^/]+\.js$/.test(request.url())) requests.push(request.url());
      });
      return requests;
    };
    const english = await sharedBrowser().newPage();
    const englishRequests = spanishStrings(english);
    await open(english);
    expect(englishRequests).toEqual([]);
    await english.getByRole('button', { name: 'Español' }).click();
    await english.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await english.locator('h1').innerText()).toContain('Atlas de la electrificación del transporte');
    expect(englishRequests).toHaveLength(1);
    await english.close();

    const spanish = await sharedBrowser().newPage();
    const spanishRequests = spanishStrings(spanish);
    // every title the header shows, from its first render
    await spanish.addInitScript(() => {
      const titles: string[] = ((window as unknown as { __titles: string[] }).__titles = []);
      new MutationObserver(() => {
        const text = document.querySelector('h1')?.textContent ?? '';
        if (text && titles[titles.length - 1] !== text) titles.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await open(spanish, '#v=1&lang=es&layers=chargers');
    const titles = await spanish.evaluate(() => (window as unknown as { __titles: string[] }).__titles);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain('Atlas de la electrificación del transporte');
    expect(spanishRequests).toHaveLength(1);
    // fetched beside the app's JavaScript (a modulepreload from index.html's first script), not after it has run
    expect(await spanish.locator('link[rel="modulepreload"][href*="strings-es-"]').count()).toBe(1);
    await spanish.close();
  });

  it('says so when the Spanish strings cannot be fetched, and stays in English', async () => {
    // a fresh profile where the Spanish chunk fails, as offline before the service worker has it (the route is the
    // context's, so the service worker's own requests fail too and it never serves the chunk)
    const other = await launchAtlasBrowser();
    try {
      await other.context.route(/\/assets\/strings-es-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
      const page = await other.newPage();
      await open(page, '#v=1&lang=es&layers=chargers');
      await page.getByTestId('language-unavailable').waitFor();
      expect(await page.getByTestId('language-unavailable').innerText()).toContain('No se pudo cargar la interfaz en español');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('h1').innerText()).toContain('US–Mexico Transport Electrification Atlas');
      expect(page.url()).not.toContain('lang=es');
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await page.getByTestId('language-unavailable').waitFor({ state: 'detached' });
      // the button tries again, and says so again
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByTestId('language-unavailable').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(other.foreignRequests).toEqual([]);
      // the only errors: the browser reporting the failed fetches
      expect(other.pageErrors.filter((error) => !error.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a copied link reopens the same view and language in a fresh browser', async () => {
    const page = await sharedBrowser().newPage();
    await open(page, '#v=1&lang=es&view=-100.3161%2C25.6866%2C7.50');
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => location.hash.includes('view=') && !location.hash.includes('7.50'));
    await waitForMapReady(page);
    const copied = page.url();
    const before = await mapCamera(page);
    await page.close();

    const other = await launchAtlasBrowser();
    try {
      const fresh = await other.newPage();
      await fresh.goto(copied);
      await waitForMapReady(fresh);
      const after = await mapCamera(fresh);
      expect(after.lng).toBeCloseTo(before.lng, 3);
      expect(after.lat).toBeCloseTo(before.lat, 3);
      expect(after.zoom).toBeCloseTo(before.zoom, 1);
      expect(await fresh.getAttribute('html', 'lang')).toBe('es');
      expect(other.foreignRequests).toEqual([]);
      expect(other.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('survives a malformed link: the map renders and the bad parts are named', async () => {
    const page = await sharedBrowser().newPage();
    await open(page, '#v=1&view=abc&lang=%3Cscript%3E&layers=%00&zzz');
    expect(await page.getByTestId('url-problems').innerText()).toContain('view');
    const png = await screenshot(page, 'shell-malformed-link');
    expect(countPixelsNear(png, [255, 255, 255], 3)).toBeLessThan(png.width * png.height * 0.9);
    await page.close();
  });

  it('fits a 375-px phone and a 1920-px projector', async () => {
    for (const viewport of [
      { width: 375, height: 740 },
      { width: 1920, height: 1080 },
    ]) {
      const sized = await launchAtlasBrowser(viewport);
      try {
        const page = await sized.newPage();
        await open(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const mapBox = (await page.locator('[data-testid="map"]').boundingBox())!;
        expect(mapBox.width).toBeGreaterThan(viewport.width * 0.6);
        await screenshot(page, `shell-${viewport.width}`);
      } finally {
        await sized.close();
      }
    }
  });
});
