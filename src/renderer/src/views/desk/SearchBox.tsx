import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';

/** Narrows the table by name or location as the operator types. */
export function SearchBox() {
  const { t } = useTranslation();
  const search = useUiStore((state) => state.search);
  const setSearch = useUiStore((state) => state.setSearch);
  const id = useId();
  return (
    <div className="desk-search">
      <label htmlFor={id} className="visually-hidden">
        {t('desk.search.label')}
      </label>
      <input
        id={id}
        type="search"
        className="desk-input"
        value={search}
        placeholder={t('desk.search.placeholder')}
        onChange={(event) => setSearch(event.target.value)}
        data-testid="fleet-search"
      />
    </div>
  );
}
