import type { Machine } from '../../../../shared/fleet';
import { areaOf, compareNames } from './wall-fleet';

/**
 * Where the status grid's tiles go: machines grouped by area, each group a box (its name above a
 * block of tiles), the boxes packed in rows, and the one tile size chosen that makes everything fit
 * the screen without scrolling, whether the display shows 20 machines or 2,000.
 */

/** The group of machines whose location names no area. */
export const NO_AREA = '—';

export interface AreaGroup {
  name: string;
  machines: Machine[];
}

/** Areas in alphabetical order (the one without an area last), machines by name inside each. */
export function groupByArea(machines: Iterable<Machine>): AreaGroup[] {
  const groups = new Map<string, Machine[]>();
  for (const machine of machines) {
    const area = areaOf(machine.location) ?? NO_AREA;
    const list = groups.get(area);
    if (list) list.push(machine);
    else groups.set(area, [machine]);
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_AREA ? 1 : b === NO_AREA ? -1 : collator.compare(a, b)))
    .map(([name, list]) => ({ name, machines: list.sort(compareNames) }));
}

/** How much a tile says: the name and the status word when there is room, down to the icon alone. */
export type TileDetail = 'full' | 'name' | 'short' | 'icon';

export interface GroupBox {
  x: number;
  y: number;
  width: number;
  height: number;
  columns: number;
}

export interface GridLayout {
  tileWidth: number;
  tileHeight: number;
  /** Between tiles of a group. */
  gap: number;
  headerFont: number;
  /** The group name's line and the space under it. */
  headerHeight: number;
  detail: TileDetail;
  boxes: GroupBox[];
  /** Everything fits: false only when even the smallest tiles do not (the rest is cut off). */
  fits: boolean;
}

/** Wider than tall: a name is a line of text. */
const TILE_ASPECT = 1.6;
const MIN_TILE_HEIGHT = 12;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * The sizes that go with a tile height. `unit` is the screen's height in thousands of pixels (at
 * least 1): names, gaps and the largest tile grow with it, so a 4K wall reads like a 1080p one.
 */
function sizesFor(tileHeight: number, unit: number) {
  const headerFont = clamp(Math.round(tileHeight * 0.22), Math.round(14 * unit), Math.round(36 * unit));
  return {
    tileWidth: Math.round(tileHeight * TILE_ASPECT),
    gap: clamp(Math.round(tileHeight * 0.07), 2, Math.round(10 * unit)),
    groupGap: clamp(Math.round(tileHeight * 0.22), Math.round(8 * unit), Math.round(32 * unit)),
    headerFont,
    headerHeight: Math.round(headerFont * 1.25) + clamp(Math.round(tileHeight * 0.06), 2, Math.round(8 * unit)),
  };
}

export function detailFor(tileHeight: number): TileDetail {
  if (tileHeight >= 96) return 'full';
  if (tileHeight >= 56) return 'name';
  if (tileHeight >= 28) return 'short';
  return 'icon';
}

interface GroupShape {
  name: string;
  count: number;
}

/**
 * Packs the boxes at one tile height, each group at most `rows` rows deep (more where a group is
 * wider than the screen), shelf by shelf from the top left. Null when a tile is wider than the screen.
 */
function place(groups: readonly GroupShape[], tileHeight: number, rows: number, width: number, unit: number) {
  const size = sizesFor(tileHeight, unit);
  const maxColumns = Math.floor((width + size.gap) / (size.tileWidth + size.gap));
  if (maxColumns < 1) return null;
  // The group's name should fit above a narrow group: up to 18 characters of it, at ~0.6 em each.
  const nameWidth = (name: string) => Math.min(width, Math.ceil((Math.min(name.length, 14) + 4) * size.headerFont * 0.6));
  const boxes: GroupBox[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  let right = 0;
  for (const group of groups) {
    const columns = Math.max(1, Math.min(group.count, maxColumns, Math.ceil(group.count / rows)));
    const groupRows = Math.ceil(group.count / columns);
    const boxWidth = Math.max(columns * (size.tileWidth + size.gap) - size.gap, nameWidth(group.name));
    const boxHeight = size.headerHeight + groupRows * (tileHeight + size.gap) - size.gap;
    if (x > 0 && x + boxWidth > width) {
      y += shelf + size.groupGap;
      x = 0;
      shelf = 0;
    }
    boxes.push({ x, y, width: boxWidth, height: boxHeight, columns });
    right = Math.max(right, x + boxWidth);
    x += boxWidth + size.groupGap;
    shelf = Math.max(shelf, boxHeight);
  }
  return { size, boxes, width: right, height: y + shelf };
}

/**
 * The largest tiles with which every group fits `viewport`. Tries each depth of group (1 row,
 * 2 rows, …) and, for each, finds the largest tile height by bisection; the boxes are then centred.
 */
export function fitGrid(groups: readonly GroupShape[], viewport: { width: number; height: number }): GridLayout {
  const width = Math.floor(viewport.width);
  const height = Math.floor(viewport.height);
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const unit = Math.max(1, height / 1000);
  // A handful of machines gets big tiles, not giant ones.
  const maxHeight = clamp(Math.floor(height / 2.5), MIN_TILE_HEIGHT, Math.round(320 * unit));
  const fitsAt = (tileHeight: number, rows: number) => {
    const placed = place(groups, tileHeight, rows, width, unit);
    return placed !== null && placed.height <= height ? placed : null;
  };

  let best: { tileHeight: number; rows: number } | null = null;
  const deepest = Math.max(1, Math.min(total, Math.floor(height / MIN_TILE_HEIGHT)));
  for (let rows = 1; rows <= deepest; rows++) {
    if (!fitsAt(MIN_TILE_HEIGHT, rows)) continue;
    let low = MIN_TILE_HEIGHT;
    let high = maxHeight;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fitsAt(middle, rows)) low = middle;
      else high = middle - 1;
    }
    if (!best || low > best.tileHeight) best = { tileHeight: low, rows };
    // Deeper groups only help once a group is wider than the screen; past the tallest group's depth nothing changes.
    if (groups.every((group) => group.count <= rows)) break;
  }

  const fits = best !== null;
  const chosen = best ?? { tileHeight: MIN_TILE_HEIGHT, rows: deepest };
  const placed = place(groups, chosen.tileHeight, chosen.rows, width, unit) ?? { size: sizesFor(chosen.tileHeight, unit), boxes: [], width: 0, height: 0 };
  const offsetX = Math.max(0, Math.floor((width - placed.width) / 2));
  const offsetY = Math.max(0, Math.floor((height - placed.height) / 2));
  return {
    tileWidth: placed.size.tileWidth,
    tileHeight: chosen.tileHeight,
    gap: placed.size.gap,
    headerFont: placed.size.headerFont,
    headerHeight: placed.size.headerHeight,
    detail: detailFor(chosen.tileHeight),
    boxes: placed.boxes.map((box) => ({ ...box, x: box.x + offsetX, y: box.y + offsetY })),
    fits,
  };
}
