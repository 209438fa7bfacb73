import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINT_DATASET_IDS, type DetailRecord } from '../../src/data/atlas-format.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { SOURCE_VALUE_ATTRIBUTES } from '../../src/components/format.ts';

const builtData = resolve(import.meta.dirname, '../../public/data');
// the point datasets' details (auxiliary datasets such as population.details.json hold no attributes)
const detailFiles = existsSync(builtData)
  ? readdirSync(builtData).filter((name) => /\.details(-\d+)?\.json$/.test(name) && POINT_DATASET_IDS.some((dataset) => name.startsWith(`${dataset}.`)))
  : [];

describe('attribute names in the details panel', () => {
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

  it.skipIf(detailFiles.length === 0)('every value of the source attributes shown through labels has one in English and Spanish', () => {
    const values = new Set<string>();
    for (const file of detailFiles) {
      for (const record of JSON.parse(readFileSync(join(builtData, file), 'utf8')) as DetailRecord[]) {
        for (const key of SOURCE_VALUE_ATTRIBUTES) {
          const value = record.attributes[key];
          if (typeof value === 'string') values.add(`details.sourceValues.${key}.${value}`);
        }
      }
    }
    expect(values.size).toBeGreaterThan(10);
    for (const language of ['en', 'es'] as const) {
      const i18n = createI18n(language);
      expect(
        [...values].filter((key) => !i18n.exists(key)),
        `${language}: values without a label`,
      ).toEqual([]);
    }
    expect(createI18n('es').t('details.sourceValues.investmentRange.Less than 10M')).toBe('Menos de 10 millones de USD');
  });
});
