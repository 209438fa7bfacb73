import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { differingPixelShare, launchAtlasBrowser, screenshot, useSharedBrowser, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();

interface GapFigures {
  [area: string]: { beyond: number; share: number; dcShare: number };
}

/** The summary table's figures (the panel's contract: data-area, data-beyond, data-share, data-dc-share). */
async function summary(page: Page): Promise<GapFigures> {
  const table = page.getByTestId('gap-summary');
  await expect.poll(() => table.locator('tr[data-area="both"]').count(), { timeout: 60_000 }).toBe(1);
  const rows = await table
    .locator('tr[data-area]')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-area'), tr.getAttribute('data-beyond'), tr.getAttribute('data-share'), tr.getAttribute('data-dc-share')] as const),
    );
  return Object.fromEntries(rows.map(([area, beyond, share, dc]) => [area, { beyond: Number(beyond), share: Number(share), dcShare: Number(dc) }]));
}

async function candidates(page: Page): Promise<number[]> {
  return page
    .getByTestId('gap-candidates')
    .locator('tr[data-rank]')
    .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-newly'))));
}

describe('charging gap: controls, figures, map, shared link', () => {
  it('changes R and the filters through the controls; figures, candidates and pixels follow; a copied link reproduces them in a fresh browser, in English and Spanish', async () => {
    const page = await sharedBrowser().newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}#v=1&layers=chargers`);
    await waitForMapReady(page);
    const before = await screenshot(page, 'gap-off');

    await page.getByTestId('tab-gap').click();
    await page.getByTestId('gap-toggle').check();
    const at50 = await summary(page);
    expect(at50.both!.beyond).toBeGreaterThan(0);
    expect(at50.both!.share).toBeGreaterThan(0);
    expect(at50.both!.share).toBeLessThan(1);
    // DC fast counts fewer chargers, so at least as many people are beyond R
    expect(at50.both!.dcShare).toBeGreaterThanOrEqual(at50.both!.share);
    expect(at50.MX!.share).toBeGreaterThan(at50.US!.share);
    const c50 = await candidates(page);
    expect(c50).toHaveLength(20);
    expect([...c50].sort((a, b) => b - a)).toEqual(c50);
    await waitForMapReady(page);
    const on50 = await screenshot(page, 'gap-on-50km');
    expect(differingPixelShare(before, on50)).toBeGreaterThan(0.01);
    expect(page.url()).toContain('gap=1');
    expect(page.url()).toContain('tab=gap');
    expect(page.url()).not.toMatch(/[&#]r=/);

    // R = 80 km: fewer people beyond, different ranking and map
    await page.getByTestId('gap-radius-80').check();
    await expect.poll(async () => (await summary(page)).both!.beyond, { timeout: 30_000 }).toBeLessThan(at50.both!.beyond);
    expect(page.url()).toContain('r=80');
    const all80 = await summary(page);
    await waitForMapReady(page);
    const on80 = await screenshot(page, 'gap-on-80km');
    expect(differingPixelShare(on50, on80)).toBeGreaterThan(0.0005);

    // Only Tesla's network and only Mexico, through the panel's filters
    await page.getByText('Chargers counted').click();
    const network = page.locator('[data-filter="chargerNetwork"]');
    const networks = await network.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    for (const name of networks) if (name !== 'Tesla') await network.getByRole('checkbox', { name, exact: true }).uncheck();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('f.chargerNetwork=Tesla');
    // Tesla's sites only: far fewer chargers, more people beyond 80 km
    await expect.poll(async () => (await summary(page)).both!.beyond, { timeout: 30_000 }).toBeGreaterThan(all80.both!.beyond);
    const tesla80 = await summary(page);
    await page.getByRole('checkbox', { name: 'United States', exact: true }).first().uncheck();
    await expect.poll(async () => Object.keys(await summary(page)).sort(), { timeout: 30_000 }).toEqual(['MX', 'both']);
    const teslaMx = await summary(page);
    expect(teslaMx.MX!.share).toBeGreaterThanOrEqual(tesla80.MX!.share);
    const cMx = await candidates(page);
    await waitForMapReady(page);
    const mx = await screenshot(page, 'gap-tesla-mx-80km');
    expect(differingPixelShare(on80, mx)).toBeGreaterThan(0.005);
    expect(page.url()).toContain('f.chargerNetwork=Tesla');
    expect(page.url()).toContain('country=MX');

    // The copied link in a fresh browser gives the same figures and ranking; then in Spanish
    const link = page.url();
    const fresh = await launchAtlasBrowser({ width: 1920, height: 1080 });
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      await waitForMapReady(other);
      expect(await summary(other)).toEqual(teslaMx);
      expect(await candidates(other)).toEqual(cMx);
      await other.getByRole('button', { name: 'Español' }).click();
      await expect.poll(() => other.getByTestId('gap-panel').textContent(), { timeout: 30_000 }).toContain('Sitios candidatos');
      expect(await summary(other)).toEqual(teslaMx);
      await waitForMapReady(other);
      await screenshot(other, 'gap-link-es');
      expect(fresh.foreignRequests).toEqual([]);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }

    // Screenshots for review at 1920x1080, both countries at the default R, in English and Spanish
    const review = await sharedBrowser().newPage();
    await review.setViewportSize({ width: 1920, height: 1080 });
    await review.goto(`${baseUrl}#v=1&layers=chargers&tab=gap&gap=1`);
    await waitForMapReady(review);
    await summary(review);
    await waitForMapReady(review);
    await screenshot(review, 'gap-review-en');
    await review.goto(`${baseUrl}#v=1&lang=es&layers=chargers&tab=gap&gap=1&choro=chargers&measure=shareBeyondR`);
    await review.reload();
    await waitForMapReady(review);
    await expect.poll(() => review.getByTestId('gap-panel').textContent(), { timeout: 30_000 }).toContain('Brecha de carga');
    await summary(review);
    await waitForMapReady(review);
    await screenshot(review, 'gap-review-es');
  });
});
