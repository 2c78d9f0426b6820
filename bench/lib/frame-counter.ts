import WebSocket from 'ws';
import type { ServerAddress } from './live-client';

/**
 * The cheapest possible reader of a Reverb server: a bare WebSocket that subscribes to the public
 * channels and counts frames without parsing them. What it receives is what the server can deliver
 * to one subscriber, whatever the client does with it.
 */
export async function countFrames(server: ServerAddress, channels: readonly string[]): Promise<{ frames(): number; close(): void }> {
  const socket = new WebSocket(`ws://${server.wsHost}:${server.wsPort}/app/${server.key}?protocol=7&client=js&version=8.4.0&flash=false`);
  let frames = 0;
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('message', () => {
      for (const channel of channels) socket.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel } }));
      resolve();
    });
  });
  socket.on('message', () => frames++);
  return { frames: () => frames, close: () => socket.terminate() };
}
