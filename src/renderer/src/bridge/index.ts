import type { Bridge } from '../../../shared/bridge';
import type { BridgeClient } from './client';

let current: BridgeClient | null = null;

/** Set once at start (main.tsx); views call `bridge()` to ask the core for anything. */
export function setBridgeClient(client: BridgeClient): void {
  current = client;
}

export function bridge(): Bridge {
  if (!current) throw new Error('the bridge is not connected yet');
  return current.bridge;
}

export function bridgeClient(): BridgeClient | null {
  return current;
}
