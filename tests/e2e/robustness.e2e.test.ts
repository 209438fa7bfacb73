import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { launchAtlasBrowser, screenshot, type AtlasBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const distDir = resolve(import.meta.dirname, '../../dist');
let browser: AtlasBrowser;

beforeAll(async () => {
  browser = await launchAtlasBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HANDWRITTEN_HOSTILE = [
  '#v=1&sel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '#v=1&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '#javascript:alert(1)',
  '#v=1&view=NaN,NaN,NaN',
  '#v=1&view=1e309,-1e309,99',
  '#v=1&layers=__proto__&country=constructor',
  '#__proto__[polluted]=1&constructor.prototype.polluted=1',
  `#v=1&f.chargerNetwork=${'A'.repeat(5000)}`,
  `#${'&'.repeat(3000)}`,
  '#v=1&f.state=US-TX%00MX-NLE',
  '#v=1&sel=%E2%80%AE%D7%A9%D7%9C%D7%95%D7%9D',
  '#%',
  '#v=1&view=%',
  '#v=2&lang=es',
  '#v=-1',
  '#v=1&f.mineralCommodity=lithium&f.mineralCommodity=%3Cb%3E',
  '#v=1&sel=chargers:../../etc/passwd',
  '#v=1&view=-100,31,3.3&view=1000,1000,1000',
  '#?v=1&lang=es',
  '#v=1&country=none&layers=none&f.state=none',
];

/** 30 more from a fixed seed: random keys, values and encodings. */
function generatedHostile(): string[] {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('<svg/onload=alert(1)>', '"><script>', '%0A%0D', '\u202e'),
  );
  const key = fc.oneof(fc.constantFrom('v', 'lang', 'view', 'layers', 'country', 'sel', 'f.chargerLevel', 'f.state', 'f.flowMaterial'), fc.string({ maxLength: 8 }));
  const fragment = fc
    .array(fc.tuple(key, value), { minLength: 1, maxLength: 6 })
    .map((pairs) => '#' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  return fc.sample(fragment, { numRuns: 30, seed: 20261122 });
}

describe('hostile links in Chromium', () => {
  it('50 hostile links: no uncaught error, no request off 127.0.0.1, the map keeps rendering', async () => {
    const links = [...HANDWRITTEN_HOSTILE, ...generatedHostile()];
    expect(links).toHaveLength(50);
    const page = await browser.newPage();
    for (const [index, fragment] of links.entries()) {
      // every tenth link is a cold page load, the others arrive as a changed fragment of a loaded page
      if (index % 10 === 0) {
        await page.goto('about:blank');
        await page.goto(`${baseUrl}${fragment}`);
        await page.waitForSelector('[data-testid="map"][data-map-idle="true"]', { timeout: 60_000 });
      } else {
        await page.evaluate((hash) => {
          location.hash = hash;
        }, fragment);
        await page.waitForFunction(() => document.querySelector('[data-testid="map"]') !== null);
      }
      expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
      expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
      expect(await page.locator('script:not([src])').count(), `inline script injected by ${fragment}`).toBe(0);
      expect(browser.pageErrors, `after ${fragment}`).toEqual([]);
    }
    await page.waitForSelector('[data-testid="map"][data-map-idle="true"]', { timeout: 60_000 });
    const png = await screenshot(page, 'robustness-after-hostile-links');
    let nonWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 240 || png.data[i + 2]! < 240) nonWhite++;
    expect(nonWhite / (png.width * png.height)).toBeGreaterThan(0.3);
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('content security policy of the built site', () => {
  it('has no inline scripts and allows no third-party origin', () => {
    const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(?: 'wasm-unsafe-eval')?;/);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:\/\//);
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1]!.trim() !== '');
    expect(inlineScripts).toEqual([]);
  });

  it('the app runs under that policy with no violation reported', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(baseUrl);
    await page.waitForSelector('[data-testid="map"][data-map-idle="true"][data-deck-ready="true"]', { timeout: 60_000 });
    expect(violations).toEqual([]);
    await page.close();
  });
});
