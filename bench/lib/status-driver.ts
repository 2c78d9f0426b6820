import type { DemoServer, RvmStatus } from '../../src/demo-server/index';
import { seededRandom } from '../../src/demo-server/seeded-random';

const STATUSES: readonly RvmStatus[] = ['active', 'maintenance', 'error', 'inactive', 'full'];
const TICK_MS = 4;

/** One status change as the server published it: machine, new status, publish time (epoch ms). */
export interface PublishedChange {
  id: string;
  status: RvmStatus;
  publishedAt: number;
}

export interface StatusDriver {
  /** Changes published since the driver started (or since the last `take`). */
  take(): PublishedChange[];
  stop(): void;
}

/**
 * Changes machine statuses through the demo server's control surface, as the platform's status
 * update does (the model changes, `rvm.status.updated` goes out on both status channels), at
 * `perSecond` on average, in small batches every few milliseconds. Machines are taken from `ids`
 * in turn (`order: 'round-robin'`) or at random; each gets a status different from its current one.
 * The publish time is the server's own: the `changed_at` it reports, to the millisecond.
 */
export function driveStatusChanges(server: DemoServer, ids: readonly number[], perSecond: number, order: 'round-robin' | 'random'): StatusDriver {
  const random = seededRandom('bench:driver');
  const current = new Map(server.control.truth().map((machine) => [machine.id, machine.status]));
  const published: PublishedChange[] = [];
  const started = performance.now();
  let sent = 0;
  let next = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * perSecond) / 1000) - sent;
    for (let i = 0; i < due; i++) {
      const id = order === 'round-robin' ? ids[next++ % ids.length] : ids[random.int(0, ids.length - 1)];
      const before = current.get(id);
      const choices = STATUSES.filter((status) => status !== before);
      const status = choices[random.int(0, choices.length - 1)];
      const result = server.control.setStatus(id, status);
      if (!result.ok) throw new Error(`setStatus(${id}) failed: ${result.message}`);
      current.set(id, status);
      published.push({ id: String(id), status, publishedAt: Date.parse(result.value.changed_at) });
    }
    sent += due;
  }, TICK_MS);
  return {
    take: () => published.splice(0),
    stop: () => clearInterval(timer),
  };
}
