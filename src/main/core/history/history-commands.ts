import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CommandResponse, CommandResult } from '../../../shared/contract';
import { failure } from '../../../shared/contract';
import { GAP_EVENT } from '../../../shared/fleet';
import type { CommandHandlers } from '../dispatch';
import { ok } from '../dispatch';
import type { CoreEventBus } from '../event-bus';
import type { ServerSession } from '../session/server-session';
import { exportEvents } from './event-export';
import { Replayer } from './replayer';

type HistoryCommand =
  | 'history.query'
  | 'history.count'
  | 'history.timeline'
  | 'history.fleet-at'
  | 'history.step'
  | 'history.export'
  | 'storage.get'
  | 'storage.configure'
  | 'storage.compact';

export interface HistoryDeps {
  session(): ServerSession | null;
  events: CoreEventBus;
  dataDir: string;
  /**
   * Where an export goes: the desktop app asks with a save dialog (null when cancelled); without
   * one, the file is written to the data folder's exports/ and offered as a download.
   */
  chooseExportFile?: (suggestedName: string) => Promise<string | null>;
}

const NO_SESSION = 'Sign in (or open the app on a server it was signed in to) to review its history.';

/** The history, replay, export and storage commands: all of them work from the cache, offline too. */
export function historyHandlers(deps: HistoryDeps): Pick<CommandHandlers, HistoryCommand> {
  let replayer: { session: ServerSession; replayer: Replayer } | null = null;
  const withSession = async <T>(work: (session: ServerSession) => Promise<CommandResult<T>> | CommandResult<T>): Promise<CommandResult<T>> => {
    const session = deps.session();
    if (!session) return failure('unauthenticated', NO_SESSION);
    return work(session);
  };
  const storageInfo = (session: ServerSession) => {
    const stats = session.store.stats();
    return {
      path: session.storePath,
      sizeBytes: stats.sizeBytes,
      events: stats.eventCount,
      firstTime: stats.firstTime,
      lastTime: stats.lastTime,
      retention: session.store.retention,
    };
  };

  return {
    'history.query': ({ filter, limit, cursor, order }) =>
      withSession((session) => {
        session.store.flush();
        const events = session.store.query(filter, { limit, cursor, order });
        const last = events.at(-1);
        return ok({ events, nextCursor: events.length === limit && last ? { time: last.time, seq: last.seq } : null });
      }),
    'history.count': ({ filter }) =>
      withSession((session) => {
        session.store.flush();
        return ok({ total: session.store.count(filter) });
      }),
    'history.timeline': ({ from, to, buckets }) =>
      withSession((session) => {
        if (!(to > from)) return failure('invalid-arguments', 'The end of the range must come after its start.');
        session.store.flush();
        const gaps = session.store
          .query({ from: from - 7 * 86_400_000, to, types: [GAP_EVENT] }, { limit: 1000, order: 'asc' })
          .map((event) => {
            const payload = event.payload as { durationMs?: unknown };
            const duration = typeof payload?.durationMs === 'number' ? payload.durationMs : 0;
            return { from: event.time, to: event.time + duration };
          })
          .filter((gap) => gap.to >= from);
        const range = session.store.timeRange();
        return ok({ buckets: session.store.density(from, to, buckets), gaps, first: range?.first ?? null, last: range?.last ?? null });
      }),
    'history.fleet-at': ({ time }) =>
      withSession((session) => {
        if (replayer?.session !== session) replayer = { session, replayer: new Replayer(session.store) };
        return ok(replayer.replayer.at(time));
      }),
    'history.step': ({ time, direction, machineId }) =>
      withSession((session) => ok(new Replayer(session.store).step(time, direction, machineId))),
    'history.export': ({ filter, format }) =>
      withSession<CommandResponse<'history.export'>>(async (session) => {
        const name = `rvm-events-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`;
        let path: string | null;
        if (deps.chooseExportFile) {
          path = await deps.chooseExportFile(name);
          if (!path) return ok({ rows: 0, bytes: 0, location: null });
        } else {
          const folder = join(deps.dataDir, 'exports');
          mkdirSync(folder, { recursive: true });
          path = join(folder, name);
        }
        const result = await exportEvents(session.store, filter, format, path, (progress) => deps.events.emit('export.progress', progress));
        const location = deps.chooseExportFile
          ? { kind: 'file' as const, path }
          : { kind: 'download' as const, href: `/exports/${encodeURIComponent(basename(path))}` };
        return ok({ ...result, location });
      }),
    'storage.get': () => withSession((session) => ok(storageInfo(session))),
    'storage.configure': (retention) =>
      withSession((session) => {
        session.store.configureRetention(retention);
        return ok(storageInfo(session));
      }),
    'storage.compact': () =>
      withSession((session) => {
        const before = session.store.sizeBytes();
        session.store.flush();
        session.store.enforceRetention(Date.now());
        session.store.compact();
        return ok({ before, after: session.store.sizeBytes() });
      }),
  };
}
