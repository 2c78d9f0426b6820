import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { HUB_MAX_FRAME_BYTES, HUB_SOCKET_PATH } from '../../shared/hub-protocol';
import type { ControlRoom } from '../core/control-room';
import type { HubAccess } from './access';
import { serveBridgeSocket } from './bridge-socket';
import { createExportHandler, createStaticHandler } from './static-files';

export interface HubServerOptions {
  controlRoom: ControlRoom;
  access: HubAccess;
  rendererDir: string;
  /** Where exports are written, to be downloaded by the browser that asked (with the token). */
  exportsDir: string;
  host: string;
  port: number;
}

export interface RunningHub {
  /** The page's address with the access token, as printed on start. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves the built renderer and the contract over one port. */
export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const serveStatic = createStaticHandler(options.rendererDir);
  const serveExport = createExportHandler(options.exportsDir, options.access);
  const server = createServer((request, response) => {
    const handle = (request.url ?? '').startsWith('/exports/') ? serveExport : serveStatic;
    handle(request, response).catch((error: unknown) => {
      console.error('hub: could not serve a file:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: HUB_MAX_FRAME_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://hub');
    const access = url.pathname === HUB_SOCKET_PATH ? options.access.check(url.searchParams.get('token')) : null;
    if (!access) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      serveBridgeSocket(ws, access, options.controlRoom.handlers, options.controlRoom.events);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const hostInUrl = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    url: `http://${hostInUrl}:${port}/?token=${encodeURIComponent(options.access.token)}`,
    port,
    stop: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
