import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import { fitGrid, groupByArea } from './grid-layout';
import { useElementSize } from './use-element-size';
import { WallTile } from './WallTile';

/**
 * Every machine of the display as a tile, coloured and labelled by status, grouped by area, sized so
 * that the whole fleet fits the screen without scrolling: from a few large tiles with names to
 * thousands of small ones that keep their colour and icon.
 */
export function StatusGrid({ machines, locations }: { machines: readonly Machine[]; locations?: readonly string[] }) {
  const { t } = useTranslation();
  const [ref, size] = useElementSize<HTMLElement>();
  const groups = useMemo(() => groupByArea(machines), [machines]);
  // The layout depends on how many machines each area has, not on their statuses.
  const shape = groups.map((group) => `${group.name}\u0000${group.machines.length}`).join('\u0001');
  const layout = useMemo(
    () => fitGrid(groups.map((group) => ({ name: group.name, count: group.machines.length })), size),
    // `shape` stands for the groups' names and sizes.
    [shape, size],
  );

  return (
    <section ref={ref} className="wall-grid" aria-label={t('wall.grid.label')} data-tile-detail={layout.detail} data-fits={layout.fits}>
      {machines.length === 0 ? (
        <p className="wall-empty">
          {locations?.length ? t('wall.grid.emptyFiltered', { locations: locations.join(', ') }) : t('wall.grid.empty')}
        </p>
      ) : (
        size.width > 0 &&
        groups.map((group, index) => {
          const box = layout.boxes[index];
          if (!box) return null;
          return (
            <div
              key={group.name}
              className="wall-group"
              style={
                {
                  left: box.x,
                  top: box.y,
                  width: box.width,
                  '--tile-w': `${layout.tileWidth}px`,
                  '--tile-h': `${layout.tileHeight}px`,
                  '--tile-gap': `${layout.gap}px`,
                  '--group-font': `${layout.headerFont}px`,
                  '--group-header': `${layout.headerHeight}px`,
                  '--columns': box.columns,
                } as React.CSSProperties
              }
            >
              <h2 className="wall-group-name" aria-label={t('wall.grid.group', { name: group.name, count: group.machines.length })}>
                <span className="wall-group-area">{group.name}</span>
                <span className="wall-group-count">{group.machines.length}</span>
              </h2>
              <ul className="wall-group-tiles">
                {group.machines.map((machine) => (
                  <WallTile key={machine.id} machine={machine} detail={layout.detail} />
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
