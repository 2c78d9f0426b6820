import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../demo-server/index';
import type { FleetEvent } from '../../../shared/fleet';
import { normaliseStatus } from '../../../shared/statuses';
import { EventStore } from '../store/event-store';
import { seedHistory } from '../testing/seed-history';
import { CSV_COLUMNS, exportEvents } from './event-export';
import { Replayer } from './replayer';

const EVENTS = 1_000_000;
const RVMS = 200;
const SEED = 'history-test';
const START = Date.now() - 30 * 3_600_000;
const STEP = 100;

let store: EventStore;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvm-history-'));
  const seeded = seedHistory(join(dir, 'cache.sqlite'), { events: EVENTS, rvms: RVMS, seed: SEED, startTime: START, stepMs: STEP });
  expect(seeded.stored).toBeGreaterThan(EVENTS * 0.9);
  store = EventStore.open(join(dir, 'cache.sqlite'));
}, 180_000);

afterAll(() => store?.close());

/** The statuses at `time`, recomputed straight from the simulator's raw events, without the app's code. */
function statusesFromRawEvents(time: number): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const event of simulate({ events: EVENTS, rvms: RVMS, seed: SEED, startTime: START, stepMs: STEP })) {
    if (event.at > time) break;
    if (event.name !== 'rvm.status.updated') continue;
    const payload = event.payload as { rvm_id: number; status: string };
    statuses.set(String(payload.rvm_id), normaliseStatus(payload.status));
  }
  return statuses;
}

describe('replay over a million simulated events', () => {
  it('shows the fleet as it was, at several moments, exactly as the raw events say', () => {
    const range = store.timeRange()!;
    const moments = [0.001, 0.13, 0.5, 0.77, 1].map((share) => Math.round(range.first + (range.last - range.first) * share));
    const replayer = new Replayer(store);
    // Forward, then back again: both the incremental and the rebuilding path.
    for (const time of [...moments, ...[...moments].reverse()]) {
      const expected = statusesFromRawEvents(time);
      const frame = replayer.at(time);
      const shown = new Map(frame.machines.map((machine) => [machine.id, machine.status as string]));
      expect(shown, `fleet at ${new Date(time).toISOString()}`).toEqual(expected);
    }
  }, 120_000);

  it('builds a frame from the nearest checkpoint, not from the beginning', () => {
    const range = store.timeRange()!;
    const frame = new Replayer(store).at(range.last);
    expect(frame.checkpointTime).not.toBeNull();
    expect(frame.applied).toBeLessThan(30_000);
  });
});

describe('history filters', () => {
  it('return exactly the matching rows', () => {
    const range = store.timeRange()!;
    const from = range.first + 3_600_000;
    const to = from + 600_000;
    // The plain answer: every stored row of the window, filtered here in memory.
    const all = [...store.eventsBetween(from - 1, to)];
    const cases = [
      { from, to },
      { from, to, machineId: '17' },
      { from, to, types: ['deposit.completed'] },
      { from, to, statuses: ['full' as const, 'error' as const] },
      { from, to, machineId: '42', types: ['rvm.status.updated', 'deposit.failed'] },
    ];
    for (const filter of cases) {
      const expected = all.filter(
        (event) =>
          (!filter.machineId || event.machineId === filter.machineId) &&
          (!filter.types || filter.types.includes(event.type)) &&
          (!filter.statuses || (event.status !== null && (filter.statuses as string[]).includes(event.status))),
      );
      const got: FleetEvent[] = [];
      let cursor: { time: number; seq: number } | undefined;
      for (;;) {
        const page = store.query(filter, { limit: 1000, cursor, order: 'asc' });
        got.push(...page);
        if (page.length < 1000) break;
        cursor = { time: page.at(-1)!.time, seq: page.at(-1)!.seq };
      }
      expect(got.map((event) => event.seq)).toEqual(expected.map((event) => event.seq));
      expect(store.count(filter)).toBe(expected.length);
    }
  });
});

/** RFC 4180, as a spreadsheet reads it; a leading apostrophe before =,+,-,@ is the formula guard. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows.map((cells) => cells.map((cell) => cell.replace(/^'([=+\-@])/, '$1')));
}

describe('export', () => {
  it('round-trips through CSV, names with commas, quotes, newlines and formulas included', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'rvm-export-'));
    const small = EventStore.open(join(exportDir, 'small.sqlite'));
    const names = ['RVM Blok M, Lantai 2', 'RVM "Sarinah"', 'RVM Kota\nTua', '=HYPERLINK("x")', '<img src=x onerror=alert(1)>'];
    names.forEach((name, i) =>
      small.append({ time: 1_700_000_000_000 + i, machineId: String(i + 1), type: 'rvm.status.updated', status: 'full', payload: { rvm_id: i + 1, rvm_name: name, status: 'full' } }),
    );
    const csv = join(exportDir, 'out.csv');
    const progress: number[] = [];
    const result = await exportEvents(small, {}, 'csv', csv, (p) => progress.push(p.rows));
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[3])).toEqual(names);
    expect(rows.slice(1).map((row) => JSON.parse(row[6]).rvm_name)).toEqual(names);
    expect(result.rows).toBe(names.length);
    expect(progress.at(-1)).toBe(names.length);

    const json = join(exportDir, 'out.json');
    await exportEvents(small, { statuses: ['full'] }, 'json', json);
    expect(JSON.parse(readFileSync(json, 'utf8')).map((row: { machine_name: string }) => row.machine_name)).toEqual(names);
    small.close();
  });

  it('exports a large filtered range with progress, every row once', async () => {
    const range = store.timeRange()!;
    const filter = { from: range.first, to: range.first + 3 * 3_600_000 };
    const csv = join(dir, 'large.csv');
    const progress: number[] = [];
    const result = await exportEvents(store, filter, 'csv', csv, (p) => progress.push(p.rows));
    expect(result.rows).toBe(store.count(filter));
    expect(progress.length).toBeGreaterThan(2);
    const lines = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
    expect(lines.length - 1).toBe(result.rows);
  }, 60_000);
});
