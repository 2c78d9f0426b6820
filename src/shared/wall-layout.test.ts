import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT, parseWallLayout } from './wall-layout';

const good = {
  version: 1,
  name: 'Jakarta control room',
  displays: [
    { name: 'Left', screen: 0, playlist: [{ view: 'grid' }, { view: 'critical', seconds: 10 }], intervalSeconds: 30 },
    { name: 'Right', screen: 1, playlist: [{ view: 'stats' }], locations: ['Jakarta Selatan'] },
  ],
  exitKeys: 'Control+Alt+E',
};

describe('wall layout files', () => {
  it('reads a good file and fills in the defaults', () => {
    const result = parseWallLayout(JSON.stringify(good));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layout.displays[1].intervalSeconds).toBe(20);
    expect(result.layout.sound).toBe(true);
    expect(result.layout.resumeAfterSeconds).toBe(60);
    expect(result.layout.exitKeys).toBe('Control+Alt+E');
  });

  it('accepts its own default', () => {
    expect(parseWallLayout(JSON.stringify(DEFAULT_WALL_LAYOUT))).toEqual({ ok: true, layout: DEFAULT_WALL_LAYOUT });
  });

  it.each([
    ['{ not json', /wall\.json is not valid JSON/],
    [JSON.stringify({ ...good, version: 2 }), /wall\.json: version: /],
    [JSON.stringify({ ...good, displays: [] }), /wall\.json: displays: /],
    [JSON.stringify({ ...good, displays: [{ ...good.displays[0], playlist: [{ view: 'map' }] }] }), /displays\[0\]\.playlist\[0\]\.view: /],
    [JSON.stringify({ ...good, displays: [{ ...good.displays[0], intervalSeconds: 1 }] }), /displays\[0\]\.intervalSeconds: /],
    [JSON.stringify({ ...good, displays: [good.displays[0], { ...good.displays[1], screen: 0 }] }), /displays\[1\]\.screen: screen 0 is used by two displays/],
    [JSON.stringify({ ...good, exitKeys: 'Q' }), /exitKeys: an accelerator such as Control\+Shift\+Q/],
    [JSON.stringify({ ...good, extra: true }), /wall\.json: the top level: /],
    ['x'.repeat(300 * 1024), /larger than 256 KB/],
  ])('refuses a bad file with a message naming the problem (%#)', (text, message) => {
    const result = parseWallLayout(text, 'wall.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
  });
});
