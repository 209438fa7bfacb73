/**
 * Issue 14: a facility's supply chain in the built app. Select Ford Cuautitlán by search, read its chain list, show
 * this chain only (chain= in the link, legend counts follow), reopen the link in a fresh browser, in English and
 * Spanish; the overseas flow from China is drawn as a stub leaving the map, not an arc across the world.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowRecord } from '../../src/data/atlas-format.ts';
import { bearingDeg, destination, greatCircleKm, OVERSEAS_STUB_KM } from '../../src/map/supply-chain.ts';
import { differingPixelShare, launchAtlasBrowser, screenshot, useSharedBrowser, waitForMapReady } from './browser.ts';
import { PNG } from 'pngjs';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();
const FORD = 'assembly-plants:curated-assembly-plants:ford-cuautitlan';
const LAYERS = ['chargers', 'minerals', 'battery-plants', 'assembly-plants', 'flows'] as const;
const FLOWS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/data/flows.json'), 'utf8')) as FlowRecord[];

async function counts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of LAYERS) {
    const element = page.getByTestId(`count-${id}`);
    await expect.poll(() => element.getAttribute('data-count'), { timeout: 30_000 }).not.toBeNull();
    out[id] = Number(await element.getAttribute('data-count'));
  }
  return out;
}

/** Share of pixels that differ between two screenshots inside a box around a screen point. */
function differingInBox(a: PNG, b: PNG, x: number, y: number, half = 40): number {
  let differing = 0;
  let total = 0;
  for (let py = Math.max(0, Math.round(y - half)); py < Math.min(a.height, Math.round(y + half)); py++) {
    for (let px = Math.max(0, Math.round(x - half)); px < Math.min(a.width, Math.round(x + half)); px++) {
      const i = (py * a.width + px) * 4;
      total++;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 30) differing++;
    }
  }
  return total ? differing / total : 0;
}

/**
 * Of the pixels in the box that a layer draws (those that differ between `withLayer` and `withoutLayer`), the share
 * that differ between `a` and `b`: the layer's own pixels, whatever the basemap under and around them does.
 */
function drawnPixelsDiffering(withLayer: PNG, withoutLayer: PNG, a: PNG, b: PNG, x: number, y: number, half: number): { drawn: number; share: number } {
  const differs = (p: PNG, q: PNG, i: number) =>
    Math.abs(p.data[i]! - q.data[i]!) + Math.abs(p.data[i + 1]! - q.data[i + 1]!) + Math.abs(p.data[i + 2]! - q.data[i + 2]!) > 30;
  let drawn = 0;
  let differing = 0;
  for (let py = Math.max(0, Math.round(y - half)); py < Math.min(a.height, Math.round(y + half)); py++) {
    for (let px = Math.max(0, Math.round(x - half)); px < Math.min(a.width, Math.round(x + half)); px++) {
      const i = (py * a.width + px) * 4;
      if (!differs(withLayer, withoutLayer, i)) continue;
      drawn++;
      if (differs(a, b, i)) differing++;
    }
  }
  return { drawn, share: drawn ? differing / drawn : 0 };
}

async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([lon, lat]) => (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap.project([lon, lat]),
    lonLat,
  );
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + point.x, y: box.y + point.y };
}

describe('supply chain view', () => {
  it('select a facility, read its chain, show this chain only (chain= in the link, counts follow), reload the link in a fresh browser, English and Spanish; overseas ends are stubs', async () => {
    const catl = FLOWS.find((f) => f.id === 'flows:catl-ford-cuautitlan');
    expect(catl, 'the CATL -> Ford Cuautitlán flow is in the build').toBeTruthy();
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}#v=1&view=-100.0000%2C27.0000%2C4.20`);
    await waitForMapReady(page);
    const all = await counts(page);

    // select the facility by search
    const search = page.getByRole('combobox', { name: 'Search places and facilities' });
    await search.fill('cuautitlan assembly');
    await page
      .getByRole('option', { name: /Cuautitlán Assembly/ })
      .first()
      .click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(`sel=${encodeURIComponent(FORD)}`);
    const list = page.getByTestId('chain-list');
    await expect.poll(() => list.isVisible(), { timeout: 30_000 }).toBe(true);
    const steps = await list.getByTestId('chain-step').count();
    expect(steps).toBeGreaterThanOrEqual(4);
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('CATL (Ningde), China → Ford Cuautitlán Assembly');
    expect(text).toContain('Upstream');
    expect(text).toContain('Downstream');
    expect(await list.locator('a[href^="https://"]').count()).toBeGreaterThanOrEqual(steps);

    // show this chain only
    await list.getByTestId('chain-only').click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(`chain=${encodeURIComponent(FORD)}`);
    await expect.poll(async () => (await counts(page)).flows, { timeout: 30_000 }).toBe(steps);
    const chainOnly = await counts(page);
    expect(chainOnly.chargers).toBe(0);
    expect(chainOnly['assembly-plants']).toBeGreaterThanOrEqual(1);
    expect(chainOnly['assembly-plants']).toBeLessThan(all['assembly-plants']!);
    expect(chainOnly['battery-plants']).toBeLessThan(all['battery-plants']!);
    await expect.poll(() => page.getByTestId('chain-banner').textContent()).toContain('Ford Cuautitlán Assembly');
    // the search flew to the plant: back to the binational frame to see where the chain reaches
    await page.evaluate(() => (window as unknown as { __atlasMap: { jumpTo(v: object): void } }).__atlasMap.jumpTo({ center: [-100, 30], zoom: 3.6 }));
    await waitForMapReady(page);
    const withFlows = await screenshot(page, 'chain-only-ford-cuautitlan-en');

    // the China end is a stub leaving the map from Cuautitlán toward Ningde: pixels change around its middle when the
    // flows layer is switched off, and nothing is drawn beyond the stub (no arc across the world)
    const a: [number, number] = [catl!.to.lon, catl!.to.lat];
    const b: [number, number] = [catl!.from.lon, catl!.from.lat];
    const stubKm = Math.min(OVERSEAS_STUB_KM, greatCircleKm(a, b) / 2);
    const middle = await project(page, destination(a, bearingDeg(a, b), stubKm * 0.3));
    const beyond = await project(page, destination(a, bearingDeg(a, b), stubKm * 2.2));
    await page.getByRole('checkbox', { name: 'Supply-chain flows', exact: true }).uncheck();
    await waitForMapReady(page);
    const withoutFlows = await screenshot(page, 'chain-only-ford-cuautitlan-no-flows');
    expect(differingInBox(withFlows, withoutFlows, middle.x, middle.y, 25)).toBeGreaterThan(0.02);
    expect(differingInBox(withFlows, withoutFlows, beyond.x, beyond.y, 25)).toBeLessThan(0.005);
    await page.getByRole('checkbox', { name: 'Supply-chain flows', exact: true }).check();
    await waitForMapReady(page);

    // the link in a fresh browser (cold profile): same chain, same counts, in Spanish too
    const link = page.url();

    // the stub's label sits above its tip and follows the interface language ("from China" → "desde China")
    const tip = await project(page, destination(a, bearingDeg(a, b), stubKm));
    const english = await screenshot(page, 'chain-only-ford-cuautitlan-label-en');
    await page.locator('.language-switch button[lang="es"]').click();
    await expect.poll(() => page.url()).toContain('lang=es');
    await waitForMapReady(page);
    const spanish = await screenshot(page, 'chain-only-ford-cuautitlan-label-es');
    expect(differingInBox(english, spanish, tip.x, tip.y - 12, 10)).toBeGreaterThan(0.05);
    // below the tip the stub itself did not change (the basemap's labels around it do: "MEXICO" becomes "MÉXICO")
    const stub = drawnPixelsDiffering(withFlows, withoutFlows, english, spanish, middle.x, middle.y, 8);
    expect(stub.drawn).toBeGreaterThan(10);
    expect(stub.share).toBeLessThan(0.05);
    const fresh = await launchAtlasBrowser({ width: 1920, height: 1080 });
    try {
      const again = await fresh.newPage();
      await again.goto(link);
      await waitForMapReady(again);
      await expect.poll(async () => (await counts(again)).flows, { timeout: 30_000 }).toBe(chainOnly.flows);
      expect(await counts(again)).toEqual(chainOnly);
      await expect.poll(() => again.getByTestId('chain-list').isVisible(), { timeout: 30_000 }).toBe(true);
      await again.locator('.language-switch button[lang="es"]').click();
      await expect.poll(() => again.getByTestId('chain-list').textContent()).toContain('Cadena de suministro');
      expect(await again.getByTestId('chain-list').textContent()).toContain('Aguas arriba');
      expect(await again.getByTestId('chain-only').textContent()).toBe('Volver a mostrar todo');
      await expect.poll(() => again.getByTestId('chain-banner').textContent()).toContain('Mapa filtrado a la cadena de suministro de Ford Cuautitlán Assembly');
      expect(again.url()).toContain('lang=es');
      await waitForMapReady(again);
      const es = await screenshot(again, 'chain-only-ford-cuautitlan-es');
      expect(differingPixelShare(withFlows, es)).toBeGreaterThan(0); // the interface changed language
      // the way back: every feature again, no chain= in the link
      await again.getByTestId('chain-show-all').click();
      await expect.poll(() => again.url()).not.toContain('chain=');
      await expect.poll(async () => (await counts(again)).flows, { timeout: 30_000 }).toBe(all.flows);
      expect(fresh.foreignRequests).toEqual([]);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
    await page.close();
  }, 300_000);
});
