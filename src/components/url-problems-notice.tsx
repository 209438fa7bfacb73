import { useTranslation } from 'react-i18next';
import { useAtlasStore } from '../state/store.ts';

/** Says, without blocking anything, which parts of an opened link were reset to defaults. */
export function UrlProblemsNotice() {
  const { t } = useTranslation();
  const problems = useAtlasStore((s) => s.urlProblems);
  const dismiss = useAtlasStore((s) => s.dismissUrlProblems);
  if (problems.length === 0) return null;
  const params = problems.map((p) => p.param).join(', ');
  return (
    <div className="notice" role="status" data-testid="url-problems">
      <span>{t('url.problems', { count: problems.length, params })}</span>
      <button type="button" onClick={dismiss}>
        {t('url.dismiss')}
      </button>
    </div>
  );
}
