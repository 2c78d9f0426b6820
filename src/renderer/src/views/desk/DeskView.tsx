import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { BulkActions } from './BulkActions';
import type { FleetTableHandle } from './FleetTable';
import { FleetTable } from './FleetTable';
import { MachineDrawer } from './MachineDrawer';
import { SearchBox } from './SearchBox';
import { StatusChips } from './StatusChips';
import { useFleetRows } from './use-fleet-rows';
import './desk.css';

/** The operator's desk: search and filters, bulk actions, the fleet table, and the open machine beside it. */
export function DeskView() {
  const { t } = useTranslation();
  const rows = useFleetRows();
  const tableRef = useRef<FleetTableHandle>(null);
  const openMachine = useUiStore((state) => state.openMachine);

  const closeDrawer = (id: string) => {
    openMachine(null);
    // Focus goes back to the row the drawer was opened from.
    tableRef.current?.focusRow(id);
  };

  return (
    <div className="desk">
      <div className="desk-main">
        <h2 className="visually-hidden">{t('desk.title')}</h2>
        <div className="desk-toolbar" role="search" aria-label={t('desk.toolbarLabel')}>
          <SearchBox />
          <StatusChips counts={rows.counts} />
          <span className="desk-count" role="status" data-testid="fleet-count">
            {t('desk.count.shown', { count: rows.ids.length, total: rows.total })}
          </span>
        </div>
        <BulkActions />
        <FleetTable ref={tableRef} ids={rows.ids} total={rows.total} />
      </div>
      <MachineDrawer onClose={closeDrawer} />
    </div>
  );
}
