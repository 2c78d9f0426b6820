import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { EventStore } from '../event-store';
import type { EventStoreOptions } from '../options';

/** A fresh temp folder per test; every store opened through it is closed and the folder removed after. */
export function useStoreFolder(): {
  path: (name?: string) => string;
  open: (options?: EventStoreOptions, name?: string) => EventStore;
} {
  let dir = '';
  const opened: EventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvm-store-'));
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const path = (name = 'events.db'): string => join(dir, name);
  return {
    path,
    open(options, name) {
      const store = EventStore.open(path(name), options);
      opened.push(store);
      return store;
    },
  };
}
