import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../state/atlas-state.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import type { Catalog } from './catalog.ts';
import { CATALOGS } from './catalogs.ts';

/**
 * The shell strings plus every area's catalog registered so far, merged into one translation per language:
 * the catalogs of src/i18n/catalogs.ts (the first view), then those registered by the modules loaded later.
 */
export const resources = {
  en: { translation: Object.assign({}, en, ...CATALOGS.map((catalog) => catalog.en)) as Record<string, unknown> },
  es: { translation: Object.assign({}, es, ...CATALOGS.map((catalog) => catalog.es)) as Record<string, unknown> },
};

const instances = new Set<I18n>();
const registered = new Set<Catalog<Record<string, unknown>>>();

/**
 * Adds the catalog of an area whose code is loaded after the first view (issue 13: a panel's strings travel
 * with the panel's chunk). Called at the top level of that area's module, so its strings exist, in both
 * languages, before any of its components renders; every i18next instance gets them (and the later ones too).
 */
export function registerCatalog<T>(catalog: Catalog<T>): void {
  const strings = catalog as unknown as Catalog<Record<string, unknown>>;
  if (registered.has(strings)) return;
  registered.add(strings);
  Object.assign(resources.en.translation, strings.en);
  Object.assign(resources.es.translation, strings.es);
  for (const instance of instances) {
    instance.addResourceBundle('en', 'translation', strings.en, true, true);
    instance.addResourceBundle('es', 'translation', strings.es, true, true);
  }
}

/** Creates an initialised i18next instance (one for the app, a fresh one per component test). */
export function createI18n(language: Language) {
  const instance = i18next.createInstance();
  instances.add(instance);
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text itself; data strings are never rendered as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Number and date formatting per language (es-MX / en-US conventions). */
export function localeOf(language: Language): string {
  return language === 'es' ? 'es-MX' : 'en-US';
}
