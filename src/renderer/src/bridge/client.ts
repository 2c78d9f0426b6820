import type { Bridge, Unsubscribe } from '../../../shared/bridge';
import { createBridge } from '../../../shared/bridge';
import type { LinkState } from './hub-transport';
import { HubTransport } from './hub-transport';

declare global {
  interface Window {
    /** Set by the preload script in the desktop app; absent in a browser on the hub. */
    rvm?: Bridge;
  }
}

export interface BridgeClient {
  bridge: Bridge;
  runtime: 'electron' | 'hub';
  /** The state of the link to the core itself: always open over IPC, a socket to the hub otherwise. */
  onLinkState(listener: (state: LinkState) => void): Unsubscribe;
}

const TOKEN_KEY = 'rvm.hub.token';

/** The preload bridge when the page runs in the desktop app, otherwise the hub's WebSocket: one interface. */
export function connectBridge(): BridgeClient {
  if (window.rvm) {
    return {
      bridge: window.rvm,
      runtime: 'electron',
      onLinkState: (listener) => {
        listener('open');
        return () => undefined;
      },
    };
  }
  const transport = new HubTransport(HubTransport.urlFor(window.location, takeToken()));
  return { bridge: createBridge(transport), runtime: 'hub', onLinkState: (listener) => transport.onLinkState(listener) };
}

/**
 * The token (or a wall display's key) arrives in the address the hub printed; it moves to session
 * storage and leaves the address bar, so it is not shown on a wall nor kept in the history.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token') ?? url.searchParams.get('key');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
