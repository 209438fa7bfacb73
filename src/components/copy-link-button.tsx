/** Copies the page's URL (the fragment holds the whole atlas state), with a select-to-copy fallback. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransientMessage } from './use-transient-message.ts';

export function CopyLinkButton() {
  const { t } = useTranslation();
  const [message, setMessage] = useTransientMessage();
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);
  const fallbackRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (fallbackUrl !== null) {
      fallbackRef.current?.focus();
      fallbackRef.current?.select();
    }
  }, [fallbackUrl]);

  const copy = async () => {
    const url = window.location.href;
    setMessage('');
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setFallbackUrl(null);
      setMessage(t('share.copied'));
    } catch {
      setFallbackUrl(url);
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        {t('share.copy')}
      </button>
      <span className="toolbar-status" role="status" aria-live="polite">
        {message}
      </span>
      {fallbackUrl !== null && (
        <div className="copy-fallback">
          <label htmlFor="copy-link-fallback">{t('share.fallback')}</label>
          <input
            id="copy-link-fallback"
            ref={fallbackRef}
            type="text"
            readOnly
            value={fallbackUrl}
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setFallbackUrl(null);
            }}
          />
        </div>
      )}
    </div>
  );
}
