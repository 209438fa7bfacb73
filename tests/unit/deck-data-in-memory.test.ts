import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { deckDataInMemoryPlugin, LOADERS_STUB, URL_LOADING_LEFT_OUT_MESSAGE } from '../../data/vite/deck-data-in-memory.ts';

type Hook = (...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'resolveId' | 'load') => plugin[name] as unknown as Hook;

/** Every `import { a, b } from '<pkg>'` of deck.gl's published modules, as [file, imported names]. */
function deckImportsOf(pkg: string): [string, string[]][] {
  const files = [
    ['@deck.gl/core', 'lib/init.js'],
    ['@deck.gl/core', 'lib/layer.js'],
    ['@deck.gl/core', 'lib/resource/resource.js'],
    ['@deck.gl/core', 'scripting/loadersgl.js'],
    ['@deck.gl/layers', 'icon-layer/icon-manager.js'],
  ];
  return files.flatMap(([deckPackage, file]) => {
    const code = readFileSync(join('node_modules', deckPackage!, 'dist', file!), 'utf8');
    const body = parseAst(code).body as { type: string; source?: { value: string }; specifiers?: { imported?: { name: string }; local: { name: string } }[] }[];
    const names = body
      .filter((node) => (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') && node.source?.value === pkg)
      .flatMap((node) => node.specifiers!.map((s) => s.imported?.name ?? s.local.name));
    return names.length > 0 ? [[`${deckPackage}/${file}`, names] as [string, string[]]] : [];
  });
}

describe("deck.gl's URL loading left out of the build (issue 13)", () => {
  it("gives deck.gl's imports of loaders.gl the stub, and only deck.gl's, and only in a build", () => {
    const plugin = deckDataInMemoryPlugin();
    expect(plugin.apply).toBe('build');
    const deckImporter = join(process.cwd(), 'node_modules/@deck.gl/core/dist/lib/init.js');
    const stubId = hook(plugin, 'resolveId')('@loaders.gl/core', deckImporter) as string;
    expect(stubId).toBeTruthy();
    expect(hook(plugin, 'resolveId')('@loaders.gl/images', deckImporter)).toBe(stubId);
    expect(hook(plugin, 'load')(stubId)).toBe(LOADERS_STUB);
    expect(hook(plugin, 'resolveId')('@loaders.gl/core', join(process.cwd(), 'src/map/layers/chargers.ts'))).toBeNull();
    expect(hook(plugin, 'resolveId')('@deck.gl/core', deckImporter)).toBeNull();
  });

  it('provides every name deck.gl imports from the two packages; loading fails loudly, registering does nothing', async () => {
    const stub = (await import(`data:text/javascript,${encodeURIComponent(LOADERS_STUB)}`)) as Record<string, unknown>;
    const imported = [...deckImportsOf('@loaders.gl/core'), ...deckImportsOf('@loaders.gl/images')];
    expect(imported.length).toBeGreaterThanOrEqual(5);
    for (const [file, names] of imported) for (const name of names) expect(stub, `${file} imports ${name}`).toHaveProperty(name);
    for (const name of ['load', 'parse', 'fetchFile']) expect(() => (stub[name] as (url: string) => unknown)('data/x.json')).toThrow(URL_LOADING_LEFT_OUT_MESSAGE);
    expect((stub.registerLoaders as (loaders: unknown[]) => unknown)([{}])).toBeUndefined();
  });
});
