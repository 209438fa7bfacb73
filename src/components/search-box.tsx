/** ARIA combobox over state, city and facility names; choosing a result flies there (and selects facilities). */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlasStore } from '../state/store.ts';
import { useSearchIndex } from '../search/use-search-index.ts';
import type { SearchEntry } from '../search/search-index.ts';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function SearchBox() {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const flyTo = useAtlasStore((s) => s.flyTo);
  const select = useAtlasStore((s) => s.select);
  const [activated, setActivated] = useState(false);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const { index, loading } = useSearchIndex(activated);
  const results = useMemo(() => (index ? index.search(query) : []), [index, query]);

  // "/" focuses the search box from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const labelOf = (entry: SearchEntry) => entry.label[language];
  const choose = (entry: SearchEntry) => {
    flyTo({ center: [entry.lon, entry.lat], zoom: entry.zoom });
    if (entry.selectId) select(entry.selectId);
    setQuery(labelOf(entry));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (results.length === 0 ? -1 : i <= 0 ? results.length - 1 : i - 1));
        break;
      case 'Enter': {
        const entry = results[active >= 0 ? active : 0];
        if (open && entry) {
          event.preventDefault();
          choose(entry);
        }
        break;
      }
      case 'Escape':
        event.stopPropagation();
        if (open) setOpen(false);
        else setQuery('');
        setActive(-1);
        break;
    }
  };

  const expanded = open && query.trim().length > 0;
  const status = loading && results.length === 0 ? t('search.loading') : results.length === 0 ? t('search.noResults') : t('search.results', { count: results.length });
  const kindText = (entry: SearchEntry) => {
    const kind = t(`search.kind.${entry.kind}`);
    const country = t(`countries.${entry.country}`, { defaultValue: entry.country });
    const layer = entry.layer && entry.kind === 'facility' ? ` · ${t(`layers.${entry.layer}`)}` : '';
    return `${kind}${layer} · ${country}`;
  };

  return (
    <div className="search-box">
      <label htmlFor={`${id}-input`} className="toolbar-label">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onFocus={() => setActivated(true)}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('search.label')} className="search-results" hidden={!expanded}>
        {expanded && results.length === 0 && (
          <li className="search-empty" role="presentation">
            {status}
          </li>
        )}
        {expanded &&
          results.map((entry, i) => (
            <li
              key={entry.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // keep focus in the input; choose on mouse down before blur closes the list
              onMouseDown={(event) => {
                event.preventDefault();
                choose(entry);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search-name">{labelOf(entry)}</span>
              <span className="search-kind">{kindText(entry)}</span>
            </li>
          ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {expanded ? status : ''}
      </span>
    </div>
  );
}
