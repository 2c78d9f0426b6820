import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
};

/** The same policy as the desktop window, plus the hub's own WebSocket. */
export function hubContentSecurityPolicy(host: string): string {
  const safeHost = /^[\w.:[\]-]+$/.test(host) ? host : '127.0.0.1';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${safeHost} wss://${safeHost}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Serves the built renderer read-only; nothing outside its folder is reachable. */
export function createStaticHandler(rendererDir: string) {
  const root = normalize(rendererDir + sep);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://hub').pathname;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      response.writeHead(400).end('Bad path');
      return;
    }
    const file = normalize(join(root, relative));
    const info = file.startsWith(root) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': hubContentSecurityPolicy(request.headers.host ?? ''),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Hashed asset names never change; the page itself must always be fresh.
      'Cache-Control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}

/**
 * Exported files, for the browser that asked for them: only with the access token (a wall
 * display's key does not do), only files directly in the exports folder, always as a download.
 */
export function createExportHandler(exportsDir: string, access: { check(token: string | null): 'operate' | 'read' | null }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://hub');
    if (access.check(url.searchParams.get('token')) !== 'operate') {
      response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The access token is missing or wrong.');
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice('/exports/'.length));
    } catch {
      name = '';
    }
    const info = /^[\w.-]+\.(csv|json)$/.test(name) ? await stat(join(exportsDir, name)).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such export.');
      return;
    }
    response.writeHead(200, {
      'Content-Type': name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Length': info.size,
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(join(exportsDir, name)).pipe(response);
  };
}
