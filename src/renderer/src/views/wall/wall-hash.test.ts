import { describe, expect, it } from 'vitest';
import { parseWallHash } from './wall-hash';

describe('the wall address', () => {
  it('names the display: #wall is the first, #wall=N the Nth', () => {
    expect(parseWallHash('#wall')).toBe(0);
    expect(parseWallHash('#wall=')).toBe(0);
    expect(parseWallHash('#wall=0')).toBe(0);
    expect(parseWallHash('#wall=3')).toBe(3);
    expect(parseWallHash('#wall=15')).toBe(15);
  });

  it('is not a wall otherwise', () => {
    for (const hash of ['', '#', '#desk', '#wallpaper', '#wall=x', '#wall=-1', '#wall=123', 'wall']) {
      expect(parseWallHash(hash)).toBeNull();
    }
  });
});
