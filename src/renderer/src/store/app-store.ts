import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import type { ConnectionState } from '../../../shared/connection';
import type { BridgeClient } from '../bridge/client';
import type { LinkState } from '../bridge/hub-transport';

export type Theme = 'dark' | 'light';

interface AppState {
  appInfo: AppInfo | null;
  appInfoError: string | null;
  connection: ConnectionState | null;
  link: LinkState;
  theme: Theme;
  setTheme(theme: Theme): void;
}

const THEME_KEY = 'rvm.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  // Control rooms are dim: dark unless the system asks for light.
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useAppStore = create<AppState>((set) => ({
  appInfo: null,
  appInfoError: null,
  connection: null,
  link: 'connecting',
  theme: initialTheme(),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
}));

/** Wires the store to the core: the current state first, then every change as it is pushed. */
export function attachBridge(client: BridgeClient): void {
  const { bridge } = client;
  bridge.onConnectionState((connection) => useAppStore.setState({ connection }));
  const refresh = async (): Promise<void> => {
    const [info, connection] = await Promise.all([bridge.appInfo(), bridge.connectionGet()]);
    useAppStore.setState({
      appInfo: info.ok ? info.value : null,
      appInfoError: info.ok ? null : info.message,
      ...(connection.ok ? { connection: connection.value } : {}),
    });
  };
  client.onLinkState((link) => {
    useAppStore.setState({ link });
    // After the link to the hub comes back, anything pushed meanwhile was missed: read it afresh.
    if (link === 'open') void refresh();
  });
}
