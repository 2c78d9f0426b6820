import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createBridge, eventChannel } from '../shared/bridge';
import type { CommandResult } from '../shared/contract';

/**
 * The whole bridge, generated from the contract: one named function per command and one
 * `on<Event>` per event. The page never sees `ipcRenderer` or an IPC event object.
 */
const bridge = createBridge({
  invoke: (name, args) => ipcRenderer.invoke(name, args) as Promise<CommandResult<unknown>>,
  subscribe: (name, handler) => {
    const listener = (_event: IpcRendererEvent, payload: unknown): void => handler(payload);
    const channel = eventChannel(name);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
});

contextBridge.exposeInMainWorld('rvm', bridge);
