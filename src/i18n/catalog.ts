/**
 * A catalog is one area's strings in both languages. Spanish must have the same keys as English
 * (enforced by the type here and by tests/unit/i18n.test.ts at run time).
 */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export interface Catalog<T> {
  en: T;
  es: DeepStrings<T>;
}

export function defineCatalog<const T>(en: T, es: DeepStrings<T>): Catalog<T> {
  return { en, es };
}
