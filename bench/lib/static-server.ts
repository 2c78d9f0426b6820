import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the naive baseline page (bench/baseline/), pusher-js's browser build, and `config.json`
 * (where the demo server is, and the fleet to draw), on a free loopback port.
 */
export async function serveBaselinePage(config: unknown): Promise<StaticServer> {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(ROOT, 'bench', 'baseline', 'index.html')) },
    '/baseline.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(ROOT, 'bench', 'baseline', 'baseline.js')) },
    '/pusher.min.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(ROOT, 'node_modules', 'pusher-js', 'dist', 'web', 'pusher.min.js')) },
    '/config.json': { type: 'application/json', body: JSON.stringify(config) },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
