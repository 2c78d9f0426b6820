import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaylistEntry, PlaylistState } from './playlist';
import { Playlist } from './playlist';

const THREE: PlaylistEntry[] = [{ view: 'grid' }, { view: 'critical', seconds: 5 }, { view: 'stats' }];

function start(entries: PlaylistEntry[], options = { intervalSeconds: 20, resumeAfterSeconds: 60 }) {
  const heard: PlaylistState[] = [];
  const playlist = new Playlist(entries, options, (state) => heard.push(state));
  const views = () => heard.map((state) => state.entry.view);
  return { playlist, heard, views };
}

describe('the wall playlist', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T08:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts on the first entry and rotates in order, each for its own time or the interval', () => {
    const { playlist, views } = start(THREE);
    expect(playlist.state).toMatchObject({ index: 0, paused: false, durationMs: 20_000 });
    vi.advanceTimersByTime(19_999);
    expect(views()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(views()).toEqual(['critical']);
    expect(playlist.state.durationMs).toBe(5_000);
    vi.advanceTimersByTime(5_000);
    expect(views()).toEqual(['critical', 'stats']);
    vi.advanceTimersByTime(20_000);
    expect(views()).toEqual(['critical', 'stats', 'grid']);
    playlist.dispose();
  });

  it('says when each entry went up, for the progress bar', () => {
    const { playlist, heard } = start(THREE);
    vi.advanceTimersByTime(20_000);
    expect(heard[0].startedAt).toBe(Date.parse('2025-06-01T08:00:20Z'));
    playlist.dispose();
  });

  it('pauses on interaction and resumes after the quiet time, with the held view’s full time', () => {
    const { playlist, heard, views } = start(THREE);
    vi.advanceTimersByTime(15_000);
    playlist.interact();
    expect(heard.at(-1)).toMatchObject({ index: 0, paused: true });
    // More activity keeps it paused and starts the quiet time again, without telling anyone twice.
    vi.advanceTimersByTime(50_000);
    playlist.interact();
    expect(heard).toHaveLength(1);
    vi.advanceTimersByTime(59_999);
    expect(playlist.state.paused).toBe(true);
    expect(views()).toEqual(['grid']);
    vi.advanceTimersByTime(1);
    expect(heard.at(-1)).toMatchObject({ index: 0, paused: false, startedAt: Date.now() });
    vi.advanceTimersByTime(19_999);
    expect(playlist.state.index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(heard.at(-1)).toMatchObject({ index: 1, paused: false });
    playlist.dispose();
  });

  it('puts a chosen entry up at once and holds it like any other interaction', () => {
    const { playlist, heard } = start(THREE, { intervalSeconds: 20, resumeAfterSeconds: 30 });
    playlist.show(2);
    expect(heard.at(-1)).toMatchObject({ index: 2, paused: true });
    vi.advanceTimersByTime(30_000);
    expect(heard.at(-1)).toMatchObject({ index: 2, paused: false });
    vi.advanceTimersByTime(20_000);
    expect(heard.at(-1)).toMatchObject({ index: 0, paused: false });
    playlist.show(7);
    expect(playlist.state.index).toBe(0);
    playlist.dispose();
  });

  it('never rotates nor pauses a single-entry playlist', () => {
    const { playlist, heard } = start([{ view: 'grid', seconds: 5 }]);
    playlist.interact();
    playlist.show(0);
    vi.advanceTimersByTime(3_600_000);
    expect(heard).toEqual([]);
    expect(playlist.state).toMatchObject({ index: 0, paused: false });
    expect(vi.getTimerCount()).toBe(0);
    playlist.dispose();
  });

  it('clears its timers when disposed, and stays quiet afterwards', () => {
    const { playlist, heard } = start(THREE);
    playlist.interact();
    expect(vi.getTimerCount()).toBe(1);
    playlist.dispose();
    expect(vi.getTimerCount()).toBe(0);
    playlist.interact();
    vi.advanceTimersByTime(3_600_000);
    expect(heard).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses an empty playlist', () => {
    expect(() => start([])).toThrow(/at least one entry/);
  });
});
