// How values become column values and back. Reading never throws on a damaged value: the file is input like any other.
import { deflateSync, inflateSync } from 'node:zlib';
import { z } from 'zod';
import type { FleetEvent, Machine } from '../../../shared/fleet';
import { MachineSchema } from '../../../shared/fleet';
import { normaliseStatus } from '../../../shared/statuses';

/** Stored instead of a payload that JSON cannot express (a cycle, a BigInt, a throwing getter). */
export const NOT_JSON = '{"unserialisable":true,"reason":"not-json"}';
/** Stored instead of a payload longer than the store's `maxPayloadChars`. */
export const TOO_LARGE = '{"unserialisable":true,"reason":"too-large"}';

/** JSON text for a payload or command arguments; never throws. */
export function jsonText(value: unknown, maxChars: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return NOT_JSON;
  }
  if (text === undefined) return value === undefined ? 'null' : NOT_JSON;
  return text.length > maxChars ? TOO_LARGE : text;
}

export function parseJsonText(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface EventRow {
  seq: number;
  time: number;
  machineId: string | null;
  type: string;
  status: string | null;
  payload: string;
}

export function toFleetEvent(row: EventRow): FleetEvent {
  return {
    seq: row.seq,
    time: row.time,
    machineId: row.machineId,
    type: row.type,
    status: row.status === null ? null : normaliseStatus(row.status),
    payload: parseJsonText(row.payload),
  };
}

const FleetSchema = z.array(MachineSchema);

export function encodeFleet(machines: readonly Machine[]): Buffer {
  return deflateSync(JSON.stringify(machines));
}

/** The machines of a checkpoint, or null when the blob is damaged or not a fleet. */
export function decodeFleet(blob: unknown): Machine[] | null {
  if (!Buffer.isBuffer(blob)) return null;
  let value: unknown;
  try {
    value = JSON.parse(inflateSync(blob).toString('utf8'));
  } catch {
    return null;
  }
  const result = FleetSchema.safeParse(value);
  return result.success ? result.data : null;
}
