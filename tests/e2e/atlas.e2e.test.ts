import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { differingPixelShare, launchAtlasBrowser, screenshot, waitForMapReady, useSharedBrowser } from './browser.ts';
import { DATASET_IDS, type AtlasManifest } from '../../src/data/atlas-format.ts';
import { SOURCE_TITLES_ES } from '../../src/data/source-titles-es.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();

/** The legend's visible-feature count of every layer (one layer per dataset), once all are loaded. */
async function legendCounts(page: Page): Promise<Record<(typeof DATASET_IDS)[number], number>> {
  const counts = {} as Record<(typeof DATASET_IDS)[number], number>;
  for (const id of DATASET_IDS) {
    const element = page.getByTestId(`count-${id}`);
    await expect.poll(() => element.getAttribute('data-count'), { timeout: 30_000 }).not.toBeNull();
    counts[id] = Number(await element.getAttribute('data-count'));
  }
  return counts;
}

/** The checked state of every checkbox and radio in the side panel, by accessible label. */
async function controlStates(page: Page): Promise<string[]> {
  return page
    .locator('#side-panel input[type="checkbox"], #side-panel input[type="radio"]')
    .evaluateAll((inputs) => inputs.map((input) => `${(input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? input.id}=${(input as HTMLInputElement).checked}`));
}

describe('the atlas: filters, legend counts, shared links, details', () => {
  it('filters through the controls change the counts and the map, and a copied link reproduces them in a fresh browser', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const initial = await legendCounts(page);
    expect(initial.chargers).toBeGreaterThan(50_000);
    expect(initial['assembly-plants']).toBeGreaterThan(100);
    const before = await screenshot(page, 'atlas-default');

    // Mexico only, through the country checkbox
    await page.getByRole('checkbox', { name: 'United States', exact: true }).uncheck();
    await expect.poll(() => page.getByTestId('count-chargers').getAttribute('data-count')).not.toBe(String(initial.chargers));
    await waitForMapReady(page);
    const mexicoOnly = await legendCounts(page);
    expect(mexicoOnly.chargers).toBeGreaterThan(0);
    expect(mexicoOnly.chargers).toBeLessThan(1_000);
    expect(mexicoOnly['assembly-plants']).toBeLessThan(initial['assembly-plants']);
    expect(page.url()).toContain('country=MX');

    // DC fast chargers only, through the chargers' level checkboxes (keyboard)
    await page.getByRole('button', { name: 'Filter EV chargers' }).click();
    for (const level of ['Level 1', 'Level 2', 'Level unknown']) {
      const box = page.getByRole('checkbox', { name: level, exact: true });
      await box.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => box.isChecked()).toBe(false);
    }
    await waitForMapReady(page);
    const filtered = await legendCounts(page);
    expect(filtered.chargers).toBeGreaterThan(0);
    expect(filtered.chargers).toBeLessThan(mexicoOnly.chargers);
    const after = await screenshot(page, 'atlas-mexico-dc');
    expect(differingPixelShare(before, after)).toBeGreaterThan(0.01);

    // copy the link, open it in a fresh browser: same counts, same controls
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByText('Link copied').isVisible()).toBe(true);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const controls = await controlStates(page);
    await page.close();

    const fresh = await launchAtlasBrowser();
    try {
      const other = await fresh.newPage();
      await other.goto(copied);
      await waitForMapReady(other);
      await other.getByRole('button', { name: 'Filter EV chargers' }).click();
      expect(await legendCounts(other)).toEqual(filtered);
      expect(await controlStates(other)).toEqual(controls);
      expect(fresh.foreignRequests).toEqual([]);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('the chargers\u2019 hexagons follow live filter changes: cells with no charger left are not drawn, and come back', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    // 40-px boxes around Los Angeles and Mexico City, both with chargers at the continental zoom (labels cover part of them)
    const boxes = await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap;
      // map.project is relative to the map's container; screenshots to the page
      const origin = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const box = (lngLat: [number, number]) => {
        const { x, y } = map.project(lngLat);
        return { x: Math.round(origin.left + x) - 20, y: Math.round(origin.top + y) - 20, width: 40, height: 40 };
      };
      return { losAngeles: box([-118.25, 34.05]), mexicoCity: box([-99.13, 19.43]) };
    });
    const all = await screenshot(page, 'hexagons-all');
    const counts = page.getByTestId('count-chargers');
    const allCount = await counts.getAttribute('data-count');

    await page.getByRole('checkbox', { name: 'United States', exact: true }).uncheck();
    await expect.poll(() => counts.getAttribute('data-count')).not.toBe(allCount);
    await waitForMapReady(page);
    const mexicoOnly = await screenshot(page, 'hexagons-mexico-only');

    await page.getByRole('checkbox', { name: 'United States', exact: true }).check();
    await expect.poll(() => counts.getAttribute('data-count')).toBe(allCount);
    await waitForMapReady(page);
    const allAgain = await screenshot(page, 'hexagons-all-again');

    // the map without the chargers layer: what a cell with no visible charger must look like
    await page.getByRole('checkbox', { name: 'EV chargers', exact: true }).uncheck();
    await waitForMapReady(page);
    const basemap = await screenshot(page, 'hexagons-none');

    expect(differingPixelShare(all, basemap, boxes.losAngeles)).toBeGreaterThan(0.1);
    expect(differingPixelShare(mexicoOnly, basemap, boxes.losAngeles)).toBeLessThan(0.01);
    expect(differingPixelShare(mexicoOnly, basemap, boxes.mexicoCity)).toBeGreaterThan(0.1);
    expect(differingPixelShare(allAgain, all, boxes.losAngeles)).toBeLessThan(0.02);
    expect(differingPixelShare(allAgain, all)).toBeLessThan(0.001);
    await page.close();
  });

  it('theme presets switch the layers and the legend says which preset is on', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    await page.getByRole('radio', { name: /Infrastructure/ }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: 'EV chargers', exact: true }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Supply-chain flows', exact: true }).isChecked()).toBe(false);
    expect(page.url()).toContain('layers=chargers');
    // the preset folded the sections of the layers it hid: the flows checkbox must not move within the panel when
    // scrolled to (a placeholder size kept for sections out of view moved it by ~1,400 px, and a click missed it)
    const offsetsInPanel = await page.evaluate(async () => {
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const panel = document.getElementById('side-panel')!;
      const toggle = document.querySelector('section[data-layer="flows"] input[type="checkbox"]')!;
      const offset = () => Math.round(toggle.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop);
      await frames();
      const before = offset();
      toggle.scrollIntoView({ block: 'center' });
      await frames();
      return { before, after: offset() };
    });
    expect(Math.abs(offsetsInPanel.after - offsetsInPanel.before)).toBeLessThanOrEqual(2);
    await page.getByRole('checkbox', { name: 'Supply-chain flows', exact: true }).check();
    await expect.poll(() => page.getByRole('radio', { name: 'Custom' }).isChecked()).toBe(true);
    await page.close();
  });

  it('a selected facility shows its attributes and sources, and the selection is in the link', async () => {
    const page = await sharedBrowser().newPage();
    const id = 'assembly-plants:curated-assembly-plants:ford-cuautitlan';
    await page.goto(`${baseUrl}#v=1&view=-99.1925%2C19.6431%2C9.00&sel=${encodeURIComponent(id)}`);
    await waitForMapReady(page);
    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.getByRole('heading').first().innerText(), { timeout: 30_000 }).toBe('Cuautitlán Assembly');
    const text = await details.innerText();
    expect(text).toContain('Ford Mustang Mach-E');
    expect(text).toMatch(/wikipedia\.org|Wikipedia|Curated/);
    expect(text).toContain('RETC');
    await screenshot(page, 'atlas-details-cuautitlan');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => details.innerText()).toContain('Produce VE');
    await waitForMapReady(page);
    await screenshot(page, 'atlas-details-cuautitlan-es');
    await page
      .getByRole('button', { name: /Cerrar/ })
      .first()
      .click();
    await expect.poll(() => details.isVisible()).toBe(false);
    expect(page.url()).not.toContain('sel=');
    await page.close();
  });

  it('clicking a plant on the map selects it and shows its provenance', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=assembly-plants&view=-99.1925%2C19.6431%2C11.00`);
    await waitForMapReady(page);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const point = await page.evaluate(() =>
      (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap.project([-99.1925, 19.64306]),
    );
    await page.mouse.click(mapBox.x + point.x, mapBox.y + point.y);
    await expect.poll(() => page.getByTestId('details-panel').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.url()).toContain('sel=assembly-plants');
    await page.close();
  });

  it('clicking a mineral site at the national view selects that very site, though sites hidden under an identical one are not drawn', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=minerals`);
    await waitForMapReady(page);
    // the drawn point farthest from any other inside the map whose drawn index is not its row (rows before it were left out)
    const target = await page.evaluate(() => {
      type Map = { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement; _controls: { _deck?: { props: { layers: unknown[] } } }[] };
      const map = (window as unknown as { __atlasMap: Map }).__atlasMap;
      const deck = map._controls.find((c) => c._deck)!._deck!;
      const layer = deck.props.layers.find((l) => (l as { id: string }).id === 'minerals') as {
        props: { rows: Uint32Array; data: { length: number; attributes: { getPosition: { value: Float32Array } } } };
      };
      const { rows, data } = layer.props;
      const position = data.attributes.getPosition.value;
      const { clientWidth: width, clientHeight: height } = map.getCanvas();
      const points: { index: number; x: number; y: number }[] = [];
      for (let index = 0; index < data.length; index++) {
        const p = map.project([position[index * 2]!, position[index * 2 + 1]!]);
        if (p.x > 60 && p.x < width - 60 && p.y > 160 && p.y < height - 60) points.push({ index, x: p.x, y: p.y });
      }
      let best = { index: -1, row: -1, x: 0, y: 0, gap: 0, drawn: data.length };
      for (const a of points) {
        if (rows[a.index] === a.index) continue;
        let gap = Infinity;
        for (const b of points) if (b !== a) gap = Math.min(gap, Math.hypot(a.x - b.x, a.y - b.y));
        if (gap > best.gap) best = { index: a.index, row: rows[a.index]!, x: a.x, y: a.y, gap, drawn: data.length };
      }
      return best;
    });
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/data/manifest.json'), 'utf8')) as {
      layers: { minerals: { count: number; files: { detailChunks: { file: string; firstRow: number; rowCount: number }[] } } };
    };
    // far fewer points drawn than sites at this zoom, and a point clear of the others to click
    expect(target.drawn).toBeLessThan(manifest.layers.minerals.count * 0.6);
    expect(target.gap).toBeGreaterThan(12);
    const chunk = manifest.layers.minerals.files.detailChunks.find((c) => target.row >= c.firstRow && target.row < c.firstRow + c.rowCount)!;
    const record = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/data', chunk.file), 'utf8')) as { id: string }[])[target.row - chunk.firstRow]!;
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(mapBox.x + target.x, mapBox.y + target.y);
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(`sel=${encodeURIComponent(record.id)}`);
    await expect.poll(() => page.getByTestId('details-panel').isVisible()).toBe(true);
    await page.close();
  });

  it('search finds a state typed without accents and flies there', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const search = page.getByRole('combobox', { name: 'Search places and facilities' });
    await search.fill('nuevo leon');
    await page
      .getByRole('option', { name: /Nuevo León/ })
      .first()
      .click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/view=-99\.\d+%2C25\.\d+%2C5\.50/);
    await page.close();
  });

  it('opens a link written by codec version 1 months ago with the same meaning', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&lang=es&view=-100.0000%2C24.0000%2C4.50&layers=chargers%2Cassembly-plants&country=MX&f.assemblyEv=ev_in_production`);
    await waitForMapReady(page);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Estados Unidos', exact: true }).isChecked()).toBe(false);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Cargadores de VE', exact: true }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Sitios de minerales para baterías', exact: true }).isChecked()).toBe(false);
    const evPlants = Number(await page.getByTestId('count-assembly-plants').getAttribute('data-count'));
    expect(evPlants).toBeGreaterThan(0);
    expect(evPlants).toBeLessThan(36);
    expect(await page.getByTestId('url-problems').count()).toBe(0);
    await page.close();
  });

  it('in Spanish, the legend names every source of the built data by its Spanish title', async () => {
    const manifest = (await (await fetch(new URL('data/manifest.json', baseUrl))).json()) as AtlasManifest;
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&lang=es`);
    await waitForMapReady(page);
    const listed = await page
      .locator('.source-list li[data-source-id]')
      .evaluateAll((items) => items.map((item) => ({ id: item.getAttribute('data-source-id')!, text: item.textContent ?? '' })));
    expect(listed.length).toBeGreaterThan(5);
    for (const { id, text } of listed) {
      expect(text).toContain(SOURCE_TITLES_ES[id]);
      if (SOURCE_TITLES_ES[id] !== manifest.sources[id]!.title) expect(text).not.toContain(manifest.sources[id]!.title);
    }
    await page.close();
  });

  it('the side panel is not a scrolling layer while the first view loads, then scrolls, its content not moving', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(baseUrl);
    const panel = page.locator('.side-panel');
    await panel.waitFor();
    const panelState = () =>
      panel.evaluate((element) => ({
        overflowY: getComputedStyle(element).overflowY,
        contentWidth: element.firstElementChild!.getBoundingClientRect().width,
      }));
    const loading = await panelState();
    expect(loading.overflowY).toBe('hidden');
    await waitForMapReady(page);
    await expect.poll(async () => (await panelState()).overflowY, { timeout: 10_000 }).toBe('auto');
    expect((await panelState()).contentWidth).toBe(loading.contentWidth);
    await panel.hover();
    await page.mouse.wheel(0, 600);
    await expect.poll(() => panel.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await page.close();
  });

  it('without WebGL the map says so, and the side panel scrolls at once (it waits for no first view)', async () => {
    const page = await sharedBrowser().newPage();
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (kind === 'webgl' || kind === 'webgl2' || kind === 'experimental-webgl') return null;
        return (getContext as (...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
      } as typeof getContext;
    });
    await page.goto(baseUrl);
    await expect.poll(() => page.locator('.map-failure').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('.side-panel').evaluate((element) => getComputedStyle(element).overflowY), { timeout: 3000 }).toBe('auto');
    await page.close();
  });

  it('gives no map canvas a new size after its WebGL context exists, during the first view (a resize waits on the GPU in software GL)', async () => {
    const page = await sharedBrowser().newPage();
    await page.addInitScript(() => {
      const resized: string[] = [];
      const withContext = new WeakSet<HTMLCanvasElement>();
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        const context = (getContext as (...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
        if (context && kind.startsWith('webgl')) withContext.add(this);
        return context;
      } as typeof getContext;
      for (const side of ['width', 'height'] as const) {
        const property = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side)!;
        Object.defineProperty(HTMLCanvasElement.prototype, side, {
          ...property,
          set(this: HTMLCanvasElement, value: number) {
            const before = property.get!.call(this) as number;
            if (withContext.has(this) && value !== before) resized.push(`${this.className || 'deck.gl'} ${side} ${before} -> ${value}`);
            property.set!.call(this, value);
          },
        });
      }
      (window as unknown as { __resized: string[] }).__resized = resized;
    });
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    expect(await page.evaluate(() => (window as unknown as { __resized: string[] }).__resized)).toEqual([]);
    await page.close();
  });

  it('keeps neither map canvas\u2019s drawing buffer after a frame (a copy of each canvas per frame); the image export reads them in their frame', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    const attributes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')].map(
        (canvas) => canvas.getContext('webgl2')?.getContextAttributes()?.preserveDrawingBuffer ?? null,
      ),
    );
    expect(attributes).toEqual([false, false]);
    await page.close();
  });

  it('links no sky, background, fill-outline or circle program for the basemap (each costs a software-GL machine time at load)', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    const programs = () =>
      page.evaluate(() => {
        const map = (window as unknown as { __atlasMap: { painter: { programCache: { programs: Map<string, unknown> | Record<string, unknown> } } } }).__atlasMap;
        const cached = map.painter.programCache.programs;
        return (cached instanceof Map ? [...cached.keys()] : Object.keys(cached)).map((key) => key.split('/')[0]);
      });
    const linked = await programs();
    expect(linked).toEqual(expect.arrayContaining(['fill', 'line', 'symbolSDF']));
    for (const program of ['sky', 'background', 'fillOutline', 'circle']) expect(linked).not.toContain(program);
    // a sky set later is drawn as before
    await page.evaluate(() => {
      const map = (window as unknown as { __atlasMap: { setSky(sky: object): void; triggerRepaint(): void } }).__atlasMap;
      map.setSky({ 'sky-color': '#88aaff' });
      map.triggerRepaint();
    });
    await expect.poll(programs, { timeout: 10_000 }).toContain('sky');
    await page.close();
  });

  it('is idle in the frame that first draws every tile of the first view: no second frame for the labels\u2019 placement', async () => {
    const page = await sharedBrowser().newPage();
    await page.addInitScript(() => {
      const frames = { renders: 0, atLoad: -1, atIdle: -1, hookedBeforeLoad: false };
      (window as unknown as { __frames: typeof frames }).__frames = frames;
      type Events = { on(event: string, listener: () => void): void; once(event: string, listener: () => void): void; loaded(): boolean };
      const hook = () => {
        const map = (window as unknown as { __atlasMap?: Events }).__atlasMap;
        if (!map) return requestAnimationFrame(hook);
        frames.hookedBeforeLoad = !map.loaded();
        map.on('render', () => frames.renders++);
        map.once('load', () => (frames.atLoad = frames.renders));
        map.once('idle', () => (frames.atIdle = frames.renders));
      };
      requestAnimationFrame(hook);
    });
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: { renders: number; atLoad: number; atIdle: number; hookedBeforeLoad: boolean } }).__frames,
    );
    expect(frames.hookedBeforeLoad).toBe(true);
    expect(frames.atLoad).toBeGreaterThan(0);
    expect(frames.atIdle).toBe(frames.atLoad);
    await page.close();
  });

  it('links the web app manifest only after the first view, once the map has been still a while (the browser\u2019s install check redraws its own interface)', async () => {
    const page = await sharedBrowser().newPage();
    const manifestRequests: number[] = [];
    const started = Date.now();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/manifest.webmanifest')) manifestRequests.push(Date.now() - started);
    });
    const manifestLink = () => page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? null);
    const response = await page.goto(`${baseUrl}#v=1&layers=chargers`);
    expect(await response!.text()).not.toContain('rel="manifest"');
    expect(await manifestLink()).toBeNull();
    await waitForMapReady(page);
    const readyAt = Date.now() - started;
    // filter changes one after another for 8 s (longer than the first view's settling and the quiet time together)
    for (const hash of ['&country=MX', '&f.chargerLevel=DC', '', '&country=MX', '&f.chargerLevel=DC', '', '&country=US', '']) {
      await page.evaluate((fragment) => (location.hash = `#v=1&layers=chargers${fragment}`), hash);
      await waitForMapReady(page);
      await page.waitForTimeout(1000);
      expect(await manifestLink()).toBeNull();
    }
    const changesEndedAt = Date.now() - started;
    await expect.poll(manifestLink, { timeout: 30_000 }).toBe('./manifest.webmanifest');
    expect(manifestRequests.length).toBeGreaterThan(0);
    for (const at of manifestRequests) expect(at).toBeGreaterThanOrEqual(Math.max(readyAt, changesEndedAt));
    await page.close();
  });

  it('draws no rounded corners but the legend\u2019s round symbols and the radio buttons (each costs a software-GL machine time at load)', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const roundedElements = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => {
            const style = getComputedStyle(element);
            const radii = [style.borderTopLeftRadius, style.borderTopRightRadius, style.borderBottomLeftRadius, style.borderBottomRightRadius];
            return element.getClientRects().length > 0 && radii.some((radius) => radius !== '0px');
          })
          .filter((element) => !element.classList.contains('swatch-dot') && !(element instanceof HTMLInputElement && element.type === 'radio'))
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
      );
    // the legend's round swatches are there, and so the check looks at what is drawn
    expect(await page.locator('.swatch-dot').count()).toBeGreaterThan(0);
    const seen: Record<string, string[]> = { Layers: await roundedElements() };
    for (const tab of ['Statistics', 'Table', 'Charging gap']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      seen[tab] = await roundedElements();
    }
    expect(seen).toEqual({ Layers: [], Statistics: [], Table: [], 'Charging gap': [] });
    await page.close();
  });
});
