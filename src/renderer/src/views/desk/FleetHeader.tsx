import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { COLUMNS } from './columns';

/** The select-all box: ticked when every shown row is selected, mixed when some are. */
function SelectAll({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const selection = useUiStore((state) => state.selection);
  const setSelection = useUiStore((state) => state.setSelection);
  const ref = useRef<HTMLInputElement>(null);
  let chosen = 0;
  for (const id of ids) if (selection.has(id)) chosen++;
  const all = ids.length > 0 && chosen === ids.length;
  const some = chosen > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      disabled={ids.length === 0}
      aria-label={t('desk.table.selectAll')}
      data-testid="select-all"
      onChange={() => {
        const next = new Set(selection);
        for (const id of ids) {
          if (all) next.delete(id);
          else next.add(id);
        }
        setSelection(next);
      }}
    />
  );
}

/** Column headers: each one a button that sorts, with `aria-sort` telling which way. */
export function FleetHeader({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const sort = useUiStore((state) => state.sort);
  const sortBy = useUiStore((state) => state.sortBy);
  return (
    <div role="rowgroup" className="desk-head">
      <div role="row" className="desk-row desk-head-row" aria-rowindex={1}>
        <div role="columnheader" className="desk-cell desk-cell-select">
          <SelectAll ids={ids} />
        </div>
        {COLUMNS.map((key) => {
          const active = sort.key === key;
          const direction = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <div key={key} role="columnheader" className={`desk-cell desk-cell-${key}${key === 'activeSessions' ? ' desk-cell-number' : ''}`} aria-sort={direction}>
              <button type="button" className="desk-sort" onClick={() => sortBy(key)} data-sort-key={key}>
                {t(`desk.table.columns.${key}`)}
                <span className="desk-sort-arrow" aria-hidden="true">
                  {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
