import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../state/atlas-state.ts';
import { useAtlasStore } from '../state/store.ts';
import { loadLanguage } from '../i18n/i18n.ts';

/** A language's strings start loading when the pointer or focus reaches its button, before the click. */
function preload(language: Language): void {
  loadLanguage(language).catch(() => undefined);
}

/** One click switches the whole interface; both options stay visible so either audience finds theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const setLanguage = useAtlasStore((s) => s.setLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.switchLabel')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          className={language === code ? 'active' : undefined}
          onClick={() => setLanguage(code)}
          onPointerEnter={() => preload(code)}
          onFocus={() => preload(code)}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </div>
  );
}
