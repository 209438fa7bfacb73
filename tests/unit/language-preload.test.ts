import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { languagePreloadPlugin, languagePreloadScript } from '../../data/vite/language-preload.ts';

type Hook = (...args: unknown[]) => unknown;

const ENTRY_HTML = `<head>
    <title>Atlas</title>
    <script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-BSCIY6Qw.js">
  </head>`;

function buildWith(bundle: Record<string, unknown>) {
  const plugin = languagePreloadPlugin();
  const emitted: { name: string; source: string }[] = [];
  const context = {
    emitFile: (file: { name: string; source: string }) => (emitted.push(file), 'ref'),
    getFileName: () => 'assets/language-preload-X1y2Z3w4.js',
  };
  (plugin.generateBundle as unknown as Hook).call(context, {}, bundle);
  const html = (plugin.transformIndexHtml as { handler: Hook }).handler(ENTRY_HTML) as string;
  return { plugin, emitted, html };
}

/** Runs the preloading script as the browser would, for a page opened at `hash`; returns the links it added. */
async function runScript(source: string, hash: string): Promise<{ rel: string; href: string; crossOrigin: string | null }[]> {
  const added: { rel: string; href: string; crossOrigin: string | null }[] = [];
  vi.stubGlobal('location', { hash });
  vi.stubGlobal('document', {
    createElement: () => ({ rel: '', href: '', crossOrigin: null }),
    head: { append: (link: (typeof added)[number]) => added.push(link) },
  });
  const assets = join(mkdtempSync(join(tmpdir(), 'lang-preload-')), 'assets');
  mkdirSync(assets);
  const file = join(assets, 'language-preload.mjs');
  writeFileSync(file, source);
  await import(/* @vite-ignore */ `${pathToFileURL(file).href}?${Math.random()}`);
  return added;
}

afterEach(() => vi.unstubAllGlobals());

describe('the Spanish strings fetched with the first view of a Spanish link (issue 13)', () => {
  it("emits a module script naming the Spanish chunk, placed just before the app's entry", () => {
    const { emitted, html } = buildWith({
      'assets/strings-es-CVkX3KpW.js': { type: 'chunk', fileName: 'assets/strings-es-CVkX3KpW.js', facadeModuleId: '/repo/src/i18n/strings-es.ts' },
      'assets/index-AbCd1234.js': { type: 'chunk', fileName: 'assets/index-AbCd1234.js', facadeModuleId: '/repo/index.html' },
    });
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.source).toBe(languagePreloadScript('strings-es-CVkX3KpW.js'));
    const preload = html.indexOf('<script type="module" crossorigin src="./assets/language-preload-X1y2Z3w4.js"></script>');
    expect(preload).toBeGreaterThan(html.indexOf('<title>'));
    expect(preload).toBeLessThan(html.indexOf('index-AbCd1234.js'));
  });

  it('adds nothing to a build without the Spanish chunk', () => {
    const { emitted, html } = buildWith({ 'assets/index-AbCd1234.js': { type: 'chunk', fileName: 'assets/index-AbCd1234.js', facadeModuleId: '/repo/index.html' } });
    expect(emitted).toEqual([]);
    expect(html).toBe(ENTRY_HTML);
  });

  it('preloads the chunk beside it for a link in Spanish only, by the rule the link decoder uses', async () => {
    const source = languagePreloadScript('strings-es-CVkX3KpW.js');
    const spanish = await runScript(source, '#v=1&lang=es&layers=chargers');
    expect(spanish).toHaveLength(1);
    expect(spanish[0]!.rel).toBe('modulepreload');
    expect(spanish[0]!.crossOrigin).toBe('');
    expect(spanish[0]!.href).toMatch(/\/assets\/strings-es-CVkX3KpW\.js$/);
    expect(await runScript(source, '#?lang=es')).toHaveLength(1);
    expect(await runScript(source, '#v=1&layers=chargers')).toEqual([]);
    expect(await runScript(source, '#v=1&lang=en')).toEqual([]);
    expect(await runScript(source, '')).toEqual([]);
    // the decoder reads a parameter's first occurrence
    expect(await runScript(source, '#lang=en&lang=es')).toEqual([]);
  });
});
