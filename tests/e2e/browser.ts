import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export interface AtlasBrowser {
  context: BrowserContext;
  /** every request that tried to leave 127.0.0.1 (all are aborted) */
  foreignRequests: string[];
  /** uncaught page errors and console errors */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh browser profile (cold cache) that refuses and records every request not to 127.0.0.1. */
export async function launchAtlasBrowser(viewport = { width: 1280, height: 800 }): Promise<AtlasBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'en-US',
  });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:';
    if (local) return route.continue();
    foreignRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    foreignRequests,
    pageErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until maplibre is idle and every deck.gl layer has loaded and drawn. */
export async function waitForMapReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-map-idle="true"][data-deck-ready="true"]', { timeout });
  // one more animation frame so the last deck frame is composited
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

export async function screenshot(page: Page, name: string): Promise<PNG> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const buffer = await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  return PNG.sync.read(buffer);
}

export type Rgb = [number, number, number];

/** Number of pixels within `tolerance` (per channel) of `color`, optionally inside a clip box. */
export function countPixelsNear(png: PNG, color: Rgb, tolerance = 24, box?: { x: number; y: number; width: number; height: number }): number {
  const x0 = box?.x ?? 0;
  const y0 = box?.y ?? 0;
  const x1 = Math.min(png.width, x0 + (box?.width ?? png.width));
  const y1 = Math.min(png.height, y0 + (box?.height ?? png.height));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i]! - color[0]) <= tolerance && Math.abs(png.data[i + 1]! - color[1]) <= tolerance && Math.abs(png.data[i + 2]! - color[2]) <= tolerance) {
        count++;
      }
    }
  }
  return count;
}

/** Share of pixels that differ between two screenshots of the same size, optionally inside a clip box. */
export function differingPixelShare(a: PNG, b: PNG, box?: { x: number; y: number; width: number; height: number }): number {
  const x0 = Math.max(0, box?.x ?? 0);
  const y0 = Math.max(0, box?.y ?? 0);
  const x1 = Math.min(a.width, (box?.x ?? 0) + (box?.width ?? a.width));
  const y1 = Math.min(a.height, (box?.y ?? 0) + (box?.height ?? a.height));
  let differing = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 30) differing++;
    }
  }
  return differing / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** The map's camera as maplibre reports it. */
export async function mapCamera(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as unknown as { __atlasMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__atlasMap;
    const center = map.getCenter();
    return { lng: center.lng, lat: center.lat, zoom: map.getZoom() };
  });
}

/**
 * One browser for the tests of a file, closed after them; every test fails if a request tried to
 * leave 127.0.0.1 or the page threw. Returns a getter (the browser exists once beforeAll has run).
 */
export function useSharedBrowser(): () => AtlasBrowser {
  let browser: AtlasBrowser | undefined;
  beforeAll(async () => {
    browser = await launchAtlasBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(browser!.foreignRequests, 'requests that tried to leave 127.0.0.1').toEqual([]);
    expect(browser!.pageErrors, 'uncaught errors in the page').toEqual([]);
  });
  return () => browser!;
}
