import { describe, expect, it } from 'vitest';
import type { StatusFact } from './critical-sound';
import { CriticalSoundPolicy, initialMuted, MUTED_KEY, saveMuted } from './critical-sound';

const fleet: StatusFact[] = [
  { id: '1', status: 'active' },
  { id: '2', status: 'maintenance' },
  { id: '3', status: 'full' },
  { id: '4', status: 'inactive' },
];

function policy(): CriticalSoundPolicy {
  const decide = new CriticalSoundPolicy(5_000);
  decide.remember(fleet);
  return decide;
}

const live = { muted: false };

describe('when the wall sounds', () => {
  it('sounds when a machine newly becomes full or error', () => {
    expect(policy().observe([{ id: '1', status: 'full' }], 0, live)).toBe(true);
    expect(policy().observe([{ id: '2', status: 'error' }], 0, live)).toBe(true);
    // full → error is a new fault.
    expect(policy().observe([{ id: '3', status: 'error' }], 0, live)).toBe(true);
  });

  it('stays quiet for other changes, repeats, and machines first seen already critical', () => {
    const decide = policy();
    expect(decide.observe([{ id: '1', status: 'maintenance' }, { id: '3', status: 'active' }], 0, live)).toBe(false);
    expect(decide.observe([{ id: '2', status: 'full' }], 10_000, live)).toBe(true);
    expect(decide.observe([{ id: '2', status: 'full' }], 20_000, live)).toBe(false);
    expect(decide.observe([{ id: '99', status: 'error' }], 30_000, live)).toBe(false);
    // The fleet as the wall found it never sounds.
    expect(new CriticalSoundPolicy().observe([{ id: '3', status: 'full' }], 0, live)).toBe(false);
  });

  it('sounds at most once in the gap, then again for a later failure', () => {
    const decide = policy();
    expect(decide.observe([{ id: '1', status: 'full' }], 1_000, live)).toBe(true);
    expect(decide.observe([{ id: '2', status: 'error' }], 5_999, live)).toBe(false);
    expect(decide.observe([{ id: '4', status: 'error' }], 6_000, live)).toBe(true);
  });

  it('never sounds while muted, and a muted failure does not use up the gap', () => {
    const decide = policy();
    expect(decide.observe([{ id: '1', status: 'full' }], 1_000, { muted: true })).toBe(false);
    expect(decide.observe([{ id: '2', status: 'error' }], 1_500, live)).toBe(true);
  });

  it('compares a reset with what it knew, and forgets machines that are gone', () => {
    const decide = policy();
    // Machine 1 went full while the link was down: the fresh fleet reveals it.
    expect(decide.observe([{ id: '1', status: 'full' }, { id: '2', status: 'maintenance' }], 0, { muted: false, reset: true })).toBe(true);
    // Machine 4 was not in the reset: when it returns in error, that is not a change seen.
    expect(decide.observe([{ id: '4', status: 'error' }], 10_000, live)).toBe(false);
    // A removed machine is forgotten too.
    decide.observe([{ id: '2', status: 'maintenance', removed: true }], 20_000, live);
    expect(decide.observe([{ id: '2', status: 'error' }], 30_000, live)).toBe(false);
  });
});

describe('the mute choice', () => {
  const storage = (value: string | null) => ({ getItem: (key: string) => (key === MUTED_KEY ? value : null) });

  it('follows the layout until the display has a choice of its own', () => {
    expect(initialMuted(storage(null), true)).toBe(false);
    expect(initialMuted(storage(null), false)).toBe(true);
    expect(initialMuted(storage('true'), true)).toBe(true);
    expect(initialMuted(storage('false'), false)).toBe(false);
  });

  it('is remembered', () => {
    const saved = new Map<string, string>();
    saveMuted({ setItem: (key, value) => saved.set(key, value) }, true);
    expect(initialMuted({ getItem: (key) => saved.get(key) ?? null }, true)).toBe(true);
  });
});
