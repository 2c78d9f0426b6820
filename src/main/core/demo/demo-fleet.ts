import type { DemoServer, DemoServerOptions } from '../../../demo-server/index';
import { DEMO_PASSWORD, startDemoServer } from '../../../demo-server/index';
import type { ProfileDraft } from '../profiles/profile-draft';

export const DEMO_PROFILE_ID = 'demo';
export const DEMO_OPERATOR = { email: 'operator@demo.rvm', password: DEMO_PASSWORD };

/**
 * The embedded demo fleet: the demo server started in this process, and the profile that points
 * at it. The port is new on every start, so the profile is rewritten each time.
 */
export async function startDemoFleet(options: DemoServerOptions = {}): Promise<{ server: DemoServer; draft: ProfileDraft }> {
  const server = await startDemoServer({ port: 0, ...options });
  const draft: ProfileDraft = {
    name: 'Demo fleet',
    apiBaseUrl: `${server.url}/api/v2`,
    reverb: { key: server.key, host: server.wsHost, port: server.wsPort, scheme: 'http' },
    authEndpoint: `${server.url}/api/broadcasting/auth`,
    timezone: 'Asia/Jakarta',
    email: DEMO_OPERATOR.email,
  };
  return { server, draft };
}
