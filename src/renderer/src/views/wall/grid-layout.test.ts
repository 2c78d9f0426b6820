import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../../shared/fleet';
import type { GridLayout } from './grid-layout';
import { fitGrid, groupByArea, NO_AREA } from './grid-layout';
import { testMachine } from '../../../../shared/testing/test-machine';

const machine = (id: string, name: string, location: string | null): Machine => testMachine(id, { name, location });

const CITIES = ['Jakarta Selatan', 'Bandung', 'Surabaya', 'Yogyakarta', 'Jakarta Pusat', 'Semarang', 'Medan', 'Denpasar', 'Makassar', 'Malang', 'Bogor', 'Palembang'];

/** `count` machines spread over the cities the way the demo fleet spreads them. */
function shapes(count: number, cities = CITIES.length) {
  const counts = new Array<number>(cities).fill(0);
  for (let i = 0; i < count; i++) counts[i % cities]++;
  return counts.map((n, i) => ({ name: CITIES[i], count: n })).filter((group) => group.count > 0);
}

function expectInside(layout: GridLayout, viewport: { width: number; height: number }) {
  expect(layout.fits).toBe(true);
  for (const box of layout.boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  // No two boxes overlap.
  layout.boxes.forEach((a, i) =>
    layout.boxes.slice(i + 1).forEach((b) => {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }),
  );
}

describe('grouping the wall’s machines by area', () => {
  it('groups by the last part of the location, areas in order, the unplaced last', () => {
    const groups = groupByArea([
      machine('3', 'RVM Kemang 10', 'Jl. Kemang Raya No. 3, Kemang, Jakarta Selatan'),
      machine('1', 'RVM Dago', 'Jl. Dago No. 1, Dago, Bandung'),
      machine('9', 'Nowhere', null),
      machine('2', 'RVM Kemang 9', 'Jl. Kemang Raya No. 9, Kemang, Jakarta Selatan'),
      machine('4', 'Odd one', 'Somewhere, '),
    ]);
    expect(groups.map((group) => group.name)).toEqual(['Bandung', 'Jakarta Selatan', NO_AREA]);
    // Names compare as people read them: 9 before 10.
    expect(groups[1].machines.map((m) => m.name)).toEqual(['RVM Kemang 9', 'RVM Kemang 10']);
    expect(groups[2].machines.map((m) => m.name)).toEqual(['Nowhere', 'Odd one']);
  });
});

describe('fitting the status grid to the screen', () => {
  const fullHd = { width: 1920, height: 1000 };
  const uhd = { width: 3840, height: 2080 };

  it.each([20, 24, 200, 500, 2000])('fits %i machines on a 1080p wall without scrolling', (count) => {
    const groups = shapes(count);
    const layout = fitGrid(groups, fullHd);
    expectInside(layout, fullHd);
    // Each group's box holds all of its tiles.
    layout.boxes.forEach((box, i) => {
      const rows = Math.ceil(groups[i].count / box.columns);
      expect(box.height).toBe(layout.headerHeight + rows * (layout.tileHeight + layout.gap) - layout.gap);
    });
  });

  it('gives a small fleet big tiles with names, and a huge one small tiles with their icon', () => {
    const small = fitGrid(shapes(20), fullHd);
    expect(small.tileHeight).toBeGreaterThanOrEqual(96);
    expect(small.detail).toBe('full');
    const huge = fitGrid(shapes(2000), fullHd);
    expect(huge.tileHeight).toBeGreaterThanOrEqual(16);
    expect(['short', 'icon']).toContain(huge.detail);
    const huge4k = fitGrid(shapes(2000), uhd);
    expectInside(huge4k, uhd);
    expect(huge4k.tileHeight).toBeGreaterThan(huge.tileHeight);
  });

  it('uses the screen well: a single group of 2,000 covers most of it', () => {
    const layout = fitGrid([{ name: 'Jakarta Selatan', count: 2000 }], fullHd);
    expectInside(layout, fullHd);
    const tilesArea = 2000 * layout.tileWidth * layout.tileHeight;
    expect(tilesArea / (fullHd.width * fullHd.height)).toBeGreaterThan(0.55);
  });

  it('keeps within a narrow or short screen too', () => {
    for (const viewport of [{ width: 800, height: 450 }, { width: 1080, height: 1900 }]) {
      expectInside(fitGrid(shapes(300), viewport), viewport);
    }
  });

  it('says so when even the smallest tiles cannot fit', () => {
    expect(fitGrid(shapes(2000), { width: 300, height: 200 }).fits).toBe(false);
  });
});
