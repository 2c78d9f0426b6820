import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { FleetEvent } from '../../../shared/fleet';
import type { EventStore } from '../store/event-store';
import type { EventFilter } from '../store/event-query';

export type ExportFormat = 'csv' | 'json';

export interface ExportProgress {
  rows: number;
  total: number;
  done: boolean;
}

const PAGE = 2_000;
export const CSV_COLUMNS = ['seq', 'time', 'machine_id', 'machine_name', 'type', 'status', 'payload'] as const;

/**
 * Writes the filtered events to a file as CSV (RFC 4180: every field that needs it quoted, quotes
 * doubled, newlines kept inside quotes) or as a JSON array, a page at a time so a million rows
 * never sit in memory, reporting progress as it goes.
 */
export async function exportEvents(
  store: EventStore,
  filter: EventFilter,
  format: ExportFormat,
  path: string,
  onProgress: (progress: ExportProgress) => void = () => undefined,
): Promise<{ rows: number; bytes: number }> {
  store.flush();
  const total = store.count(filter);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  let lastReport = 0;
  try {
    await write(format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '[\n');
    let cursor: { time: number; seq: number } | undefined;
    for (;;) {
      const page = store.query(filter, { limit: PAGE, cursor, order: 'asc' });
      if (page.length === 0) break;
      let chunk = '';
      for (const event of page) {
        chunk += format === 'csv' ? csvRow(event) : `${rows > 0 ? ',\n' : ''}${JSON.stringify(jsonRow(event))}`;
        rows++;
      }
      await write(chunk);
      const last = page[page.length - 1];
      cursor = { time: last.time, seq: last.seq };
      if (rows - lastReport >= 10_000) {
        lastReport = rows;
        onProgress({ rows, total, done: false });
      }
      if (page.length < PAGE) break;
    }
    if (format === 'json') await write('\n]\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  onProgress({ rows, total, done: true });
  return { rows, bytes };
}

/** The machine's name as the event carried it, where it did. */
function machineName(event: FleetEvent): string {
  const payload = (event.payload ?? {}) as { rvm_name?: unknown; name?: unknown };
  const name = payload.rvm_name ?? payload.name;
  return typeof name === 'string' ? name : '';
}

function jsonRow(event: FleetEvent) {
  return {
    seq: event.seq,
    time: new Date(event.time).toISOString(),
    machine_id: event.machineId,
    machine_name: machineName(event) || null,
    type: event.type,
    status: event.status,
    payload: event.payload,
  };
}

export function csvRow(event: FleetEvent): string {
  return (
    [
      String(event.seq),
      new Date(event.time).toISOString(),
      event.machineId ?? '',
      machineName(event),
      event.type,
      event.status ?? '',
      JSON.stringify(event.payload ?? null),
    ]
      .map(csvField)
      .join(',') + '\r\n'
  );
}

/**
 * Quotes a field when it holds a comma, a quote, a line break, or starts with a character a
 * spreadsheet would run as a formula (a name like `=HYPERLINK(…)` stays text).
 */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
