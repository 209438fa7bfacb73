import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../state/atlas-state.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { CATALOGS } from './catalogs.ts';

/** The shell strings plus every area's catalog, merged into one translation per language. */
export const resources = {
  en: { translation: Object.assign({}, en, ...CATALOGS.map((catalog) => catalog.en)) as Record<string, unknown> },
  es: { translation: Object.assign({}, es, ...CATALOGS.map((catalog) => catalog.es)) as Record<string, unknown> },
};

/** Creates an initialised i18next instance (one for the app, a fresh one per component test). */
export function createI18n(language: Language) {
  const instance = i18next.createInstance();
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
