import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import { categoryLabel } from './format.ts';
import { filterValues, toggleFilterValue, type FilterOption } from '../filters/filter-options.ts';

/**
 * One attribute filter as a group of checkboxes: all checked = no restriction.
 * Memoised: it re-renders only when its own filter changes, not on every filter change of the panel
 * (React rewrites each re-rendered input's name and type attributes, which the browser then restyles).
 */
export const AttributeFilter = memo(function AttributeFilter({ option }: { option: FilterOption }) {
  const { t } = useTranslation();
  const manifest = useManifest().data;
  const current = useAtlasStore((s) => s.filters[option.param] ?? null);
  const setFilter = useAtlasStore((s) => s.setFilter);
  const idPrefix = useId();
  const options = filterValues(option, manifest);
  const label = (value: string) => {
    if (option.domain) return categoryLabel(t, option.domain, value);
    if (value === 'unknown') return t('filters.noNetwork');
    if (value === 'other') return t('filters.otherNetworks');
    return value;
  };
  const noneLeft = current !== null && current.length === 0;
  return (
    <fieldset className="attribute-filter" data-filter={option.param}>
      <legend>{t(`filterGroups.${option.param}`)}</legend>
      <ul className="checkbox-list">
        {options.map((value, i) => {
          const id = `${idPrefix}-${i}`;
          const checked = current === null || current.includes(value);
          return (
            <li key={value}>
              <input
                type="checkbox"
                id={id}
                checked={checked}
                onChange={(event) => setFilter(option.param, toggleFilterValue(current, options, value, event.currentTarget.checked))}
              />
              <label htmlFor={id}>{label(value)}</label>
            </li>
          );
        })}
      </ul>
      {noneLeft && <p className="filter-warning">{t('filters.noneLeft')}</p>}
    </fieldset>
  );
});
