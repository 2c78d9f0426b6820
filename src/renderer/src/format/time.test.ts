import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatRelative } from './time';

describe('times for operators', () => {
  it('shows absolute times in the profile’s time zone', () => {
    expect(formatAbsolute('2026-11-27T03:00:00Z', 'Asia/Jakarta', 'en-GB')).toMatch(/10:00:00/);
    expect(formatAbsolute('2026-11-27T03:00:00Z', 'UTC', 'en-GB')).toMatch(/03:00:00/);
  });

  it('shows relative times in the chosen language', () => {
    const now = Date.parse('2026-11-27T03:00:00Z');
    expect(formatRelative(now - 3 * 60_000, now, 'en')).toBe('3 min. ago');
    expect(formatRelative(now - 3 * 60_000, now, 'id')).toMatch(/3 mnt/);
  });

  it('shows a dash for a missing or unreadable time', () => {
    expect(formatAbsolute(null, 'UTC', 'en')).toBe('—');
    expect(formatRelative('soon', 0, 'en')).toBe('—');
  });
});
