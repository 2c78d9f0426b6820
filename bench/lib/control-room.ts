import { ControlRoom } from '../../src/main/core/control-room';
import type { SecretStore } from '../../src/main/core/profiles/secret-store';
import type { ServerAddress } from './live-client';
import { OPERATOR } from './live-client';

/** A control room as the hub opens one, on `dataDir`. */
export async function openRoom(dataDir: string, secrets: SecretStore): Promise<ControlRoom> {
  const { controlRoom } = await ControlRoom.open({ dataDir, runtime: 'hub', secrets });
  return controlRoom;
}

/** Saves a server profile for a demo server, as the sign-in screen would; returns its id. */
export async function saveProfile(room: ControlRoom, server: ServerAddress): Promise<string> {
  const saved = await room.handlers['profiles.save'](
    {
      profile: {
        name: 'Bench fleet',
        apiBaseUrl: `${server.url}/api/v2`,
        reverb: { key: server.key, host: server.wsHost, port: server.wsPort, scheme: 'http' },
        authEndpoint: `${server.url}/api/broadcasting/auth`,
        timezone: 'Asia/Jakarta',
        email: null,
      },
    },
    { access: 'operate', via: 'ipc' },
  );
  if (!saved.ok) throw new Error(`could not save the bench profile: ${saved.message}`);
  return saved.value.id;
}

export async function signInOperator(room: ControlRoom, profileId: string): Promise<void> {
  const signedIn = await room.signIn(profileId, OPERATOR.email, OPERATOR.password);
  if (!signedIn.ok) throw new Error(`bench sign-in failed: ${signedIn.message}`);
}

/** The Laravel-style settings file the hub's `--env-file` reads, for a demo server. */
export function envFileFor(server: ServerAddress): string {
  const { hostname, port } = new URL(server.url);
  return [
    `REVERB_APP_KEY=${server.key}`,
    `REVERB_HOST=${server.wsHost}`,
    `REVERB_PORT=${server.wsPort}`,
    'REVERB_SCHEME=http',
    `RVM_API_URL=http://${hostname}:${port}/api/v2`,
    `RVM_AUTH_ENDPOINT=${server.url}/api/broadcasting/auth`,
    `RVM_EMAIL=${OPERATOR.email}`,
    `RVM_PASSWORD=${OPERATOR.password}`,
    'RVM_TIMEZONE=Asia/Jakarta',
    '',
  ].join('\n');
}
