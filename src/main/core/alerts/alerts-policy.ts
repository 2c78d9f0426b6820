import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Unsubscribe } from '../../../shared/bridge';
import { CONNECTION_PHASES, type ConnectionPhase } from '../../../shared/connection';
import { ALERT_KINDS, type AlertKind, type NotificationRequest } from '../../../shared/notifications';
import { normaliseStatus, type RvmStatus } from '../../../shared/statuses';

/**
 * Decides which fleet changes deserve a native notification, and words them. Like Alertmanager,
 * triggers of one kind are grouped: the first opens a group that waits `groupWaitMs` for more, then
 * one notification names them all; after that, a kind speaks at most once per `repeatIntervalMs`,
 * collecting what happens meanwhile. A machine that recovers before its group speaks is left out.
 * This module only decides; showing the notification is the shell's job.
 */

export type AlertSeverity = NotificationRequest['severity'];
export type AlertLanguage = 'en' | 'id';

export interface AlertSettings {
  /** Nothing is shown while muted, and nothing is saved up for later. */
  muted: boolean;
  kinds: Record<AlertKind, boolean>;
  groupWaitMs: number;
  repeatIntervalMs: number;
  connectionLostAfterMs: number;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
  muted: false,
  kinds: Object.freeze({ full: true, error: true, offline: true, 'connection-lost': true, 'connection-restored': true }),
  groupWaitMs: 3_000,
  repeatIntervalMs: 60_000,
  connectionLostAfterMs: 30_000,
});

const milliseconds = (max: number) => z.number().int().min(0).max(max);
const LIMITS = { groupWaitMs: 600_000, repeatIntervalMs: 86_400_000, connectionLostAfterMs: 3_600_000 } as const;

export const AlertSettingsPatchSchema = z.strictObject({
  muted: z.boolean().optional(),
  kinds: z.partialRecord(z.enum(ALERT_KINDS), z.boolean()).optional(),
  groupWaitMs: milliseconds(LIMITS.groupWaitMs).optional(),
  repeatIntervalMs: milliseconds(LIMITS.repeatIntervalMs).optional(),
  connectionLostAfterMs: milliseconds(LIMITS.connectionLostAfterMs).optional(),
});
export type AlertSettingsPatch = z.infer<typeof AlertSettingsPatchSchema>;

const SETTING_RULES: Readonly<Record<string, string>> = {
  muted: 'must be true or false',
  kinds: `must map ${ALERT_KINDS.join(', ')} to true or false`,
  groupWaitMs: `must be a whole number of milliseconds from 0 to ${LIMITS.groupWaitMs}`,
  repeatIntervalMs: `must be a whole number of milliseconds from 0 to ${LIMITS.repeatIntervalMs}`,
  connectionLostAfterMs: `must be a whole number of milliseconds from 0 to ${LIMITS.connectionLostAfterMs}`,
};

export type ConfigureResult = { ok: true; settings: AlertSettings } | { ok: false; message: string };

export interface MachineStatusChange {
  id: string;
  name: string;
  from: RvmStatus | null;
  to: RvmStatus;
  at: number;
}

export interface MachineRemoval {
  id: string;
  name: string;
  at: number;
}

/** setTimeout and clearTimeout, or stand-ins for them. */
export interface AlertTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AlertsPolicyOptions {
  language?: AlertLanguage;
  /** Applied as by `configure`; invalid settings throw, since they come from the app's own code. */
  settings?: AlertSettingsPatch;
  timers?: AlertTimers;
  now?: () => number;
}

/** Looked up at call time, so fake timers installed after construction still apply. */
const GLOBAL_TIMERS: AlertTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type MachineKind = 'full' | 'error' | 'offline';
const MACHINE_KINDS: Readonly<Record<MachineKind, RvmStatus>> = { full: 'full', error: 'error', offline: 'inactive' };
const SEVERITY: Readonly<Record<AlertKind, AlertSeverity>> = {
  full: 'critical',
  error: 'critical',
  offline: 'warning',
  'connection-lost': 'warning',
  'connection-restored': 'info',
};
const CONNECTED: ReadonlySet<ConnectionPhase> = new Set(['live', 'public-only']);
const CONNECTION_SUBJECT = 'connection';

interface Wording {
  one: Record<MachineKind, (name: string) => string>;
  many: Record<MachineKind, (count: number) => string>;
  hint: Record<MachineKind, string>;
  list: (names: string[], more: number) => string;
  lost: { title: string; body: (seconds: number) => string };
  restored: { title: string; body: string };
}

function listed(and: string, more: (count: number) => string): Wording['list'] {
  return (names, extra) => {
    if (extra > 0) return `${names.join(', ')} ${more(extra)}`;
    return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
  };
}

const WORDING: Readonly<Record<AlertLanguage, Wording>> = {
  en: {
    one: { full: (name) => `${name} is full`, error: (name) => `${name} reports an error`, offline: (name) => `${name} went offline` },
    many: {
      full: (count) => `${count} machines full`,
      error: (count) => `${count} machines report errors`,
      offline: (count) => `${count} machines offline`,
    },
    hint: {
      full: 'It cannot take deposits until it is emptied.',
      error: 'Open the control room for details.',
      offline: 'It is inactive or no longer reported by the server.',
    },
    list: listed('and', (count) => `and ${count} more`),
    lost: {
      title: 'Connection to the server lost',
      body: (seconds) => `No live updates for more than ${seconds} seconds; the fleet shown may be out of date.`,
    },
    restored: { title: 'Connection restored', body: 'Live updates are flowing again.' },
  },
  id: {
    one: { full: (name) => `${name} penuh`, error: (name) => `${name} mengalami gangguan`, offline: (name) => `${name} luring` },
    many: {
      full: (count) => `${count} mesin penuh`,
      error: (count) => `${count} mesin mengalami gangguan`,
      offline: (count) => `${count} mesin luring`,
    },
    hint: {
      full: 'Mesin tidak dapat menerima setoran sampai dikosongkan.',
      error: 'Buka ruang kendali untuk rinciannya.',
      offline: 'Mesin tidak aktif atau tidak lagi dilaporkan oleh server.',
    },
    list: listed('dan', (count) => `dan ${count} lainnya`),
    lost: {
      title: 'Koneksi ke server terputus',
      body: (seconds) => `Tidak ada pembaruan langsung selama lebih dari ${seconds} detik; data armada yang tampil mungkin sudah usang.`,
    },
    restored: { title: 'Koneksi pulih', body: 'Pembaruan langsung kembali mengalir.' },
  },
};

export const MAX_NAME_IN_NOTIFICATION = 60;
const NAMES_LISTED = 3;

/**
 * A machine name as a notification shows it: one line, no direction overrides that could make it
 * read as something else, at most 60 characters. Never interpreted as markup.
 */
function plainName(name: unknown, id: string): string {
  const text = (typeof name === 'string' ? name.slice(0, 4 * MAX_NAME_IN_NOTIFICATION) : '')
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  const characters = Array.from(text || `RVM ${id}`);
  return characters.length > MAX_NAME_IN_NOTIFICATION
    ? `${characters.slice(0, MAX_NAME_IN_NOTIFICATION - 1).join('')}…`
    : characters.join('');
}

interface Subject {
  id: string;
  name: string;
  at: number;
}

/** The triggers of one kind waiting to be told, and the one timer that will tell them. */
interface Group {
  subjects: Map<string, Subject>;
  timer: unknown;
}

interface Outage {
  since: number;
  timer: unknown;
  /** A connection-lost notification went out for this outage, so its end is worth one too. */
  told: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return value.trim();
  return null;
}

export class AlertsPolicy {
  private current: AlertSettings = structuredClone(DEFAULT_ALERT_SETTINGS) as AlertSettings;
  private language: AlertLanguage;
  private readonly timers: AlertTimers;
  private readonly now: () => number;
  private readonly listeners = new Set<(request: NotificationRequest) => void>();
  private readonly groups = new Map<AlertKind, Group>();
  private outage: Outage | null = null;
  private disposed = false;

  constructor(options: AlertsPolicyOptions = {}) {
    this.language = options.language ?? 'en';
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.now = options.now ?? Date.now;
    if (options.settings) {
      const configured = this.configure(options.settings);
      if (!configured.ok) throw new TypeError(configured.message);
    }
  }

  get settings(): AlertSettings {
    return structuredClone(this.current);
  }

  /** Changes some settings; a bad value changes nothing and says what to fix. */
  configure(patch: unknown): ConfigureResult {
    const parsed = AlertSettingsPatchSchema.safeParse(patch);
    if (!parsed.success) return { ok: false, message: describeSettingIssues(parsed.error.issues, patch) };
    const { kinds, ...rest } = parsed.data;
    this.current = { ...this.current, ...rest, kinds: { ...this.current.kinds, ...kinds } };
    for (const kind of ALERT_KINDS) {
      if (this.current.muted || !this.current.kinds[kind]) this.forget(kind);
    }
    return { ok: true, settings: this.settings };
  }

  setLanguage(language: unknown): boolean {
    if (language !== 'en' && language !== 'id') return false;
    this.language = language;
    return true;
  }

  onNotification(listener: (request: NotificationRequest) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  machineChanged(change: MachineStatusChange): void {
    if (this.disposed || !isRecord(change)) return;
    const id = idOf(change.id);
    if (id === null) return;
    const to = normaliseStatus(change.to);
    const from = change.from === null || change.from === undefined ? null : normaliseStatus(change.from);
    const subject = { id, name: plainName(change.name, id), at: this.timeOf(change.at) };
    for (const [kind, status] of Object.entries(MACHINE_KINDS) as [MachineKind, RvmStatus][]) {
      if (to !== status) this.groups.get(kind)?.subjects.delete(id);
      // A first sighting (from null) is the state the operator sees on opening, not a change.
      else if (from !== null && from !== status) this.trigger(kind, subject, this.current.groupWaitMs);
    }
  }

  machineRemoved(removal: MachineRemoval): void {
    if (this.disposed || !isRecord(removal)) return;
    const id = idOf(removal.id);
    if (id === null) return;
    this.groups.get('full')?.subjects.delete(id);
    this.groups.get('error')?.subjects.delete(id);
    this.trigger('offline', { id, name: plainName(removal.name, id), at: this.timeOf(removal.at) }, this.current.groupWaitMs);
  }

  /**
   * Signing out is the operator's choice, not a lost connection: it ends an outage quietly.
   * Connecting at start-up counts as lost: a server that cannot be reached is worth knowing about.
   */
  connectionChanged(phase: ConnectionPhase, at: number): void {
    if (this.disposed || !(CONNECTION_PHASES as readonly unknown[]).includes(phase)) return;
    const time = this.timeOf(at);
    if (CONNECTED.has(phase) || phase === 'signed-out') {
      const outage = this.endOutage();
      if (outage?.told && phase !== 'signed-out') this.announceRestored(time);
      return;
    }
    if (this.outage) return;
    const after = this.current.connectionLostAfterMs;
    const delay = Math.min(after, Math.max(0, time + after - this.now()));
    const outage: Outage = { since: time, timer: null, told: false };
    outage.timer = this.timers.setTimeout(() => {
      outage.timer = null;
      this.trigger('connection-lost', { id: CONNECTION_SUBJECT, name: '', at: outage.since }, 0);
    }, delay);
    this.outage = outage;
  }

  dispose(): void {
    this.disposed = true;
    for (const kind of ALERT_KINDS) this.forget(kind);
    this.endOutage();
    this.listeners.clear();
  }

  private timeOf(at: unknown): number {
    return typeof at === 'number' && Number.isFinite(at) ? at : this.now();
  }

  private endOutage(): Outage | null {
    const outage = this.outage;
    if (!outage) return null;
    if (outage.timer !== null) this.timers.clearTimeout(outage.timer);
    this.groups.get('connection-lost')?.subjects.delete(CONNECTION_SUBJECT);
    this.outage = null;
    return outage;
  }

  private allowed(kind: AlertKind): boolean {
    return !this.disposed && !this.current.muted && this.current.kinds[kind];
  }

  /** Adds a trigger to its kind's group; an idle group starts waiting (or, with no wait, speaks now). */
  private trigger(kind: AlertKind, subject: Subject, waitMs: number): void {
    if (!this.allowed(kind)) return;
    let group = this.groups.get(kind);
    if (!group) {
      group = { subjects: new Map(), timer: null };
      this.groups.set(kind, group);
    }
    group.subjects.set(subject.id, subject);
    if (group.timer !== null) return;
    if (waitMs === 0) this.speak(kind, group);
    else group.timer = this.timers.setTimeout(() => this.timerDone(kind, group), waitMs);
  }

  /** The group wait or the repeat interval has ended: speak if anything is left, else go idle. */
  private timerDone(kind: AlertKind, group: Group): void {
    group.timer = null;
    if (group.subjects.size > 0) this.speak(kind, group);
  }

  /** One notification for everything collected, then quiet for the repeat interval. */
  private speak(kind: AlertKind, group: Group): void {
    const subjects = [...group.subjects.values()];
    group.subjects.clear();
    group.timer = this.timers.setTimeout(() => this.timerDone(kind, group), this.current.repeatIntervalMs);
    if (kind === 'connection-lost') {
      if (this.outage) this.outage.told = true;
      const seconds = Math.round(this.current.connectionLostAfterMs / 1000);
      const { title, body } = WORDING[this.language].lost;
      this.emit(kind, title, body(seconds), [], subjects[0].at);
      return;
    }
    const machineKind = kind as MachineKind;
    const words = WORDING[this.language];
    const names = subjects.map((subject) => subject.name);
    const title = subjects.length === 1 ? words.one[machineKind](names[0]) : words.many[machineKind](subjects.length);
    const shown = names.length > NAMES_LISTED + 1 ? names.slice(0, NAMES_LISTED) : names;
    const body = subjects.length === 1 ? words.hint[machineKind] : words.list(shown, names.length - shown.length);
    const ids = subjects.map((subject) => subject.id);
    this.emit(kind, title, body, ids, subjects.reduce((newest, subject) => Math.max(newest, subject.at), 0));
  }

  private announceRestored(at: number): void {
    if (!this.allowed('connection-restored')) return;
    const { title, body } = WORDING[this.language].restored;
    this.emit('connection-restored', title, body, [], at);
  }

  private forget(kind: AlertKind): void {
    const group = this.groups.get(kind);
    if (!group) return;
    if (group.timer !== null) this.timers.clearTimeout(group.timer);
    this.groups.delete(kind);
  }

  private emit(kind: AlertKind, title: string, body: string, machineIds: string[], at: number): void {
    const request: NotificationRequest = { id: randomUUID(), kind, severity: SEVERITY[kind], title, body, machineIds, at };
    for (const listener of [...this.listeners]) {
      try {
        listener(request);
      } catch (error) {
        // One faulty listener must not keep the others from hearing it.
        console.error('notification listener failed:', error);
      }
    }
  }
}

function describeSettingIssues(issues: readonly z.core.$ZodIssue[], patch: unknown): string {
  if (!isRecord(patch)) return 'The alert settings must be an object.';
  const sentences = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      const keys = issue.keys.map((key) => `'${key.slice(0, 40)}'`).join(', ');
      sentences.add(`There is no alert setting named ${keys}.`);
      continue;
    }
    const field = String(issue.path[0] ?? '');
    sentences.add(`${field} ${SETTING_RULES[field] ?? issue.message}.`);
  }
  return [...sentences].join(' ');
}
