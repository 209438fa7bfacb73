import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../state/atlas-state.ts';
import type { Catalog } from './catalog.ts';
import { EN_STRINGS } from './strings-en.ts';
import { layerStrings } from './catalog-layers.ts';
import { chainCatalog } from './catalog-chain.ts';

/**
 * Every string loaded so far, one translation per language. English (also the fallback) is in the first view's
 * bundle; Spanish is a chunk of its own, loaded by `loadLanguage('es')` before the interface is first shown in
 * Spanish (issue 13: the first view downloads one language). Panels loaded later add their catalogs in both
 * languages with `registerCatalog`.
 */
export const resources = {
  en: { translation: { ...EN_STRINGS } as Record<string, unknown> },
  es: { translation: {} as Record<string, unknown> },
};

const instances = new Set<I18n>();
const registered = new Set<Catalog<Record<string, unknown>>>();
const loaded = new Set<Language>(['en']);
let spanish: Promise<void> | null = null;
let spanishSourceTitles: Readonly<Record<string, string>> = {};

function addStrings(language: Language, strings: Record<string, unknown>): void {
  Object.assign(resources[language].translation, strings);
  for (const instance of instances) instance.addResourceBundle(language, 'translation', strings, true, true);
}

/** Whether the interface's strings in this language are loaded (English always is). */
export function isLanguageLoaded(language: Language): boolean {
  return loaded.has(language);
}

/**
 * Loads the interface's strings in a language (once; the promise of a load in progress is shared). Rejects if the
 * chunk cannot be fetched (offline before the service worker has cached it); a later call tries again.
 */
export function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return Promise.resolve();
  spanish ??= import('./strings-es.ts').then(
    ({ ES_STRINGS, SOURCE_TITLES_ES }) => {
      addStrings('es', { ...ES_STRINGS, ...layerStrings('es'), ...chainCatalog.es });
      spanishSourceTitles = SOURCE_TITLES_ES;
      loaded.add('es');
    },
    (error: unknown) => {
      spanish = null;
      throw error;
    },
  );
  return spanish;
}

/** A source's Spanish title (src/data/source-titles-es.ts), once the Spanish strings are loaded. */
export function spanishSourceTitle(sourceId: string): string | undefined {
  return spanishSourceTitles[sourceId];
}

/**
 * Adds the catalog of an area whose code is loaded after the first view (issue 13: a panel's strings travel
 * with the panel's chunk). Called at the top level of that area's module, so its strings exist, in both
 * languages, before any of its components renders; every i18next instance gets them (and the later ones too).
 */
export function registerCatalog<T>(catalog: Catalog<T>): void {
  const strings = catalog as unknown as Catalog<Record<string, unknown>>;
  if (registered.has(strings)) return;
  registered.add(strings);
  addStrings('en', strings.en);
  addStrings('es', strings.es);
}

/**
 * Creates an initialised i18next instance (one for the app, a fresh one per component test). Its language's
 * strings must be loaded first (`loadLanguage`); until then i18next falls back to English.
 */
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
