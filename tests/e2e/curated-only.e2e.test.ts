import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { launchAtlasBrowser, screenshot, waitForMapReady, type AtlasBrowser } from './browser.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
let siteDir: string;
let server: PreviewServer;
let baseUrl: string;
let browser: AtlasBrowser;

/** The built app with data built as on a machine with neither the snapshot folder nor a network. */
beforeAll(async () => {
  siteDir = mkdtempSync(join(tmpdir(), 'atlas-curated-only-'));
  cpSync(resolve(repoRoot, 'dist'), siteDir, { recursive: true });
  rmSync(join(siteDir, 'data'), { recursive: true, force: true });
  execFileSync('npx', ['tsx', 'data/pipeline/cli.ts', 'build'], {
    cwd: repoRoot,
    env: { ...process.env, ATLAS_SNAPSHOT_DIR: join(siteDir, 'no-such-folder'), ATLAS_OUT_DIR: join(siteDir, 'data') },
    stdio: 'pipe',
  });
  server = await preview({ root: repoRoot, build: { outDir: siteDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchAtlasBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(siteDir, { recursive: true, force: true });
});

describe('without the snapshot folder and without a network', () => {
  it('runs with the basemap and curated layers, and says which sources are missing', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const warnings = page.getByTestId('data-warnings');
    await expect.poll(() => warnings.innerText()).toContain('AFDC');
    expect(await page.getByTestId('count-assembly-plants').getAttribute('data-count')).toBe('93');
    expect(Number(await page.getByTestId('count-chargers').getAttribute('data-count'))).toBe(0);
    await screenshot(page, 'curated-only');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => warnings.innerText()).toMatch(/Fuente faltante|faltan/i);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  });
});
