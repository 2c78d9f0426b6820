import { promises as fsp } from 'node:fs';
import { writeFileAtomic } from './atomic-file';

/**
 * Where the sign-in token is kept, apart from the profiles. Each store says plainly how safe it
 * is (`description`, `encrypted`) so the app can tell the operator instead of pretending. The
 * keychain-backed store (Electron safeStorage) lives in the shell; these two run in plain Node.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** How the secrets are kept, in words for the operator. */
  readonly description: string;
  readonly encrypted: boolean;
}

const MAX_KEY_LENGTH = 200;
const MAX_VALUE_LENGTH = 64 * 1024;

/** Keys and values come from the app's own code; a wrong one is a bug, so it throws. */
function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new TypeError(`A secret key must be text of 1 to ${MAX_KEY_LENGTH} characters.`);
  }
}

function checkValue(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) {
    throw new TypeError(`A secret must be text of at most ${MAX_VALUE_LENGTH} characters.`);
  }
}

/** For tests, the demo fleet and a hub run without a data folder: forgotten when the app ends. */
export class MemorySecretStore implements SecretStore {
  readonly description: string = 'kept in memory only, and forgotten when the app closes';
  readonly encrypted: boolean = false;
  private readonly secrets = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    checkKey(key);
    return this.secrets.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    checkKey(key);
    checkValue(value);
    this.secrets.set(key, value);
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    this.secrets.delete(key);
  }
}

const PRIVATE_MODE = 0o600;

/**
 * Secrets in a JSON file only the user's account can read (mode 0600), for where no keychain is
 * available (the hub on a server, Linux without a secret service). Not encrypted, and it says so.
 */
export class FileSecretStore implements SecretStore {
  readonly encrypted: boolean = false;
  /** One operation at a time, so two writes cannot lose each other's key. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    readonly description: string = 'stored in a file readable only by your user account',
  ) {}

  async get(key: string): Promise<string | null> {
    checkKey(key);
    return this.serially(async () => (await this.read()).get(key) ?? null);
  }

  async set(key: string, value: string): Promise<void> {
    checkKey(key);
    checkValue(value);
    return this.serially(async () => {
      const secrets = await this.read();
      secrets.set(key, value);
      await this.write(secrets);
    });
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    return this.serially(async () => {
      const secrets = await this.read();
      if (secrets.delete(key)) await this.write(secrets);
    });
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const done = this.queue.then(operation);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * A missing file holds nothing. A damaged one is read as empty too: the only loss is a sign-in,
   * and the next write replaces it with a good file.
   */
  private async read(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    await this.restrict();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new Map();
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return new Map();
    return new Map(Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  /** Someone (a backup tool, a copy) may have widened the mode: narrow it again. */
  private async restrict(): Promise<void> {
    if (process.platform === 'win32') return;
    const { mode } = await fsp.stat(this.path);
    if ((mode & 0o077) !== 0) await fsp.chmod(this.path, PRIVATE_MODE);
  }

  private async write(secrets: Map<string, string>): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(Object.fromEntries(secrets)), PRIVATE_MODE);
  }
}
