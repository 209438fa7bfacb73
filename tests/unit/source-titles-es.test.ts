import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../data/pipeline/sources/default-sources.ts';
import { SOURCE_TITLES_ES } from '../../src/data/source-titles-es.ts';
import { sourceTitle } from '../../src/components/source-text.ts';
import { loadLanguage } from '../../src/i18n/i18n.ts';

describe('Spanish source titles', () => {
  const entries = defaultRegistry().all();
  beforeAll(() => loadLanguage('es'));

  it('every registered source has a Spanish title, and no title is left for a source that is gone', () => {
    const ids = entries.map((entry) => entry.id);
    expect(ids.filter((id) => !SOURCE_TITLES_ES[id])).toEqual([]);
    expect(Object.keys(SOURCE_TITLES_ES).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('the interface shows the Spanish title in Spanish and the data title in English', () => {
    for (const entry of entries) {
      const source = { id: entry.id, title: entry.meta.title };
      expect(sourceTitle(source, 'en')).toBe(entry.meta.title);
      expect(sourceTitle(source, 'es')).toBe(SOURCE_TITLES_ES[entry.id]);
    }
    expect(sourceTitle({ id: 'not-registered', title: 'Some title' }, 'es')).toBe('Some title');
  });
});
