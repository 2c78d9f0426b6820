import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import { STATUS_INFO } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import type { TileDetail } from './grid-layout';
import { shortLabel } from './wall-fleet';

/**
 * One machine on the wall: filled with its status colour, with the status icon always and, as far as
 * the tile's size allows, its name and the status word. What does not fit visibly is still there
 * for screen readers. `data-rvm-id` and `data-status` are the app's DOM interface (DESIGN.md).
 */
export const WallTile = memo(function WallTile({ machine, detail }: { machine: Machine; detail: TileDetail }) {
  const { t } = useTranslation();
  const status = t(`status.${machine.status}`);
  const showName = detail === 'full' || detail === 'name';
  return (
    <li
      className={`wall-tile status-${machine.status}`}
      data-rvm-id={machine.id}
      data-status={machine.status}
      style={{ '--status-colour': STATUS_INFO[machine.status].colour } as React.CSSProperties}
    >
      <span className="wall-tile-head">
        <span className="wall-tile-icon" aria-hidden="true">
          {STATUS_ICONS[machine.status]}
        </span>
        {detail === 'full' && <span className="wall-tile-status">{status}</span>}
        {detail === 'short' && (
          <span className="wall-tile-short" aria-hidden="true">
            {shortLabel(machine)}
          </span>
        )}
      </span>
      {showName ? <span className="wall-tile-name">{machine.name}</span> : <span className="visually-hidden">{machine.name}</span>}
      {detail !== 'full' && <span className="visually-hidden">: {status}</span>}
    </li>
  );
});
