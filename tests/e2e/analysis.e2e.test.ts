import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { differingPixelShare, launchAtlasBrowser, screenshot, useSharedBrowser, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();

/** Clicks the map at a longitude/latitude (the state under it is picked by the choropleth). */
async function clickMapAt(page: Page, lngLat: [number, number]): Promise<void> {
  const point = await page.evaluate((at) => {
    const map = (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap;
    return map.project(at);
  }, lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** The chargers row of the open state profile: measure → raw value. */
async function profileChargers(page: Page): Promise<Record<string, number>> {
  const row = page.getByTestId('state-profile').locator('tr[data-layer="chargers"]');
  await expect.poll(() => row.locator('td[data-measure="count"]').getAttribute('data-value'), { timeout: 30_000 }).not.toBe('');
  const cells = await row.locator('td[data-measure]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-measure'), td.getAttribute('data-value')] as const));
  return Object.fromEntries(cells.filter(([, value]) => value !== '' && value !== null).map(([measure, value]) => [measure, Number(value)]));
}

/** A state's value in the statistics panel's state table (the panel's contract: data-state, data-measure, data-value). */
async function stateTableValue(page: Page, code: string, measure: string): Promise<number> {
  await page.getByTestId('tab-stats').click();
  const cell = page.locator(`tr[data-state="${code}"] [data-measure="${measure}"]`).first();
  await expect.poll(() => cell.getAttribute('data-value'), { timeout: 30_000 }).not.toBeNull();
  const value = Number(await cell.getAttribute('data-value'));
  await page.getByTestId('tab-layers').click();
  return value;
}

/** The choropleth legend's class labels. */
async function legendClasses(page: Page): Promise<string[]> {
  return page.getByTestId('choropleth-legend').locator('li').allTextContents();
}

describe('state analysis: choropleth, state profile, shared link', () => {
  it('colours states through the controls, follows a filter, opens a profile, and a copied link reopens the same figures in a fresh browser', async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}#v=1&layers=none`);
    await waitForMapReady(page);
    const plain = await screenshot(page, 'analysis-plain');

    await page.getByLabel('Colour states by').selectOption({ label: 'EV chargers' });
    await page.getByRole('radio', { name: 'Per 100,000 people' }).check();
    await expect.poll(() => page.getByTestId('choropleth-legend').textContent(), { timeout: 30_000 }).toContain('EV chargers: Per 100,000 people');
    await expect.poll(() => page.getByTestId('choropleth-legend').textContent(), { timeout: 30_000 }).toContain('Mexico: the layer is partial');
    await waitForMapReady(page);
    const coloured = await screenshot(page, 'analysis-choropleth');
    expect(differingPixelShare(plain, coloured)).toBeGreaterThan(0.05);
    expect(page.url()).toContain('choro=chargers');
    expect(page.url()).toContain('measure=per100k');
    const classesBefore = await legendClasses(page);

    // California's profile, by a click on the map
    await clickMapAt(page, [-119.6, 37.2]);
    await expect.poll(() => page.getByTestId('state-profile').getAttribute('data-state'), { timeout: 30_000 }).toBe('US-CA');
    const all = await profileChargers(page);
    const population = Number(await page.getByTestId('state-profile').locator('dd[data-measure="population"]').getAttribute('data-value'));
    expect(population).toBe(39_538_223);
    expect(all.count).toBeGreaterThan(5_000);
    expect(all.per100k).toBeCloseTo((all.count! / population) * 100_000, 6);

    // A filter (DC fast only) changes the state values and the map, with no reload
    await page.getByRole('tab', { name: 'Layers' }).click();
    await page.getByRole('button', { name: 'Filter EV chargers' }).click();
    for (const level of ['Level 1', 'Level 2', 'Level unknown']) await page.getByRole('checkbox', { name: level, exact: true }).uncheck();
    await expect.poll(async () => (await profileChargers(page)).count).toBeLessThan(all.count!);
    const dcOnly = await profileChargers(page);
    expect(dcOnly.count).toBeGreaterThan(0);
    expect(await stateTableValue(page, 'US-CA', 'count')).toBe(dcOnly.count);
    expect(await stateTableValue(page, 'US-CA', 'per100k')).toBeCloseTo(dcOnly.per100k!, 6);
    expect(dcOnly.per100k).toBeCloseTo((dcOnly.count! / population) * 100_000, 6);
    await waitForMapReady(page);
    const filtered = await screenshot(page, 'analysis-choropleth-dc');
    expect(differingPixelShare(coloured, filtered)).toBeGreaterThan(0.005);
    const classesDc = await legendClasses(page);
    expect(classesDc).not.toEqual(classesBefore);

    // The copied link, in a fresh browser: the same profile values and legend, in Spanish too
    const link = page.url();
    expect(link).toContain('sel=states%3AUS-CA');
    const fresh = await launchAtlasBrowser({ width: 1920, height: 1080 });
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      await waitForMapReady(other);
      await expect.poll(() => other.getByTestId('state-profile').getAttribute('data-state'), { timeout: 30_000 }).toBe('US-CA');
      expect(await profileChargers(other)).toEqual(dcOnly);
      expect(await legendClasses(other)).toEqual(classesDc);
      expect(await stateTableValue(other, 'US-CA', 'per100k')).toBeCloseTo(dcOnly.per100k!, 6);
      await other.getByRole('button', { name: 'Español' }).click();
      await expect.poll(() => other.getByTestId('choropleth-legend').textContent(), { timeout: 30_000 }).toContain('Cargadores de VE: Por cada 100,000 habitantes');
      await expect.poll(() => other.getByText('Perfil del estado · Estados Unidos').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await profileChargers(other)).toEqual(dcOnly);
      await waitForMapReady(other);
      await screenshot(other, 'analysis-profile-es');
      expect(fresh.foreignRequests).toEqual([]);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('opens a Mexican state profile with the published figure beside the mapped count', async () => {
    const page = await sharedBrowser().newPage();
    await page.goto(`${baseUrl}#v=1&layers=none&choro=chargers&sel=states%3AMX-NLE`);
    await waitForMapReady(page);
    const profile = page.getByTestId('state-profile');
    await expect.poll(() => profile.getAttribute('data-state'), { timeout: 30_000 }).toBe('MX-NLE');
    const mapped = (await profileChargers(page)).count!;
    const published = Number(await profile.getByTestId('published-figures').locator('li[data-dataset="chargers"]').first().getAttribute('data-value'));
    expect(published).toBeGreaterThan(mapped);
    await expect.poll(() => profile.textContent(), { timeout: 30_000 }).toContain('Partial layer in Mexico');
  });
});
