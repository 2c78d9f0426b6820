import { BROADCAST_NAMES } from '../../../../shared/broadcasts';
import { COMMAND_EVENT, GAP_EVENT, SNAPSHOT_EVENT } from '../../../../shared/fleet';

/** Every kind of record the cache holds: the server's broadcasts and the app's own records. */
export const EVENT_TYPES: readonly string[] = [...BROADCAST_NAMES, SNAPSHOT_EVENT, GAP_EVENT, COMMAND_EVENT];

/** The strings key of each type's name (the wire names contain dots, which i18next reads as paths). */
const LABEL_KEYS: Record<string, string> = {
  'rvm.status.updated': 'statusUpdated',
  'dashboard.data.updated': 'dashboardUpdated',
  'session.authorized': 'sessionAuthorized',
  'session.guest-activated': 'sessionGuest',
  'deposit.processing': 'depositProcessing',
  'deposit.completed': 'depositCompleted',
  'deposit.failed': 'depositFailed',
  'analisis.selesai': 'analysisDone',
  'system.notification.broadcast': 'notification',
  [SNAPSHOT_EVENT]: 'snapshot',
  [GAP_EVENT]: 'gap',
  [COMMAND_EVENT]: 'command',
};

/** The i18n key of a type's name, or null for a type this version does not know (shown as it is). */
export function typeLabelKey(type: string): string | null {
  return Object.hasOwn(LABEL_KEYS, type) ? `history.types.${LABEL_KEYS[type]}` : null;
}
