import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ServerProfileSchema, type ServerProfile } from '../../../shared/profiles';
import { reasonOf, writeFileAtomic } from './atomic-file';
import { describeProfileIssues, type ProfileDraft } from './profile-draft';

/**
 * The server profiles the operator has set up, kept in `<dataDir>/profiles.json`. The file holds
 * no secrets: tokens live in a SecretStore, and a draft's one-time password is dropped on save.
 * Bad content never throws: what is valid is kept, the rest is set aside beside the file.
 */

export type ProfileResult = { ok: true; profile: ServerProfile } | { ok: false; message: string };
export type ProfileChange = { ok: true } | { ok: false; message: string };
/** `demo` is set only by the app itself, for the embedded demo fleet's profile. */
export type ProfileInput = ProfileDraft & { id?: string; demo?: boolean };

export const PROFILES_FILE = 'profiles.json';
const FORMAT_VERSION = 1;

const ProfilesFileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  activeId: z.string().nullable().optional(),
  profiles: z.array(z.unknown()),
});

const LABELS: Readonly<Record<string, string>> = {
  id: 'The profile id',
  name: 'The name',
  apiBaseUrl: 'The API address',
  reverb: 'The Reverb settings',
  'reverb.key': 'The Reverb key',
  'reverb.host': 'The Reverb host',
  'reverb.port': 'The Reverb port',
  'reverb.scheme': 'The Reverb scheme',
  authEndpoint: 'The channel authorisation address',
  timezone: 'The time zone',
  email: 'The email',
};

type Refusal = { ok: false; message: string };
type Plan<R> = { next: State; result: R } | { next?: undefined; result: R | Refusal };

interface State {
  profiles: ReadonlyMap<string, ServerProfile>;
  activeId: string | null;
}

export interface ProfileStoreOptions {
  /** For the name of a set-aside bad file; tests pass a fixed clock. */
  now?: () => number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "Depo Sampah Ciliwung" → "depo-sampah-ciliwung"; ids stay readable in files and logs. */
function slug(name: unknown): string {
  const text = typeof name === 'string' ? name.slice(0, 200) : '';
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
  return base || 'server';
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function shortId(id: unknown): string {
  const text = typeof id === 'string' ? id : String(id);
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

export class ProfileStore {
  readonly path: string;
  private state: State = { profiles: new Map(), activeId: null };
  /** Changes run one at a time, so two saves cannot interleave their writes. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the file exists but could not be read: it is then never overwritten. */
  private unreadable: string | null = null;

  private constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.path = join(dataDir, PROFILES_FILE);
  }

  /** Loads the profiles; `notes` says what was wrong with the file, if anything, and what was done. */
  static async open(dataDir: string, options: ProfileStoreOptions = {}): Promise<{ store: ProfileStore; notes: string[] }> {
    const store = new ProfileStore(dataDir, options.now ?? Date.now);
    const notes = await store.load();
    return { store, notes };
  }

  list(): ServerProfile[] {
    return [...this.state.profiles.values()].map((profile) => structuredClone(profile));
  }

  get(id: string): ServerProfile | null {
    const profile = typeof id === 'string' ? this.state.profiles.get(id) : undefined;
    return profile ? structuredClone(profile) : null;
  }

  get activeId(): string | null {
    return this.state.activeId;
  }

  /** Creates a profile (no id: one is made from the name) or replaces the one with the given id. */
  save(input: ProfileInput): Promise<ProfileResult> {
    return this.change<ProfileResult>((state) => {
      if (!isRecord(input)) return { result: { ok: false, message: 'A server profile must be an object of settings.' } };
      const { id: givenId, password: _password, demo, ...fields } = input;
      const existing = typeof givenId === 'string' ? state.profiles.get(givenId) : undefined;
      const candidate = {
        ...fields,
        email: fields.email ?? null,
        id: givenId ?? this.newId(fields.name, state),
        demo: demo ?? existing?.demo ?? false,
      };
      const parsed = ServerProfileSchema.safeParse(candidate);
      if (!parsed.success) {
        const message = describeProfileIssues(parsed.error.issues, candidate, (field) => LABELS[field] ?? field);
        return { result: { ok: false, message } };
      }
      const profiles = new Map(state.profiles).set(parsed.data.id, parsed.data);
      return { next: { ...state, profiles }, result: { ok: true, profile: structuredClone(parsed.data) } };
    });
  }

  remove(id: string): Promise<ProfileChange> {
    return this.change<ProfileChange>((state) => {
      if (typeof id !== 'string' || !state.profiles.has(id)) return { result: this.unknown(id) };
      const profiles = new Map(state.profiles);
      profiles.delete(id);
      return { next: { profiles, activeId: state.activeId === id ? null : state.activeId }, result: { ok: true } };
    });
  }

  /** Chooses the profile to connect with; `null` chooses none. */
  setActive(id: string | null): Promise<ProfileChange> {
    return this.change<ProfileChange>((state) => {
      if (id !== null && (typeof id !== 'string' || !state.profiles.has(id))) return { result: this.unknown(id) };
      return { next: { ...state, activeId: id }, result: { ok: true } };
    });
  }

  private unknown(id: unknown): Refusal {
    return { ok: false, message: `There is no server profile with the id '${shortId(id)}'; it may have been removed.` };
  }

  private newId(name: unknown, state: State): string {
    const base = slug(name);
    for (;;) {
      const id = `${base}-${randomBytes(3).toString('hex')}`;
      if (!state.profiles.has(id)) return id;
    }
  }

  /**
   * Runs one change: `plan` either refuses (a result only) or proposes the next state, which is
   * written to disk before it becomes the store's state. A failed write changes nothing.
   */
  private change<R>(plan: (state: State) => Plan<R>): Promise<R | Refusal> {
    const run = async (): Promise<R | Refusal> => {
      if (this.unreadable) return { ok: false, message: this.unreadable };
      const { next, result } = plan(this.state);
      if (!next) return result;
      try {
        await this.write(next);
      } catch (error) {
        return { ok: false, message: `The profiles could not be saved to ${this.path}: ${reasonOf(error)}` };
      }
      this.state = next;
      return result;
    };
    const done = this.queue.then(run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async write(state: State): Promise<void> {
    const file = { version: FORMAT_VERSION, activeId: state.activeId, profiles: [...state.profiles.values()] };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
  }

  private async load(): Promise<string[]> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      this.unreadable = `The saved server profiles could not be read from ${this.path} (${reasonOf(error)}), so they are not overwritten: fix the file's permissions and restart.`;
      return [this.unreadable];
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.setAside('is not valid JSON', { profiles: new Map(), activeId: null });
    }
    const file = ProfilesFileSchema.safeParse(json);
    if (!file.success) {
      return this.setAside(`is not a version ${FORMAT_VERSION} profiles file`, { profiles: new Map(), activeId: null });
    }

    const profiles = new Map<string, ServerProfile>();
    let invalid = 0;
    for (const entry of file.data.profiles) {
      const parsed = ServerProfileSchema.safeParse(entry);
      if (parsed.success && !profiles.has(parsed.data.id)) profiles.set(parsed.data.id, parsed.data);
      else invalid++;
    }
    const wanted = file.data.activeId ?? null;
    const activeId = wanted !== null && profiles.has(wanted) ? wanted : null;
    const state = { profiles, activeId };
    if (invalid > 0) {
      const total = file.data.profiles.length;
      return this.setAside(`had ${invalid} of ${total} profiles invalid or repeated; the ${profiles.size} valid ones were kept`, state);
    }
    this.state = state;
    if (wanted !== activeId) {
      return ['The server profile chosen last time no longer exists; choose one to connect.'];
    }
    return [];
  }

  /**
   * Keeps the bad file beside the good one (for the operator, or a bug report) and writes what was
   * valid in its place, so the next start is clean.
   */
  private async setAside(problem: string, state: State): Promise<string[]> {
    this.state = state;
    const badPath = `${this.path}.bad-${stamp(this.now())}`;
    try {
      await fsp.rename(this.path, badPath);
    } catch (error) {
      return [`${this.path} ${problem}, and it could not be set aside: ${reasonOf(error)}`];
    }
    const notes = [`${this.path} ${problem}; the original was kept as ${badPath}.`];
    try {
      await this.write(state);
    } catch (error) {
      notes.push(`The cleaned profiles could not be written: ${reasonOf(error)}`);
    }
    return notes;
  }
}
