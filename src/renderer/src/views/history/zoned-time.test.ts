import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zoned-time';

describe('wall-clock times in the profile’s zone', () => {
  it('reads a datetime-local value as WIB, not as this computer’s zone', () => {
    expect(fromZonedInput('2026-11-27T14:32:05', 'Asia/Jakarta')).toBe(Date.parse('2026-11-27T07:32:05Z'));
    expect(fromZonedInput('2026-11-27T14:32', 'Asia/Jakarta')).toBe(Date.parse('2026-11-27T07:32:00Z'));
    expect(fromZonedInput('2026-11-27T14:32:05', 'UTC')).toBe(Date.parse('2026-11-27T14:32:05Z'));
  });

  it('writes a moment as the zone’s wall clock', () => {
    expect(toZonedInput(Date.parse('2026-11-27T07:32:05.900Z'), 'Asia/Jakarta')).toBe('2026-11-27T14:32:05');
    expect(toZonedInput(Date.parse('2026-12-31T23:00:00Z'), 'Asia/Jakarta')).toBe('2027-01-01T06:00:00');
  });

  it('follows daylight saving where the zone has it', () => {
    // Berlin: UTC+1 in winter, UTC+2 in summer.
    expect(fromZonedInput('2026-01-15T12:00:00', 'Europe/Berlin')).toBe(Date.parse('2026-01-15T11:00:00Z'));
    expect(fromZonedInput('2026-07-15T12:00:00', 'Europe/Berlin')).toBe(Date.parse('2026-07-15T10:00:00Z'));
    const summer = Date.parse('2026-07-15T10:00:00Z');
    expect(fromZonedInput(toZonedInput(summer, 'Europe/Berlin'), 'Europe/Berlin')).toBe(summer);
  });

  it('refuses what is not a date and time', () => {
    expect(fromZonedInput('', 'UTC')).toBeNull();
    expect(fromZonedInput('yesterday', 'UTC')).toBeNull();
    expect(fromZonedInput('2026-13-01T00:00', 'UTC')).toBeNull();
  });
});
