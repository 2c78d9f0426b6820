import type { BridgeClient } from '../bridge/client';
import { useAppStore } from './app-store';
import { useFleetStore } from './fleet-store';
import { useSessionStore } from './session-store';
import { useUiStore } from './ui-store';
import { announceStatusChanges } from './change-toasts';

/**
 * Keeps the page's stores in step with the core: the current state is read whenever the link
 * (re)opens, then every pushed event is applied as it comes.
 */
export function attachBridge(client: BridgeClient): void {
  const { bridge } = client;
  bridge.onConnectionState((connection) => useAppStore.setState({ connection }));
  bridge.onFleetPatch((patch) => {
    if (!patch.reset) announceStatusChanges(patch.machines);
    useFleetStore.getState().applyPatch(patch);
  });
  bridge.onSessionChanged((session) => {
    // A replay belongs to the session it was started in.
    useFleetStore.getState().leaveReplay();
    useSessionStore.setState({ session, known: true });
    void refreshProfiles(client);
    if (session) void refreshFleet(client);
  });
  bridge.onMachineFocus(({ id }) => useUiStore.setState({ view: 'desk', openMachineId: id }));
  client.onLinkState((link) => {
    useAppStore.setState({ link });
    // After the link to the hub comes back, anything pushed meanwhile was missed: read it afresh.
    if (link === 'open') void refreshAll(client);
  });
}

async function refreshAll(client: BridgeClient): Promise<void> {
  const { bridge } = client;
  const [info, connection, session] = await Promise.all([bridge.appInfo(), bridge.connectionGet(), bridge.sessionGet()]);
  useAppStore.setState({
    appInfo: info.ok ? info.value : null,
    appInfoError: info.ok ? null : info.message,
    ...(connection.ok ? { connection: connection.value } : {}),
  });
  if (session.ok) useSessionStore.setState({ session: session.value, known: true });
  await Promise.all([refreshProfiles(client), refreshFleet(client)]);
}

async function refreshProfiles(client: BridgeClient): Promise<void> {
  const profiles = await client.bridge.profilesList();
  if (profiles.ok) useSessionStore.setState({ profiles: profiles.value.profiles, activeProfileId: profiles.value.activeId });
}

/** Leaves the replay and shows the live fleet again, read afresh from the core. */
export async function returnToLive(client: BridgeClient): Promise<void> {
  useFleetStore.getState().leaveReplay();
  await refreshFleet(client);
}

async function refreshFleet(client: BridgeClient): Promise<void> {
  const [fleet, rate] = await Promise.all([client.bridge.fleetGet(), client.bridge.fleetEventRate({ minutes: 60 })]);
  if (fleet.ok) useFleetStore.getState().applyPatch(fleet.value);
  if (rate.ok) useFleetStore.getState().seedRate(rate.value);
}
