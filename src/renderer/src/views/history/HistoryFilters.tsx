import type { CSSProperties, RefObject } from 'react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RVM_STATUSES, STATUS_INFO } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import { fleetList, useFleetStore } from '../../store/fleet-store';
import { useHistoryStore } from './history-store';
import { EVENT_TYPES, typeLabelKey } from './event-types';

/** What to look at within the range: one machine or all, some event types or all, some statuses or all. */
export function HistoryFilters() {
  return (
    <div className="history-filters">
      <MachinePicker />
      <TypePicker />
      <StatusPicker />
    </div>
  );
}

function MachinePicker() {
  const { t } = useTranslation();
  const id = useId();
  const machineId = useHistoryStore((state) => state.machineId);
  const setMachine = useHistoryStore((state) => state.setMachine);
  // Names change rarely; the list is rebuilt when machines come or go, not on every status change.
  const size = useFleetStore((state) => state.machines.size);
  const machines = useMemo(
    () =>
      fleetList(useFleetStore.getState().machines, true).sort((a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }),
      ),
    // `size` stands for the mutable map's membership.
    [size],
  );
  const chosenIsKnown = machineId === null || machines.some((machine) => machine.id === machineId);
  return (
    <div className="history-field">
      <label htmlFor={id}>{t('history.filter.machine')}</label>
      <select id={id} value={machineId ?? ''} onChange={(event) => setMachine(event.target.value || null)} data-testid="machine-filter">
        <option value="">{t('history.filter.allMachines')}</option>
        {!chosenIsKnown && <option value={machineId}>{machineId}</option>}
        {machines.map((machine) => (
          <option key={machine.id} value={machine.id}>
            {machine.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function TypePicker() {
  const { t } = useTranslation();
  const types = useHistoryStore((state) => state.types);
  const toggleType = useHistoryStore((state) => state.toggleType);
  const setTypes = useHistoryStore((state) => state.setTypes);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  useClosesLikeAMenu(detailsRef);
  return (
    <details ref={detailsRef} className="history-field history-types" data-testid="type-filter">
      <summary className="button">
        {types.length === 0 ? t('history.filter.allTypes') : t('history.filter.someTypes', { count: types.length })}
      </summary>
      <fieldset>
        <legend>{t('history.filter.types')}</legend>
        {EVENT_TYPES.map((type) => {
          const key = typeLabelKey(type);
          return (
            <label key={type} className="history-type-option">
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggleType(type)} data-type={type} />
              <span>{key ? t(key) : type}</span>
              <code className="history-type-wire">{type}</code>
            </label>
          );
        })}
        {types.length > 0 && (
          <button type="button" className="button button-small" onClick={() => setTypes([])}>
            {t('history.filter.clearTypes')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** The open list closes on Escape (focus back on its button) and on a click elsewhere, as menus do. */
function useClosesLikeAMenu(ref: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key !== 'Escape' || !details?.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [ref]);
}

function StatusPicker() {
  const { t } = useTranslation();
  const statuses = useHistoryStore((state) => state.statuses);
  const toggleStatus = useHistoryStore((state) => state.toggleStatus);
  const clearStatuses = useHistoryStore((state) => state.clearStatuses);
  return (
    <div className="history-chips" role="group" aria-label={t('history.filter.statuses')}>
      {RVM_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className="history-chip"
          style={{ '--status-colour': STATUS_INFO[status].colour } as CSSProperties}
          aria-pressed={statuses.includes(status)}
          data-filter-status={status}
          onClick={() => toggleStatus(status)}
        >
          <span className="status-icon" aria-hidden="true">
            {STATUS_ICONS[status]}
          </span>
          {t(`status.${status}`)}
        </button>
      ))}
      {statuses.length > 0 && (
        <button type="button" className="button button-small" onClick={clearStatuses}>
          {t('history.filter.clearStatuses')}
        </button>
      )}
    </div>
  );
}
