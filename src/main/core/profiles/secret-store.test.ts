import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, MemorySecretStore, type SecretStore } from './secret-store';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvm-secrets-'));
  path = join(dir, 'nested', 'secrets.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}

describe.each<[string, () => SecretStore]>([
  ['MemorySecretStore', () => new MemorySecretStore()],
  ['FileSecretStore', () => new FileSecretStore(path)],
])('%s', (_, create) => {
  it('sets, gets and deletes secrets', async () => {
    const store = create();
    expect(await store.get('token:pusat')).toBeNull();
    await store.set('token:pusat', '12|abcdef');
    await store.set('token:depok', '13|ghijkl');
    expect(await store.get('token:pusat')).toBe('12|abcdef');
    await store.delete('token:pusat');
    await store.delete('token:never-set');
    expect(await store.get('token:pusat')).toBeNull();
    expect(await store.get('token:depok')).toBe('13|ghijkl');
  });

  it('says plainly that it does not encrypt', () => {
    const store = create();
    expect(store.encrypted).toBe(false);
    expect(store.description.length).toBeGreaterThan(10);
  });

  it('refuses keys and values that are not text', async () => {
    const store = create();
    await expect(store.set('', 'x')).rejects.toThrow(/secret key/);
    await expect(store.get(42 as unknown as string)).rejects.toThrow(/secret key/);
    await expect(store.set('token', { value: 1 } as unknown as string)).rejects.toThrow(/must be text/);
  });

  it('keeps a key named __proto__ as an ordinary key', async () => {
    const store = create();
    await store.set('__proto__', 'odd but harmless');
    expect(await store.get('__proto__')).toBe('odd but harmless');
    expect(await store.get('constructor')).toBeNull();
  });
});

describe('FileSecretStore', () => {
  it('describes itself as a file only the user can read', () => {
    expect(new FileSecretStore(path).description).toBe('stored in a file readable only by your user account');
  });

  it.skipIf(process.platform === 'win32')('creates the file with mode 0600', async () => {
    await new FileSecretStore(path).set('token', 'value');
    expect(modeOf(path)).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('narrows a widened mode back to 0600', async () => {
    const store = new FileSecretStore(path);
    await store.set('token', 'value');
    chmodSync(path, 0o644);
    expect(await store.get('token')).toBe('value');
    expect(modeOf(path)).toBe(0o600);
  });

  it('keeps its secrets for the next run, and writes atomically', async () => {
    await new FileSecretStore(path).set('token', 'value');
    expect(await new FileSecretStore(path).get('token')).toBe('value');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['secrets.json']);
  });

  it('loses no key when writes overlap', async () => {
    const store = new FileSecretStore(path);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.set(`token:${index}`, `value ${index}`)));
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')))).toHaveLength(10);
  });

  it('reads a damaged file as empty and replaces it on the next write', async () => {
    await new FileSecretStore(path).set('token', 'value');
    writeFileSync(path, '{"token": "val');
    const store = new FileSecretStore(path);
    expect(await store.get('token')).toBeNull();
    await store.set('token', 'fresh');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ token: 'fresh' });
  });

  it('ignores entries that are not text', async () => {
    await new FileSecretStore(path).set('token', 'value');
    writeFileSync(path, JSON.stringify({ token: 5, other: 'kept' }));
    const store = new FileSecretStore(path);
    expect(await store.get('token')).toBeNull();
    expect(await store.get('other')).toBe('kept');
  });
});
