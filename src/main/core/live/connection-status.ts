import type { ConnectionState } from '../../../shared/connection';
import type { PrivateRefusal } from './live-connection';

/** Everything the connection state is computed from; kept by the live feed as things happen. */
export interface LinkFacts {
  profileName: string;
  /** When the feed started (for "offline since" on a start without any server). */
  startedAt: number;
  connected: boolean;
  /** The channels the feed needs have confirmed their subscription on this connection. */
  publicSubscribed: boolean;
  privateSubscribed: boolean;
  everConnected: boolean;
  lostAt: number | null;
  nextAttemptAt: number | null;
  /** Why Reverb itself refused us (wrong key, over quota), if it did. */
  rejection: string | null;
  privateRefusal: PrivateRefusal | null;
  /** The signed-in role may not join the private channel at all. */
  roleMayNotSeeDashboard: string | null;
  authEndpoint: string;
  /** Whether the REST API answered the last poll while the socket was down. */
  polling: boolean;
  dataAsOf: number | null;
  /** Data from the cache only (offline start). */
  fromCache: boolean;
  /** Why the API itself could not be reached, if it could not. */
  apiProblem: string | null;
}

/** Short enough to count as a blip; longer and the operator is told the desk is offline. */
export const OFFLINE_AFTER_MS = 15_000;

const SANCTUM_FIX = (origin: string) =>
  [
    'Let the server authorise private channels with API tokens: in bootstrap/app.php, register',
    "->withBroadcasting(__DIR__.'/../routes/channels.php', ['prefix' => 'api', 'middleware' => ['api', 'auth:sanctum']])",
    `(or Broadcast::routes(['middleware' => ['auth:sanctum']]) in routes/api.php), then set this server's auth endpoint to ${origin}/api/broadcasting/auth.`,
  ].join(' ');

/** The honest connection state the operator sees, from the facts. */
export function describeConnection(facts: LinkFacts, now: number): ConnectionState {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const base = {
    profileName: facts.profileName,
    nextAttemptAt: null as string | null,
    dataAsOf: iso(facts.dataAsOf),
    reason: null as string | null,
    fix: null as string | null,
  };
  const privateSettled = facts.privateSubscribed || facts.privateRefusal !== null || facts.roleMayNotSeeDashboard !== null;
  // Live means subscribed, not merely connected: events only flow once the channels confirm.
  if (facts.connected && facts.publicSubscribed && privateSettled) {
    if (facts.privateRefusal || facts.roleMayNotSeeDashboard) {
      const origin = safeOrigin(facts.authEndpoint);
      return {
        ...base,
        phase: 'public-only',
        since: iso(facts.lostAt ?? facts.startedAt)!,
        source: 'live',
        reason:
          facts.roleMayNotSeeDashboard ??
          `The server refused the private channel ${facts.privateRefusal!.channel}` +
            `${facts.privateRefusal!.status ? ` (HTTP ${facts.privateRefusal!.status} from ${facts.authEndpoint})` : ''}: ` +
            'status changes still arrive on the public channel, but the dashboard figures do not.',
        fix: facts.roleMayNotSeeDashboard ? null : SANCTUM_FIX(origin),
      };
    }
    return { ...base, phase: 'live', since: iso(facts.lostAt ?? facts.startedAt)!, source: 'live' };
  }
  const since = facts.lostAt ?? facts.startedAt;
  const source = facts.polling ? 'polling' : facts.fromCache || facts.dataAsOf !== null ? 'cache' : 'none';
  const down = [facts.rejection, facts.apiProblem].filter(Boolean).join(' ');
  const reason =
    (facts.polling ? 'The live link is down; the fleet is refreshed by polling the API meanwhile. ' : '') + (down || '');
  const phase = (!facts.everConnected || facts.connected) && now - since < OFFLINE_AFTER_MS
    ? 'connecting'
    : now - since < OFFLINE_AFTER_MS
      ? 'reconnecting'
      : 'offline';
  return {
    ...base,
    phase,
    since: iso(since)!,
    nextAttemptAt: iso(facts.nextAttemptAt),
    source,
    reason: reason.trim() || null,
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'https://your-server';
  }
}
