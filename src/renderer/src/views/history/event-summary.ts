import type { FleetEvent, Machine } from '../../../../shared/fleet';
import { COMMAND_EVENT, GAP_EVENT, SNAPSHOT_EVENT } from '../../../../shared/fleet';

/**
 * A line of text for an event's payload: the key of a sentence in this view's strings and the
 * values to put in it. Values are the payload's own text, cut short; they are only ever shown as
 * React text. An unknown type falls back to the payload as compact JSON.
 */
export type EventSummary =
  | {
      key: string;
      values: Record<string, string>;
      /** Status words to translate before they go into the sentence. */
      statuses?: Record<string, string>;
      /** A length of time to put into words (a gap). */
      durationMs?: number | null;
    }
  | { raw: string };

const MAX_TEXT = 120;

type Payload = Record<string, unknown>;

function short(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A payload field as text: strings and finite numbers; anything else is a dash. */
function field(payload: Payload, name: string): string {
  const value = payload[name];
  if (typeof value === 'string') return value.trim() === '' ? '—' : short(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '—';
}

function has(payload: Payload, name: string): boolean {
  return payload[name] !== undefined && payload[name] !== null;
}

export function summariseEvent(event: FleetEvent): EventSummary {
  const payload: Payload = typeof event.payload === 'object' && event.payload !== null ? (event.payload as Payload) : {};
  switch (event.type) {
    case 'rvm.status.updated':
      return has(payload, 'location')
        ? { key: 'statusAt', values: { status: field(payload, 'status'), location: field(payload, 'location') } }
        : { key: 'status', values: { status: field(payload, 'status') } };
    case 'dashboard.data.updated':
      return {
        key: 'dashboard',
        values: {
          machines: field(payload, 'total_rvms'),
          sessions: field(payload, 'active_sessions'),
          deposits: field(payload, 'total_deposits_today'),
        },
      };
    case 'session.authorized':
      return { key: 'sessionAuthorized', values: { session: field(payload, 'session_id'), user: field(payload, 'user_name') } };
    case 'session.guest-activated':
      return { key: 'sessionGuest', values: { session: field(payload, 'session_id') } };
    case 'deposit.processing':
      return { key: 'depositProcessing', values: { deposit: field(payload, 'deposit_id') } };
    case 'deposit.completed':
      return {
        key: 'depositCompleted',
        values: {
          deposit: field(payload, 'deposit_id'),
          waste: field(payload, 'waste_type'),
          weight: field(payload, 'weight'),
          reward: field(payload, 'reward_amount'),
        },
      };
    case 'deposit.failed':
      return { key: 'depositFailed', values: { deposit: field(payload, 'deposit_id'), message: field(payload, 'message') } };
    case 'analisis.selesai':
      return {
        key: 'analysis',
        values: {
          deposit: field(payload, 'deposit_id'),
          waste: field(payload, 'waste_type'),
          grade: field(payload, 'quality_grade'),
          confidence: field(payload, 'ai_confidence'),
        },
      };
    case 'system.notification.broadcast':
      return { key: 'notification', values: { title: field(payload, 'title'), message: field(payload, 'message') } };
    case SNAPSHOT_EVENT:
      if (payload.removed === true) return { key: 'snapshotRemoved', values: {} };
      return has(payload, 'from')
        ? { key: 'snapshotChanged', values: {}, statuses: { from: field(payload, 'from'), to: field(payload, 'to') } }
        : { key: 'snapshotFirst', values: {}, statuses: { to: field(payload, 'to') } };
    case GAP_EVENT:
      return { key: 'gap', values: {}, durationMs: typeof payload.durationMs === 'number' ? payload.durationMs : null };
    case COMMAND_EVENT:
      return { key: 'command', values: { by: field(payload, 'by') }, statuses: { from: field(payload, 'from'), to: field(payload, 'to') } };
    default:
      return { raw: short(JSON.stringify(event.payload) ?? '') };
  }
}

/** The machine's name: as the fleet knows it now, else as the event carried it, else its id. */
export function machineNameOf(event: FleetEvent, machines: ReadonlyMap<string, Machine>): string {
  if (event.machineId === null) return '—';
  const known = machines.get(event.machineId);
  if (known) return known.name;
  const payload = (typeof event.payload === 'object' && event.payload !== null ? event.payload : {}) as Payload;
  const carried = payload.rvm_name ?? payload.name;
  return typeof carried === 'string' && carried.trim() !== '' ? short(carried) : event.machineId;
}
