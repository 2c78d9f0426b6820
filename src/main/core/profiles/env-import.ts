import { DEFAULT_TIMEZONE, isTimeZone } from '../../../shared/profiles';
import { describeProfileIssues, ProfileDraftSchema, quoted, ruleFor, type ProfileDraft } from './profile-draft';

/**
 * Reads the connection settings out of a Laravel `.env` file (or text pasted from one) into a
 * profile draft. The file is read the way Laravel's dotenv reads it; the Reverb secret is never
 * copied anywhere, and no note or message ever quotes a line of the file.
 */

export type EnvImportResult = { ok: true; draft: ProfileDraft; notes: string[] } | { ok: false; message: string };

export const MAX_ENV_BYTES = 1024 * 1024;
const MAX_VALUE_LENGTH = 64 * 1024;
const MAX_NOTES = 50;

/** Keys whose values must never leave this module. */
const SECRET_KEYS = new Set(['REVERB_APP_SECRET', 'VITE_REVERB_APP_SECRET']);
const KEY = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const REFERENCE = /\$\{([A-Za-z0-9_.]+)\}/y;
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  f: '\f',
  v: '\v',
  '"': '"',
  '\\': '\\',
  $: '$',
};

interface Entry {
  value: string;
  line: number;
}

interface Parsed {
  entries: Map<string, Entry>;
  notes: string[];
}

/**
 * A value as it is read, capped: `${A}${A}${A}…` over a large A must not grow without bound.
 */
class ValueBuilder {
  text = '';
  overflowed = false;

  add(piece: string): void {
    if (this.overflowed) return;
    if (this.text.length + piece.length > MAX_VALUE_LENGTH) this.overflowed = true;
    else this.text += piece;
  }
}

/** Names in notes come from the file: they matched KEY, but may still be long. */
function named(key: string): string {
  return key.length > 64 ? `${key.slice(0, 64)}…` : key;
}

class DotenvReader {
  private readonly entries = new Map<string, Entry>();
  private readonly notes: string[] = [];
  private unnoted = 0;
  private readonly lines: string[];
  private index = 0;

  constructor(text: string) {
    this.lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  }

  read(): Parsed {
    while (this.index < this.lines.length) {
      const line = this.index + 1;
      const text = this.lines[this.index++].trim();
      if (text === '' || text.startsWith('#')) continue;
      this.readAssignment(text.replace(/^export\s+/, ''), line);
    }
    if (this.unnoted > 0) this.notes.push(`…and ${this.unnoted} more notes like these.`);
    return { entries: this.entries, notes: this.notes };
  }

  private note(line: number, text: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(`Line ${line}: ${text}`);
    else this.unnoted++;
  }

  private readAssignment(text: string, line: number): void {
    const equals = text.indexOf('=');
    if (equals < 0) {
      this.note(line, 'no "=" in it, so it was skipped.');
      return;
    }
    const key = text.slice(0, equals).trim();
    if (!KEY.test(key)) {
      this.note(line, 'the setting name is not a valid one (letters, digits and _ only), so it was skipped.');
      return;
    }
    const rest = text.slice(equals + 1).trimStart();
    const value = new ValueBuilder();
    if (rest.startsWith('"') || rest.startsWith("'")) {
      if (!this.readQuoted(rest, key, line, value)) return;
    } else this.readUnquoted(rest, key, line, value);
    if (value.overflowed) {
      this.note(line, `${named(key)} grows beyond 64 KB once its references are filled in, so it was skipped.`);
      return;
    }
    const earlier = this.entries.get(key);
    if (earlier) this.note(line, `${named(key)} is set again (first on line ${earlier.line}); the later value is used, as Laravel does.`);
    this.entries.set(key, { value: value.text, line });
  }

  private readUnquoted(rest: string, key: string, line: number, value: ValueBuilder): void {
    const comment = rest.search(/(^|\s)#/);
    const raw = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
    if (/\s/.test(raw)) {
      this.note(line, `${named(key)} has spaces but no quotes; Laravel refuses such a line, so put the value in double quotes.`);
    }
    let position = 0;
    while (position < raw.length && !value.overflowed) {
      const reference = raw.indexOf('${', position);
      if (reference < 0) {
        value.add(raw.slice(position));
        break;
      }
      REFERENCE.lastIndex = reference;
      const match = REFERENCE.exec(raw);
      value.add(raw.slice(position, match ? reference : reference + 2));
      if (match) value.add(this.resolve(match[1], key, line));
      position = match ? reference + match[0].length : reference + 2;
    }
  }

  /**
   * A quoted value may run over several lines; false when its closing quote never comes (then only
   * its first line is skipped). Lines are scanned one by one, never joined into one long string.
   */
  private readQuoted(rest: string, key: string, line: number, value: ValueBuilder): boolean {
    const quote = rest[0];
    const startIndex = this.index;
    let text = rest;
    let position = 1;
    for (;;) {
      if (position >= text.length) {
        if (this.index >= this.lines.length) {
          this.index = startIndex;
          this.note(line, `the value of ${named(key)} opens a quote that is never closed, so it was skipped.`);
          return false;
        }
        text = this.lines[this.index++];
        position = 0;
        value.add('\n');
        continue;
      }
      const char = text[position];
      if (char === quote) break;
      if (quote === '"' && char === '\\' && position + 1 < text.length) {
        const next = text[position + 1];
        value.add(ESCAPES[next] ?? `\\${next}`);
        position += 2;
        continue;
      }
      if (quote === '"' && char === '$') {
        REFERENCE.lastIndex = position;
        const match = REFERENCE.exec(text);
        if (match) {
          value.add(this.resolve(match[1], key, line));
          position += match[0].length;
          continue;
        }
      }
      value.add(char);
      position++;
    }
    const after = text.slice(position + 1).trim();
    if (after !== '' && !after.startsWith('#')) {
      this.note(line, `text after the closing quote of ${named(key)} was ignored.`);
    }
    return true;
  }

  /** `${NAME}` takes the value NAME has at that point of the file, as Laravel's dotenv does. */
  private resolve(name: string, key: string, line: number): string {
    if (SECRET_KEYS.has(name) && !SECRET_KEYS.has(key)) {
      this.note(line, `${named(key)} refers to the Reverb secret, which the control room never uses; it was read as empty.`);
      return '';
    }
    const entry = this.entries.get(name);
    if (entry) return entry.value;
    this.note(line, `${named(key)} refers to \${${named(name)}}, which is not set above it; it was read as empty.`);
    return '';
  }
}

/** One setting read for the profile, with the key it came from, for messages. */
interface Setting {
  key: string;
  value: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]']);

function stripTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

class ProfileBuilder {
  private readonly errors: string[] = [];
  private readonly notes: string[] = [];
  /** Every value consulted, to prove none of them carries the secret before anything is returned. */
  private readonly consulted: Setting[] = [];
  /** Which key each draft field came from, so a schema problem names the line to fix. */
  private readonly sources: Record<string, string> = {};

  constructor(private readonly entries: Map<string, Entry>) {}

  /** Laravel's env() reads `null` and `empty` (bare or in parentheses) as no value. */
  private setting(...keys: string[]): Setting | null {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const value = entry.value.trim();
      if (value === '' || /^\(?(null|empty)\)?$/i.test(value)) continue;
      const setting = { key, value };
      this.consulted.push(setting);
      return setting;
    }
    return null;
  }

  build(): EnvImportResult {
    const api = this.apiBaseUrl();
    const apiUrl = api ? new URL(api) : null;
    const scheme = this.scheme();
    const candidate = {
      name: this.profileName(apiUrl),
      apiBaseUrl: api ?? '',
      reverb: {
        key: this.required('reverb.key', 'REVERB_APP_KEY', 'VITE_REVERB_APP_KEY'),
        host: this.host(apiUrl),
        port: this.port(scheme),
        scheme: scheme ?? 'https',
      },
      authEndpoint: this.authEndpoint(apiUrl),
      timezone: this.timezone(),
      email: this.setting('RVM_EMAIL')?.value ?? null,
    };
    this.source('email', 'RVM_EMAIL');
    const password = this.entries.get('RVM_PASSWORD')?.value;
    if (password !== undefined && password !== '') this.consulted.push({ key: 'RVM_PASSWORD', value: password });

    const leaks = this.secretLeaks();
    if (leaks.length > 0) return { ok: false, message: leaks.join(' ') };
    if (this.errors.length === 0) {
      const parsed = ProfileDraftSchema.safeParse(candidate);
      if (parsed.success) {
        const draft: ProfileDraft = password ? { ...parsed.data, password } : parsed.data;
        if (password) {
          this.notes.push(
            password.length < 6
              ? 'RVM_PASSWORD is shorter than 6 characters; the platform refuses such passwords at sign-in.'
              : 'RVM_PASSWORD is used once to sign in and is never stored.',
          );
        }
        return { ok: true, draft, notes: this.notes };
      }
      this.errors.push(describeProfileIssues(parsed.error.issues, candidate, (field) => this.sources[field] ?? field));
    }
    return { ok: false, message: `The .env settings need fixing: ${this.errors.join(' ')}` };
  }

  private source(field: string, key: string): void {
    this.sources[field] = key;
  }

  private required(field: string, ...keys: string[]): string {
    const setting = this.setting(...keys);
    this.source(field, setting?.key ?? keys[0]);
    if (!setting) {
      this.errors.push(`${keys[0]} is missing${keys.length > 1 ? ` (and so is ${keys.slice(1).join(', ')})` : ''}.`);
      return '';
    }
    return setting.value;
  }

  private apiBaseUrl(): string | null {
    const explicit = this.setting('RVM_API_URL');
    const setting = explicit ?? this.setting('APP_URL');
    if (!setting) {
      this.errors.push('RVM_API_URL is missing, and there is no APP_URL to derive it from: set RVM_API_URL=https://your-server/api/v2.');
      return null;
    }
    this.source('apiBaseUrl', setting.key);
    const url = `${stripTrailingSlashes(setting.value)}${explicit ? '' : '/api/v2'}`;
    if (!ProfileDraftSchema.shape.apiBaseUrl.safeParse(url).success) {
      this.errors.push(`${setting.key} ${ruleFor('apiBaseUrl')}, not ${quoted(setting.value)}.`);
      return null;
    }
    if (!explicit) this.notes.push(`RVM_API_URL is not set: using APP_URL + /api/v2 (${url}).`);
    if (LOOPBACK_HOSTS.has(new URL(url).hostname)) {
      this.notes.push(`The API address is ${new URL(url).hostname}, which only reaches a server on this same computer.`);
    }
    return url;
  }

  private scheme(): 'http' | 'https' | null {
    const setting = this.setting('REVERB_SCHEME', 'VITE_REVERB_SCHEME');
    this.source('reverb.scheme', setting?.key ?? 'REVERB_SCHEME');
    if (!setting) {
      this.notes.push('REVERB_SCHEME is not set: using https, as Laravel does.');
      return 'https';
    }
    const scheme = setting.value.toLowerCase();
    if (scheme === 'http' || scheme === 'https') return scheme;
    this.errors.push(`${setting.key} ${ruleFor('reverb.scheme')}, not ${quoted(setting.value)}.`);
    return null;
  }

  private port(scheme: 'http' | 'https' | null): number {
    const setting = this.setting('REVERB_PORT', 'VITE_REVERB_PORT');
    this.source('reverb.port', setting?.key ?? 'REVERB_PORT');
    if (!setting) {
      const port = scheme === 'http' ? 80 : 443;
      if (scheme) this.notes.push(`REVERB_PORT is not set: using ${port}, the ${scheme} default (the platform usually runs Reverb on 8080).`);
      return port;
    }
    const port = /^\d{1,5}$/.test(setting.value) ? Number(setting.value) : Number.NaN;
    if (port >= 1 && port <= 65535) return port;
    this.errors.push(`${setting.key} ${ruleFor('reverb.port')}, not ${quoted(setting.value)}.`);
    return 0;
  }

  private host(apiUrl: URL | null): string {
    const setting = this.setting('REVERB_HOST', 'VITE_REVERB_HOST');
    this.source('reverb.host', setting?.key ?? 'REVERB_HOST');
    if (!setting) {
      if (apiUrl) {
        this.notes.push(`REVERB_HOST is not set: using the API's host, ${apiUrl.hostname}.`);
        return apiUrl.hostname;
      }
      this.errors.push('REVERB_HOST is missing.');
      return '';
    }
    let host = setting.value.toLowerCase();
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host) && URL.canParse(host)) {
      host = new URL(host).hostname;
      this.notes.push(`${setting.key} should be a host name without scheme or path: using ${host}.`);
    } else if (/^[0-9a-f:]+$/.test(host) && host.includes(':')) {
      host = `[${host}]`;
    }
    if (WILDCARD_HOSTS.has(host)) {
      if (!apiUrl) return host;
      this.notes.push(
        `${setting.key} is ${host}, the address Reverb listens on rather than one to connect to: using the API's host, ${apiUrl.hostname}.`,
      );
      return apiUrl.hostname;
    }
    if (LOOPBACK_HOSTS.has(host)) {
      this.notes.push(
        `${setting.key} is ${host}, which only reaches a Reverb server on this same computer; from another computer, use the server's name or address.`,
      );
    }
    return host;
  }

  /**
   * The stock platform authorises channels at /broadcasting/auth behind the browser-session guard,
   * which refuses bearer tokens; a server that registers the route with auth:sanctum usually puts it
   * under /api. So that is the guess, and the note names the server-side fix.
   */
  private authEndpoint(apiUrl: URL | null): string {
    const setting = this.setting('RVM_AUTH_ENDPOINT');
    const fix =
      "The stock platform's /broadcasting/auth refuses bearer tokens: private channels need the route registered with " +
      "auth:sanctum (Laravel 12: withBroadcasting(…, ['prefix' => 'api', 'middleware' => ['api', 'auth:sanctum']]) in " +
      'bootstrap/app.php). Until then the app works on the public channels.';
    if (setting) {
      this.source('authEndpoint', setting.key);
      const endpoint = setting.value.startsWith('/') && apiUrl ? new URL(setting.value, apiUrl.origin).href : setting.value;
      if (endpoint !== setting.value) this.notes.push(`RVM_AUTH_ENDPOINT is a path: using ${endpoint}.`);
      if (URL.canParse(endpoint) && new URL(endpoint).pathname === '/broadcasting/auth') this.notes.push(fix);
      return endpoint;
    }
    this.source('authEndpoint', this.sources.apiBaseUrl ?? 'RVM_API_URL');
    if (!apiUrl) return '';
    const base = stripTrailingSlashes(apiUrl.pathname).replace(/\/api\/v2$/i, '');
    const endpoint = `${apiUrl.origin}${base}/api/broadcasting/auth`;
    this.notes.push(`RVM_AUTH_ENDPOINT is not set: private channels will be authorised at ${endpoint}. ${fix}`);
    return endpoint;
  }

  private timezone(): string {
    const setting = this.setting('RVM_TIMEZONE', 'APP_TIMEZONE');
    this.source('timezone', setting?.key ?? 'RVM_TIMEZONE');
    if (!setting) return DEFAULT_TIMEZONE;
    if (!isTimeZone(setting.value)) {
      this.errors.push(`${setting.key} ${ruleFor('timezone')}, not ${quoted(setting.value)}.`);
      return setting.value;
    }
    if (setting.key === 'APP_TIMEZONE' && /^(utc|etc\/utc)$/i.test(setting.value)) {
      this.notes.push(
        `Times will be shown in ${setting.value} (from APP_TIMEZONE, Laravel's default); set RVM_TIMEZONE=Asia/Jakarta to show WIB.`,
      );
    }
    return setting.value;
  }

  /** APP_NAME, unless it is still Laravel's stock "Laravel"; else the server's host name. */
  private profileName(apiUrl: URL | null): string {
    const appName = this.setting('APP_NAME');
    this.source('name', appName?.key ?? 'APP_NAME');
    if (appName && appName.value.toLowerCase() !== 'laravel') return appName.value.slice(0, 100).trim();
    return apiUrl?.hostname ?? 'MyRVM server';
  }

  /**
   * The secret is never copied; this makes sure it did not slip in through another key either
   * (pasted into the wrong line, or `${REVERB_APP_SECRET}` written in another setting).
   */
  private secretLeaks(): string[] {
    const secrets = [...SECRET_KEYS].map((key) => this.entries.get(key)?.value ?? '').filter((value) => value !== '');
    const leaks = new Set<string>();
    for (const { key, value } of this.consulted) {
      if (secrets.some((secret) => (secret.length >= 8 ? value.includes(secret) : value === secret))) leaks.add(key);
    }
    return [...leaks].map(
      (key) => `${key} holds the Reverb secret (REVERB_APP_SECRET). The control room never uses the secret: set ${key} to its own value.`,
    );
  }
}

export function importLaravelEnv(text: string): EnvImportResult {
  if (typeof text !== 'string') return { ok: false, message: 'The .env content must be text.' };
  if (text.length > MAX_ENV_BYTES || Buffer.byteLength(text, 'utf8') > MAX_ENV_BYTES) {
    return {
      ok: false,
      message: 'The .env text is larger than 1 MB; a Laravel .env is a few kilobytes, so check that the right file was chosen.',
    };
  }
  const { entries, notes } = new DotenvReader(text).read();
  if (entries.size === 0) {
    return { ok: false, message: 'No settings were found: this does not look like a Laravel .env file (KEY=value lines).' };
  }
  const result = new ProfileBuilder(entries).build();
  if (!result.ok) return result;
  const secretNote = [...SECRET_KEYS].some((key) => entries.has(key))
    ? ['The Reverb secret was ignored: the control room never needs it.']
    : [];
  return { ok: true, draft: result.draft, notes: [...notes, ...secretNote, ...result.notes] };
}
