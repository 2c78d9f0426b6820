import type { InvokeEventLike } from './ipc';

/** The origin the packaged renderer is served from (see renderer-protocol.ts). */
export const RENDERER_SCHEME = 'app';
export const RENDERER_HOST = 'rvm';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`;

/**
 * A sender is trusted when it is one of our own windows and its frame shows our own page: the
 * packaged renderer, or the electron-vite dev server while developing.
 */
export function createSenderCheck(
  ownWebContentsIds: () => ReadonlySet<number>,
  devServerUrl: string | undefined,
): (event: InvokeEventLike) => boolean {
  const allowedOrigins = new Set([RENDERER_ORIGIN]);
  if (devServerUrl) allowedOrigins.add(originOf(devServerUrl));
  return (event) => {
    if (!ownWebContentsIds().has(event.sender.id)) return false;
    const url = event.senderFrame?.url;
    if (!url) return false;
    return allowedOrigins.has(originOf(url));
  };
}

/** `URL.origin` is "null" for custom schemes such as app://, so compare scheme and host instead. */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}
