/**
 * The platform's details reply carries the machine's secrets (`api_key`, `admin_access_pin`):
 * they never leave the core, whatever the server sends. Keys that merely look secret are dropped
 * too, at any depth, so a renamed field on a newer server does not leak either.
 */
const SECRET_KEY = /(^|_)(api_?key|pin|secret|token|password|hash)(_|$)/i;
const MAX_DEPTH = 6;

export function sanitiseMachineDetails(details: { rvm: Record<string, unknown>; recent_activity?: unknown[] }): {
  machine: Record<string, unknown>;
  recentActivity: unknown[];
} {
  return {
    machine: withoutSecrets(details.rvm, 0) as Record<string, unknown>,
    recentActivity: (details.recent_activity ?? []).slice(0, 50).map((entry) => withoutSecrets(entry, 0)),
  };
}

function withoutSecrets(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => withoutSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    const clean: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!SECRET_KEY.test(key)) clean[key] = withoutSecrets(inner, depth + 1);
    }
    return clean;
  }
  return value;
}
