/**
 * Issue 12 in Chromium: damaged, missing, slow and other-build data files are named in the legend
 * while the other layers work; the atlas reloads offline from its service worker; links record
 * their data build. Faults come from a small fault-injecting static server (fault-server.ts) on
 * 127.0.0.1; every request to any other host is still refused and fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAtlasBrowser, screenshot, waitForMapReady, type AtlasBrowser } from './browser.ts';
import { startFaultServer, type FaultServer } from './fault-server.ts';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server?.close();
});

/** A fresh browser profile (no service worker, no cache) per scenario. */
async function withScenario(scenario: string, fragment: string, run: (page: Page, browser: AtlasBrowser) => Promise<void>, allowedConsole?: RegExp): Promise<void> {
  const browser = await launchAtlasBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url(scenario)}${fragment}`);
    await run(page, browser);
    expect(browser.foreignRequests, 'requests that tried to leave 127.0.0.1').toEqual([]);
    expect(
      browser.pageErrors.filter((error) => !(allowedConsole && allowedConsole.test(error))),
      'uncaught errors in the page',
    ).toEqual([]);
  } finally {
    await browser.close();
  }
}

async function countOf(page: Page, layer: string, timeout = 60_000): Promise<number> {
  const element = page.locator(`[data-testid="count-${layer}"][data-count]`);
  await element.waitFor({ timeout });
  return Number(await element.getAttribute('data-count'));
}

async function problemOf(page: Page, layer: string): Promise<{ problem: string | null; text: string }> {
  const element = page.getByTestId(`layer-problem-${layer}`);
  await element.waitFor({ timeout: 60_000 });
  return { problem: await element.getAttribute('data-problem'), text: (await element.textContent()) ?? '' };
}

describe('a damaged, missing, slow or other-build data file is named in its layer; the rest works', () => {
  it('a 404 for the minerals columns: "not found" with Retry; the other layers count and draw', async () => {
    await withScenario(
      'missing-minerals',
      '',
      async (page) => {
        const { problem, text } = await problemOf(page, 'minerals');
        expect(problem).toBe('not-found');
        expect(text).toContain('Not found');
        expect(text).toContain('minerals.columns.bin');
        expect(await page.getByTestId('count-minerals').getAttribute('data-unavailable')).toBe('true');
        expect(await countOf(page, 'chargers')).toBeGreaterThan(50_000);
        expect(await countOf(page, 'battery-plants')).toBeGreaterThan(100);
        await waitForMapReady(page);
        // Retry asks again and says the same thing (the file is still missing), without hanging
        await page.getByTestId('layer-problem-minerals').getByRole('button', { name: 'Retry' }).click();
        await expect.poll(() => page.getByTestId('layer-problem-minerals').getByRole('button', { name: 'Retry' }).isEnabled(), { timeout: 30_000 }).toBe(true);
        expect((await problemOf(page, 'minerals')).problem).toBe('not-found');
        await screenshot(page, 'offline-fault-404-minerals');
      },
      /Failed to load resource.*404/,
    );
  });

  it('a truncated chargers file: "damaged or incomplete" (not "loading…" forever), in English and Spanish', async () => {
    await withScenario('truncated-chargers', '', async (page) => {
      const { problem, text } = await problemOf(page, 'chargers');
      expect(problem).toBe('damaged');
      expect(text).toContain('Damaged or incomplete');
      expect(text).toContain('The other layers are not affected');
      expect(await countOf(page, 'minerals')).toBeGreaterThan(10_000);
      expect(await countOf(page, 'flows')).toBeGreaterThan(10);
      await waitForMapReady(page);
      await screenshot(page, 'offline-fault-truncated-chargers-en');
      await page.getByRole('button', { name: 'Español' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      const spanish = await problemOf(page, 'chargers');
      expect(spanish.text).toContain('Dañado o incompleto');
      expect(spanish.text).toContain('Reintentar');
      await screenshot(page, 'offline-fault-truncated-chargers-es');
    });
  });

  it('random bytes of the right length (only the checksum can tell): "damaged or incomplete"', async () => {
    await withScenario('random-battery', '', async (page) => {
      const { problem, text } = await problemOf(page, 'battery-plants');
      expect(problem).toBe('damaged');
      expect(text).toContain('battery-plants.columns.bin');
      expect(await countOf(page, 'chargers')).toBeGreaterThan(50_000);
      expect(await countOf(page, 'assembly-plants')).toBeGreaterThan(100);
    });
  });

  it('a file trickling in over 10 s: the legend shows the bytes received, then the count', async () => {
    await withScenario('slow-chargers', '', async (page) => {
      const count = page.getByTestId('count-chargers');
      await expect.poll(async () => (await count.textContent()) ?? '', { timeout: 30_000, interval: 100 }).toMatch(/loading… [\d.,]+ (KB|MB) of 1\.\d MB/);
      const during = (await count.textContent()) ?? '';
      // the other layers are there while the chargers still load
      expect(await countOf(page, 'minerals', 5_000)).toBeGreaterThan(10_000);
      await screenshot(page, 'offline-slow-chargers-progress');
      expect(await countOf(page, 'chargers', 60_000)).toBeGreaterThan(50_000);
      expect(during).not.toBe('loading…');
      await waitForMapReady(page);
    });
  });

  it('a manifest from another data build: the chargers file is "from another data version"; the rest works', async () => {
    await withScenario('other-build-manifest', '', async (page) => {
      const { problem, text } = await problemOf(page, 'chargers');
      expect(problem).toBe('version');
      expect(text).toContain('From another data version');
      expect(await countOf(page, 'minerals')).toBeGreaterThan(10_000);
      await screenshot(page, 'offline-fault-other-build');
    });
  });

  it('a manifest of another format version: said once at the top and in each layer; the basemap still draws', async () => {
    await withScenario('format-manifest', '', async (page) => {
      const status = page.getByTestId('data-error');
      await status.waitFor({ timeout: 60_000 });
      expect(await status.getAttribute('data-problem')).toBe('version');
      expect(await status.textContent()).toContain('another version of the atlas');
      expect((await problemOf(page, 'chargers')).problem).toBe('version');
      expect(await page.getByTestId('count-flows').getAttribute('data-unavailable')).toBe('true');
      await page.waitForSelector('[data-testid="map"][data-map-idle="true"]', { timeout: 60_000 });
    });
  });
});

describe('offline after the first visit', () => {
  it('reloads with the network off from the service worker: map, counts and filters; details stored on request', async () => {
    await withScenario('ok', '', async (page, browser) => {
      await waitForMapReady(page);
      const online = await countOf(page, 'chargers');
      // the service worker installs (precaches the shell, basemap, fonts, render-critical data) and takes the page
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 90_000 });
      await page.getByTestId('offline-ready').waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))).toBe('./manifest.webmanifest');

      await page.getByTestId('make-offline').click();
      const progress = page.getByTestId('offline-progress');
      await expect.poll(() => progress.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
      const stored = Number(await progress.getAttribute('data-loaded'));
      expect(stored).toBeGreaterThan(10_000_000);
      expect(stored).toBe(Number(await progress.getAttribute('data-total')));

      await browser.context.setOffline(true);
      await page.reload();
      await waitForMapReady(page, 90_000);
      expect(await countOf(page, 'chargers')).toBe(online);
      expect(await countOf(page, 'flows')).toBeGreaterThan(10);
      await screenshot(page, 'offline-reload-en');
      // filters work offline
      await page.getByRole('checkbox', { name: 'United States', exact: true }).uncheck();
      await expect.poll(() => countOf(page, 'chargers')).toBeLessThan(1_000);
      // details come from the stored chunks: the table tab lists chargers without the network
      await page.getByTestId('tab-table').click();
      await page
        .getByText(/rows loaded|filas cargadas/)
        .first()
        .waitFor({ timeout: 60_000 });
      await page.getByTestId('tab-layers').click();
      await page.getByRole('button', { name: 'Español' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      await waitForMapReady(page, 90_000);
      await screenshot(page, 'offline-reload-es');
      await browser.context.setOffline(false);
    });
  });
});

describe('links record their data build', () => {
  it('a link made on another data build opens the map with a notice giving both dates (English, Spanish)', async () => {
    await withScenario('ok', '#v=1&data=20250101T090000Z', async (page) => {
      const notice = page.getByTestId('data-version-notice');
      await notice.waitFor({ timeout: 60_000 });
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('January 1, 2025');
      expect(text).toContain('Counts may differ');
      expect(await countOf(page, 'chargers')).toBeGreaterThan(50_000);
      // the link now records the build the map shows
      const hash = await page.evaluate(() => location.hash);
      expect(hash).toMatch(/[#&]v=1(&|$)/);
      expect(hash).toMatch(/&data=\d{8}T\d{6}Z/);
      expect(hash).not.toContain('data=20250101T090000Z');
      await waitForMapReady(page);
      await screenshot(page, 'offline-data-version-notice-en');
    });
    await withScenario('ok', '#v=1&lang=es&data=20250101T090000Z', async (page) => {
      const notice = page.getByTestId('data-version-notice');
      await notice.waitFor({ timeout: 60_000 });
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('1 de enero de 2025');
      expect(text).toContain('Los conteos pueden diferir');
      await waitForMapReady(page);
      await screenshot(page, 'offline-data-version-notice-es');
    });
  });
});
