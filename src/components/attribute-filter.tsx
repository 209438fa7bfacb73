import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useManifest } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import { categoryLabel } from './format.ts';
import { toggleFilterValue, type FilterGroupSpec } from './filter-options.ts';

/** One attribute filter as a group of checkboxes: all checked = no restriction. */
export function AttributeFilter({ spec }: { spec: FilterGroupSpec }) {
  const { t } = useTranslation();
  const manifest = useManifest().data;
  const current = useAtlasStore((s) => s.filters[spec.key]);
  const setFilter = useAtlasStore((s) => s.setFilter);
  const idPrefix = useId();
  const options = spec.values(manifest);
  const label = (value: string) => {
    if (spec.namespace) return categoryLabel(t, spec.namespace, value);
    if (value === 'unknown') return t('filters.noNetwork');
    if (value === 'other') return t('filters.otherNetworks');
    return value;
  };
  const noneLeft = current !== null && current.length === 0;
  return (
    <fieldset className="attribute-filter" data-filter={spec.key}>
      <legend>{t(`filters.group.${spec.key}`)}</legend>
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
                onChange={(event) => setFilter(spec.key, toggleFilterValue(current, options, value, event.currentTarget.checked))}
              />
              <label htmlFor={id}>{label(value)}</label>
            </li>
          );
        })}
      </ul>
      {noneLeft && <p className="filter-warning">{t('filters.noneLeft')}</p>}
    </fieldset>
  );
}
