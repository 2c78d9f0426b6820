import { z } from 'zod';
import { RvmStatusSchema } from '../../../shared/fleet';
import type { RvmStatus } from '../../../shared/statuses';
import { StoreError } from './database';

/** Which events a query wants. `from` and `to` are inclusive epoch ms; an empty list matches nothing. */
export interface EventFilter {
  from?: number;
  to?: number;
  machineId?: string;
  types?: readonly string[];
  statuses?: readonly RvmStatus[];
}

/** The position after (ascending) or before (descending) which the next page starts: the last event seen. */
export interface EventCursor {
  time: number;
  seq: number;
}

export interface EventPage {
  limit: number;
  cursor?: EventCursor;
  order: 'asc' | 'desc';
}

/**
 * Larger pages are refused rather than cut: a caller that asked for more and got fewer would take
 * the short page for the end of the history.
 */
export const MAX_PAGE_SIZE = 5_000;

const FilterSchema = z.strictObject({
  from: z.number().optional(),
  to: z.number().optional(),
  machineId: z.string().optional(),
  types: z.array(z.string()).optional(),
  statuses: z.array(RvmStatusSchema).optional(),
});

const PageSchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  cursor: z.strictObject({ time: z.number(), seq: z.number().int() }).optional(),
  order: z.enum(['asc', 'desc']),
});

/** The parameters of the page and count statements: exclusive keyset bounds on (time, seq) plus the filters. */
export interface EventParams {
  machineId?: string;
  lowTime: number;
  lowSeq: number;
  highTime: number;
  highSeq: number;
  types: string | null;
  statuses: string | null;
  limit?: number;
}

const MIN = Number.MIN_SAFE_INTEGER;
const MAX = Number.MAX_SAFE_INTEGER;

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreError('invalid-input', `Invalid ${what}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function isAfter(a: EventCursor, b: EventCursor): boolean {
  return a.time > b.time || (a.time === b.time && a.seq > b.seq);
}

/** Every event with time > `time` (all of its seqs), for replays that start after a checkpoint. */
export function afterTime(time: number): EventCursor {
  return { time, seq: MAX };
}

type ValidFilter = z.infer<typeof FilterSchema>;
type ValidPage = z.infer<typeof PageSchema>;

function params(filter: ValidFilter, page: ValidPage | null): EventParams {
  let low: EventCursor = { time: filter.from ?? MIN, seq: MIN };
  let high: EventCursor = { time: filter.to ?? MAX, seq: MAX };
  const cursor = page?.cursor;
  if (cursor && page.order === 'asc' && isAfter(cursor, low)) low = cursor;
  if (cursor && page.order === 'desc' && isAfter(high, cursor)) high = cursor;
  const result: EventParams = {
    lowTime: low.time,
    lowSeq: low.seq,
    highTime: high.time,
    highSeq: high.seq,
    types: filter.types ? JSON.stringify(filter.types) : null,
    statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
  };
  if (filter.machineId !== undefined) result.machineId = filter.machineId;
  if (page) result.limit = page.limit;
  return result;
}

export function countParams(filter: EventFilter): EventParams {
  return params(valid(FilterSchema, filter, 'event filter'), null);
}

export function pageParams(filter: EventFilter, page: EventPage): EventParams {
  return params(valid(FilterSchema, filter, 'event filter'), valid(PageSchema, page, 'event page'));
}
