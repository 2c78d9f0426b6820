// Reading request bodies under a size limit and writing JSON or text replies, for every HTTP route.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from './json-value';

export type BodyResult =
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'aborted' };

/** Collects the body up to `limit` bytes; past it the rest is discarded unread and `too-large` returned. */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve({ kind: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.resume();
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve({ kind: 'body', body: Buffer.concat(chunks) }));
    request.on('error', () => resolve({ kind: 'aborted' }));
    request.on('aborted', () => resolve({ kind: 'aborted' }));
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, close = false): void {
  send(response, status, 'application/json', JSON.stringify(body), close);
}

export function sendText(response: ServerResponse, status: number, text: string, close = false): void {
  send(response, status, 'text/plain; charset=utf-8', text, close);
}

function send(response: ServerResponse, status: number, contentType: string, text: string, close: boolean): void {
  if (response.headersSent) return;
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
  };
  // After an oversized body the connection is not reusable: part of the body was never read.
  if (close) headers.Connection = 'close';
  response.writeHead(status, headers);
  response.end(text);
}


/**
 * The request's input as Laravel's `$request->all()` sees it: query parameters overlaid by a JSON
 * object or form body. Anything unparsable counts as no input, which validation then reports.
 */
export function requestInput(request: IncomingMessage, query: URLSearchParams, body: Buffer): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(query);
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const text = body.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ...input, ...Object.fromEntries(new URLSearchParams(text)) };
  }
  if (text.trim() === '') return input;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? { ...input, ...parsed } : input;
  } catch {
    return input;
  }
}
