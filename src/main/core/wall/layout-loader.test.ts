import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '../../../shared/wall-layout';
import { layoutsFolder, loadWallLayout, saveWallLayout } from './layout-loader';

const layout = { version: 1, name: 'Room B', displays: [{ name: 'TV', screen: 0, playlist: [{ view: 'grid' }] }] };

describe('loading the wall layout', () => {
  it('uses the default when there is no file', () => {
    expect(loadWallLayout(mkdtempSync(join(tmpdir(), 'rvm-wall-')), null)).toEqual({ layout: DEFAULT_WALL_LAYOUT, source: 'default', problem: null });
  });

  it('reads --layout, or wall.json from the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvm-wall-'));
    const file = join(dir, 'room-b.json');
    writeFileSync(file, JSON.stringify(layout));
    expect(loadWallLayout(dir, file)).toMatchObject({ layout: { name: 'Room B' }, source: file, problem: null });
    mkdirSync(layoutsFolder(dir));
    writeFileSync(join(layoutsFolder(dir), 'wall.json'), JSON.stringify({ ...layout, name: 'From the folder' }));
    expect(loadWallLayout(dir, null).layout.name).toBe('From the folder');
  });

  it('falls back to the default with a message naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvm-wall-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...layout, displays: [{ ...layout.displays[0], playlist: [] }] }));
    const loaded = loadWallLayout(dir, file);
    expect(loaded.layout).toEqual(DEFAULT_WALL_LAYOUT);
    expect(loaded.problem).toMatch(/bad\.json: displays\[0\]\.playlist: .*Using the default layout\./);
    expect(loadWallLayout(dir, join(dir, 'missing.json')).problem).toMatch(/could not be read \(ENOENT\)/);
  });

  it('saves an imported layout only when it is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvm-wall-'));
    expect(saveWallLayout(dir, '{"version":1}')).toMatchObject({ ok: false, message: expect.stringMatching(/^The imported layout: /) });
    expect(saveWallLayout(dir, JSON.stringify(layout))).toMatchObject({ ok: true });
    expect(loadWallLayout(dir, null).layout.name).toBe('Room B');
  });
});
