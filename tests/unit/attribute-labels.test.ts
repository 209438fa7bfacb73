import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { POINT_DATASET_IDS, type DetailRecord } from '../../src/data/atlas-format.ts';
import { createI18n, loadLanguage } from '../../src/i18n/i18n.ts';
import { attributeDomain } from '../../src/data/datasets.ts';

const builtData = resolve(import.meta.dirname, '../../public/data');
// the point datasets' details (auxiliary datasets such as population.details.json hold no attributes)
const detailFiles = existsSync(builtData)
  ? readdirSync(builtData).filter((name) => /\.details(-\d+)?\.json$/.test(name) && POINT_DATASET_IDS.some((dataset) => name.startsWith(`${dataset}.`)))
  : [];

describe('attribute names in the details panel', () => {
  beforeAll(() => loadLanguage('es'));

  it.skipIf(detailFiles.length === 0)('every attribute and override field of the built data has a label in English and Spanish', () => {
    const keys = new Set<string>();
    for (const file of detailFiles) {
      for (const record of JSON.parse(readFileSync(join(builtData, file), 'utf8')) as DetailRecord[]) {
        Object.keys(record.attributes).forEach((key) => keys.add(key));
        record.overrides?.forEach((override) => keys.add(override.field));
      }
    }
    expect(keys.size).toBeGreaterThan(20);
    for (const language of ['en', 'es'] as const) {
      const i18n = createI18n(language);
      const unlabelled = [...keys].filter((key) => !i18n.exists(`details.attr.${key}`));
      expect(unlabelled, `${language}: attributes without a label`).toEqual([]);
    }
  });

  it.skipIf(detailFiles.length === 0)('every value of an attribute with a value domain in the built data has a label in English and Spanish', () => {
    const keys = new Set<string>();
    for (const file of detailFiles) {
      const dataset = file.slice(0, file.indexOf('.'));
      for (const record of JSON.parse(readFileSync(join(builtData, file), 'utf8')) as DetailRecord[]) {
        for (const [attribute, value] of Object.entries(record.attributes)) {
          // free text of commodity names: those equal to a commodity id take its label, the rest are shown as written
          if (attribute === 'otherCommodities') continue;
          const domain = attributeDomain(dataset, attribute);
          for (const item of Array.isArray(value) ? value : [value]) if (domain && typeof item === 'string') keys.add(`categories.${domain}.${item}`);
        }
      }
    }
    expect([...keys].filter((key) => key.startsWith('categories.siteType.')).length).toBeGreaterThan(5);
    for (const language of ['en', 'es'] as const) {
      const i18n = createI18n(language);
      expect(
        [...keys].filter((key) => !i18n.exists(key)),
        `${language}: values without a label`,
      ).toEqual([]);
    }
    expect(createI18n('es').t('categories.investmentRange.Less than 10M')).toBe('Menos de 10 millones de USD');
  });
});
