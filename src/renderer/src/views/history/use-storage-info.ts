import { useEffect } from 'react';
import { create } from 'zustand';
import type { CommandResponse } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { useHistoryStore } from './history-store';

export type StorageInfo = CommandResponse<'storage.get'>;

/** The cache's facts, shared by the "cached history from … to …" line and the storage panel. */
const useStorageStore = create<{ info: StorageInfo | null; error: string | null }>(() => ({ info: null, error: null }));

export async function readStorageInfo(): Promise<StorageInfo | null> {
  const reply = await bridge().storageGet();
  useStorageStore.setState(reply.ok ? { info: reply.value, error: null } : { error: reply.message });
  return reply.ok ? reply.value : null;
}

/** The first cached event's time, as last read (null when unknown or the cache is empty). */
export function cachedFirstTime(): number | null {
  return useStorageStore.getState().info?.firstTime ?? null;
}

export function setStorageInfo(info: StorageInfo): void {
  useStorageStore.setState({ info, error: null });
}

/** The facts as last read. */
export function useStorageInfo(): { info: StorageInfo | null; error: string | null } {
  const info = useStorageStore((state) => state.info);
  const error = useStorageStore((state) => state.error);
  return { info, error };
}

/** Reads the facts when the view opens and whenever the history is read again. */
export function useStorageRefresh(): void {
  const revision = useHistoryStore((state) => state.revision);
  useEffect(() => {
    void readStorageInfo();
  }, [revision]);
}
