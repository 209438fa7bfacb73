import { beforeAll, describe, expect, it } from 'vitest';
import { resources, createI18n, registerCatalog, isLanguageLoaded, loadLanguage } from '../../src/i18n/i18n.ts';
import { gapCatalog } from '../../src/i18n/catalog-gap.ts';
import { tableCatalog } from '../../src/i18n/catalog-table.ts';
import { statsCatalog } from '../../src/i18n/catalog-stats.ts';
import { imageExportCatalog } from '../../src/i18n/catalog-image-export.ts';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') throw new Error(`${prefix} is not a string`);
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('the Spanish strings load when first needed (issue 13)', () => {
  it('are not in the first view: an instance in Spanish falls back to English until they load, then has them', async () => {
    // this runs first: nothing in this file has loaded Spanish
    expect(isLanguageLoaded('en')).toBe(true);
    expect(isLanguageLoaded('es')).toBe(false);
    expect(Object.keys(resources.es.translation)).toEqual([]);
    const i18n = createI18n('es');
    expect(i18n.t('app.title')).toBe('US–Mexico Transport Electrification Atlas');
    const first = loadLanguage('es');
    expect(loadLanguage('es')).toBe(first);
    await first;
    expect(isLanguageLoaded('es')).toBe(true);
    expect(i18n.t('app.title')).toBe('Atlas de la electrificación del transporte México–Estados Unidos');
    expect(createI18n('es').t('filters.heading')).toBe('Filtros');
  });
});

describe('catalogs loaded after the first view (issue 13)', () => {
  it('are not in the first view, and are available in both languages to existing instances once their panel registers them', () => {
    // this runs first: nothing in this file has imported the gap panel or the table
    const i18n = createI18n('es');
    expect(i18n.exists('gap.heading')).toBe(false);
    expect(i18n.exists('table.heading')).toBe(false);
    expect(i18n.exists('stats.heading')).toBe(false);
    expect(i18n.exists('imageExport.button')).toBe(false);
    registerCatalog(gapCatalog);
    registerCatalog(tableCatalog);
    registerCatalog(statsCatalog);
    expect(i18n.t('stats.heading')).toBe(statsCatalog.es.stats.heading);
    expect(i18n.t('gap.heading')).toBe(gapCatalog.es.gap.heading);
    expect(i18n.t('table.heading')).toBe(tableCatalog.es.table.heading);
    void i18n.changeLanguage('en');
    expect(i18n.t('gap.heading')).toBe(gapCatalog.en.gap.heading);
    // instances created later have them from the start
    expect(createI18n('es').t('table.heading')).toBe(tableCatalog.es.table.heading);
  });
});

describe('translations', () => {
  // every catalog, including those registered by panels loaded later
  beforeAll(async () => {
    await loadLanguage('es');
    registerCatalog(gapCatalog);
    registerCatalog(tableCatalog);
    registerCatalog(statsCatalog);
    registerCatalog(imageExportCatalog);
  });

  it('Spanish and English have exactly the same keys', () => {
    expect(keyPaths(resources.es.translation).sort()).toEqual(keyPaths(resources.en.translation).sort());
  });

  it('no Spanish string is left empty or identical to a long English sentence', () => {
    const en = new Map(keyPaths(resources.en.translation).map((k) => [k, k]));
    const lookup = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
    for (const path of en.keys()) {
      const es = lookup(resources.es.translation, path) as string;
      const english = lookup(resources.en.translation, path) as string;
      expect(es.trim(), path).not.toBe('');
      if (english.split(' ').length > 3) expect(es, path).not.toBe(english);
    }
  });

  it('switches language and pluralises', () => {
    const i18n = createI18n('es');
    expect(i18n.t('app.title')).toContain('México');
    expect(i18n.t('url.problems', { count: 2, params: 'a, b' })).toMatch(/^2 ajustes/);
    void i18n.changeLanguage('en');
    expect(i18n.t('url.problems', { count: 1, params: 'lang' })).toMatch(/^One setting/);
  });
});
