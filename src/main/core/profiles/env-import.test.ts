import { describe, expect, it } from 'vitest';
import { ServerProfileSchema } from '../../../shared/profiles';
import { importLaravelEnv, type EnvImportResult } from './env-import';

const SECRET = 'n7yq0xkz4vbd2wmc8rtl';

/** The Reverb part of a stock Laravel 12 `.env` after `php artisan install:broadcasting`. */
const STOCK = `APP_NAME=Laravel
APP_ENV=local
APP_KEY=base64:Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=
APP_DEBUG=true
APP_TIMEZONE=UTC
APP_URL=http://localhost

# Broadcasting
BROADCAST_CONNECTION=reverb

REVERB_APP_ID=418207
REVERB_APP_KEY=kx9a1uqgq2y7hwzscl0m
REVERB_APP_SECRET=${SECRET}
REVERB_HOST="localhost"
REVERB_PORT=8080
REVERB_SCHEME=http

VITE_APP_NAME="\${APP_NAME}"
VITE_REVERB_APP_KEY="\${REVERB_APP_KEY}"
VITE_REVERB_HOST="\${REVERB_HOST}"
VITE_REVERB_PORT="\${REVERB_PORT}"
VITE_REVERB_SCHEME="\${REVERB_SCHEME}"
`;

/** A complete file for the app, to which a test adds or overrides lines (later lines win). */
const SERVER = `APP_NAME="MyRVM Pusat"
RVM_API_URL=https://rvm.example.id/api/v2
REVERB_APP_KEY=kx9a1uqgq2y7hwzscl0m
REVERB_HOST=ws.example.id
REVERB_PORT=443
REVERB_SCHEME=https
`;

function imported(text: string): Extract<EnvImportResult, { ok: true }> {
  const result = importLaravelEnv(text);
  if (!result.ok) throw new Error(`expected a draft, got: ${result.message}`);
  return result;
}

function refused(text: string): string {
  const result = importLaravelEnv(text);
  if (result.ok) throw new Error(`expected a refusal, got a draft: ${JSON.stringify(result.draft)}`);
  return result.message;
}

describe('importLaravelEnv: the stock Laravel .env', () => {
  it('reads the Reverb settings and derives the API and auth addresses', () => {
    const result = imported(STOCK);
    expect(result.draft).toEqual({
      name: 'localhost',
      apiBaseUrl: 'http://localhost/api/v2',
      reverb: { key: 'kx9a1uqgq2y7hwzscl0m', host: 'localhost', port: 8080, scheme: 'http' },
      authEndpoint: 'http://localhost/api/broadcasting/auth',
      timezone: 'UTC',
      email: null,
    });
  });

  it('says what it guessed, what it ignored and what the server needs', () => {
    const notes = imported(STOCK).notes.join('\n');
    expect(notes).toContain('The Reverb secret was ignored: the control room never needs it.');
    expect(notes).toMatch(/RVM_API_URL is not set: using APP_URL/);
    expect(notes).toMatch(/REVERB_HOST is localhost, which only reaches a Reverb server on this same computer/);
    expect(notes).toMatch(/\/broadcasting\/auth refuses bearer tokens.*auth:sanctum/);
    expect(notes).toMatch(/set RVM_TIMEZONE=Asia\/Jakarta/);
  });

  it('never lets the secret out, in a draft, a note or a refusal', () => {
    expect(JSON.stringify(importLaravelEnv(STOCK))).not.toContain(SECRET);
    const withCopy = `${STOCK}VITE_REVERB_APP_SECRET="\${REVERB_APP_SECRET}"\n`;
    expect(JSON.stringify(importLaravelEnv(withCopy))).not.toContain(SECRET);
    expect(JSON.stringify(importLaravelEnv(`${STOCK}REVERB_PORT=abc\n`))).not.toContain(SECRET);
  });

  it('does not let the secret in through another setting', () => {
    const referenced = imported(`${STOCK}RVM_EMAIL="\${REVERB_APP_SECRET}"\n`);
    expect(referenced.draft.email).toBeNull();
    expect(referenced.notes.join('\n')).toMatch(/RVM_EMAIL refers to the Reverb secret/);
    expect(JSON.stringify(referenced)).not.toContain(SECRET);

    const pasted = importLaravelEnv(`${STOCK}REVERB_APP_KEY=${SECRET}\nREVERB_PORT=${SECRET}\n`);
    expect(pasted.ok).toBe(false);
    expect(JSON.stringify(pasted)).not.toContain(SECRET);
    expect((pasted as { message: string }).message).toMatch(/REVERB_APP_KEY holds the Reverb secret/);
    expect((pasted as { message: string }).message).toMatch(/REVERB_PORT holds the Reverb secret/);
  });
});

describe('importLaravelEnv: dotenv syntax', () => {
  it('reads the VITE_REVERB_* copies when the originals are missing, with ${} interpolation', () => {
    const text = `APP_URL=https://rvm.example.id
WS_HOST=ws.example.id
VITE_REVERB_APP_KEY=vitekey
VITE_REVERB_HOST="\${WS_HOST}"
VITE_REVERB_PORT=8443
VITE_REVERB_SCHEME=https
`;
    expect(imported(text).draft.reverb).toEqual({ key: 'vitekey', host: 'ws.example.id', port: 8443, scheme: 'https' });
  });

  it('handles quotes, escapes, comments, export, spaces around =, CRLF and a BOM', () => {
    const text = [
      '\uFEFF# a comment line',
      '   ',
      `export ${SERVER.trim().split('\n').join('\r\nexport ')}`,
      'REVERB_APP_KEY = "k\\"ey\\\\1\\$x"   # the key',
      "RVM_EMAIL='ops#1@${HOST}'",
      'REVERB_PORT=8080 # Reverb port',
      'RVM_TIMEZONE="Asia/Makassar"#no space needed after a quote',
    ].join('\r\n');
    const { draft } = imported(text);
    expect(draft.reverb.key).toBe('k"ey\\1$x');
    expect(draft.email).toBe('ops#1@${HOST}');
    expect(draft.reverb.port).toBe(8080);
    expect(draft.timezone).toBe('Asia/Makassar');
  });

  it('reads a quoted value over several lines and keeps a # inside quotes', () => {
    const { draft } = imported(`${SERVER}APP_NAME="Pusat\n# not a comment\nJakarta"\nRVM_EMAIL="a#b@example.id"\n`);
    expect(draft.name).toBe('Pusat\n# not a comment\nJakarta');
    expect(draft.email).toBe('a#b@example.id');
  });

  it('reports unparseable lines by number and carries on, never quoting them', () => {
    const text = `${SERVER}this line has no equals sign\n9LIVES=cat\nRVM_EMAIL="never closed\nRVM_TIMEZONE=Asia/Jayapura\n`;
    const result = imported(text);
    expect(result.draft.timezone).toBe('Asia/Jayapura');
    expect(result.draft.email).toBeNull();
    const notes = result.notes.join('\n');
    expect(notes).toMatch(/^Line 7: no "=" in it/m);
    expect(notes).toMatch(/^Line 8: the setting name is not a valid one/m);
    expect(notes).toMatch(/^Line 9: the value of RVM_EMAIL opens a quote that is never closed/m);
    expect(notes).not.toContain('this line has no equals sign');
  });

  it('notes a reference to a setting that is not defined above, and reads it as empty', () => {
    const result = imported(`${SERVER}RVM_EMAIL="\${LATER}@example.id"\nLATER=ops\n`);
    expect(result.draft.email).toBe('@example.id');
    expect(result.notes.join('\n')).toMatch(/RVM_EMAIL refers to \$\{LATER\}, which is not set above it/);
  });

  it('uses the later of two definitions, as Laravel does, and says so', () => {
    const result = imported(`${SERVER}REVERB_PORT=6001\n`);
    expect(result.draft.reverb.port).toBe(6001);
    expect(result.notes.join('\n')).toMatch(/Line 7: REVERB_PORT is set again \(first on line 5\)/);
  });

  it('reads null and empty as no value, as Laravel env() does', () => {
    expect(imported(`${SERVER}REVERB_PORT=null\n`).draft.reverb.port).toBe(443);
    expect(imported(`${SERVER}RVM_EMAIL=(empty)\n`).draft.email).toBeNull();
  });

  it('notes an unquoted value with spaces, which Laravel itself would refuse', () => {
    const result = imported(`${SERVER}APP_NAME=RVM Pusat\n`);
    expect(result.draft.name).toBe('RVM Pusat');
    expect(result.notes.join('\n')).toMatch(/APP_NAME has spaces but no quotes/);
  });
});

describe('importLaravelEnv: hostile files', () => {
  it('skips a value that references would blow up, instead of building it', () => {
    const refs = '${A}'.repeat(100);
    const result = imported(`${SERVER}A=${'x'.repeat(10_000)}\nB=${refs}\nRVM_EMAIL="${refs}"\n`);
    expect(result.draft.email).toBeNull();
    expect(result.notes.filter((note) => /grows beyond 64 KB/.test(note))).toHaveLength(2);
  });

  it('keeps the notes short for a file full of bad lines', () => {
    const lines = Array.from({ length: 40_000 }, (_, index) => `not a setting ${index}`);
    const result = imported(`${SERVER}${lines.join('\n')}\n`);
    expect(result.notes.filter((note) => note.startsWith('Line '))).toHaveLength(50);
    expect(result.notes).toContain('…and 39950 more notes like these.');
  });

  it('carries on past a ${ that is not a reference', () => {
    expect(imported(`${SERVER}USER=ops\nRVM_EMAIL=\${oops\${USER}@example.id\n`).draft.email).toBe('${oops' + 'ops@example.id');
  });
});

describe('importLaravelEnv: the control room settings', () => {
  it('takes RVM_* settings as given, and the password only for the draft', () => {
    const text = `${SERVER}RVM_API_URL=https://rvm.example.id/api/v2/
RVM_AUTH_ENDPOINT=https://rvm.example.id/api/broadcasting/auth
RVM_EMAIL=operator@example.id
RVM_PASSWORD="s3cret pass"
RVM_TIMEZONE=Asia/Jakarta
`;
    const { draft } = imported(text);
    expect(draft).toEqual({
      name: 'MyRVM Pusat',
      apiBaseUrl: 'https://rvm.example.id/api/v2',
      reverb: { key: 'kx9a1uqgq2y7hwzscl0m', host: 'ws.example.id', port: 443, scheme: 'https' },
      authEndpoint: 'https://rvm.example.id/api/broadcasting/auth',
      timezone: 'Asia/Jakarta',
      email: 'operator@example.id',
      password: 's3cret pass',
    });
    const profile = ServerProfileSchema.parse({ ...draft, id: 'pusat-1a2b3c', demo: false });
    expect(profile).not.toHaveProperty('password');
  });

  it('defaults the time zone to Asia/Jakarta and the port to the scheme default', () => {
    const https = imported(SERVER.replace('REVERB_PORT=443\n', ''));
    expect(https.draft.timezone).toBe('Asia/Jakarta');
    expect(https.draft.reverb.port).toBe(443);
    expect(https.notes.join('\n')).toMatch(/REVERB_PORT is not set: using 443/);
    const http = imported(SERVER.replace('REVERB_PORT=443\n', '').replace('REVERB_SCHEME=https', 'REVERB_SCHEME=HTTP'));
    expect(http.draft.reverb).toMatchObject({ port: 80, scheme: 'http' });
  });

  it('keeps the derived auth endpoint under a sub-path install', () => {
    const { draft } = imported(SERVER.replace('https://rvm.example.id/api/v2', 'https://example.id/myrvm/api/v2'));
    expect(draft.authEndpoint).toBe('https://example.id/myrvm/api/broadcasting/auth');
  });

  it('completes a relative auth endpoint and warns about the stock session-only route', () => {
    const result = imported(`${SERVER}RVM_AUTH_ENDPOINT=/broadcasting/auth\n`);
    expect(result.draft.authEndpoint).toBe('https://rvm.example.id/broadcasting/auth');
    expect(result.notes.join('\n')).toMatch(/refuses bearer tokens/);
  });

  it('replaces a listen-all REVERB_HOST with the API host, and strips a scheme from it', () => {
    const wildcard = imported(`${SERVER}REVERB_HOST=0.0.0.0\n`);
    expect(wildcard.draft.reverb.host).toBe('rvm.example.id');
    expect(wildcard.notes.join('\n')).toMatch(/REVERB_HOST is 0\.0\.0\.0, the address Reverb listens on/);
    expect(imported(`${SERVER}REVERB_HOST=https://ws.example.id:8080/app\n`).draft.reverb.host).toBe('ws.example.id');
    expect(imported(`${SERVER}REVERB_HOST=fd00::7\n`).draft.reverb.host).toBe('[fd00::7]');
  });

  it('keeps markup in a name as plain text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    expect(imported(`${SERVER}APP_NAME="${markup}"\n`).draft.name).toBe(markup);
  });
});

describe('importLaravelEnv: what it refuses', () => {
  it.each([
    ['abc', "REVERB_PORT must be a number from 1 to 65535, not 'abc'."],
    ['70000', "REVERB_PORT must be a number from 1 to 65535, not '70000'."],
    ['0', "REVERB_PORT must be a number from 1 to 65535, not '0'."],
    ['80.5', "REVERB_PORT must be a number from 1 to 65535, not '80.5'."],
  ])('a bad port %s, naming the key to fix', (port, expected) => {
    expect(refused(`${SERVER}REVERB_PORT=${port}\n`)).toContain(expected);
  });

  it('names the VITE_ copy when that is where the bad value came from', () => {
    expect(refused(SERVER.replace('REVERB_PORT=443', 'VITE_REVERB_PORT=port'))).toContain(
      "VITE_REVERB_PORT must be a number from 1 to 65535, not 'port'.",
    );
  });

  it('lists every missing piece at once', () => {
    const message = refused('REVERB_HOST=ws.example.id\nREVERB_SCHEME=https\n');
    expect(message).toMatch(/RVM_API_URL is missing, and there is no APP_URL/);
    expect(message).toMatch(/REVERB_APP_KEY is missing \(and so is VITE_REVERB_APP_KEY\)/);
  });

  it.each([
    ['RVM_API_URL=ftp://rvm.example.id/api/v2', /RVM_API_URL must be a full http:\/\/ or https:\/\/ address/],
    ['REVERB_SCHEME=wss', /REVERB_SCHEME must be http or https, not 'wss'/],
    ['RVM_TIMEZONE=Mars/Olympus', /RVM_TIMEZONE must be an IANA time zone such as Asia\/Jakarta, not 'Mars\/Olympus'/],
    ['REVERB_HOST="ws example"', /REVERB_HOST must be a host name or address/],
    [`RVM_EMAIL=${'e'.repeat(300)}`, /RVM_EMAIL must be at most 254 characters, not 'e{40}…'/],
    ['RVM_AUTH_ENDPOINT=auth', /RVM_AUTH_ENDPOINT must be a full http:\/\/ or https:\/\/ address/],
  ])('%s', (line, expected) => {
    expect(refused(`${SERVER}${line}\n`)).toMatch(expected);
  });

  it('refuses more than 1 MB, something that is not text, and text without settings', () => {
    expect(refused(`${SERVER}#${'x'.repeat(1024 * 1024)}`)).toMatch(/larger than 1 MB/);
    expect(refused(`${SERVER}#${'é'.repeat(600 * 1024)}`)).toMatch(/larger than 1 MB/);
    expect(refused(42 as unknown as string)).toMatch(/must be text/);
    expect(refused('# only comments\n\n')).toMatch(/No settings were found/);
  });
});
