import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from './safe-storage-secret-store';

/** A keychain stand-in: reversible, and visibly not the plain text. */
function keychain(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString(),
  };
}

describe('the token store of the desktop app', () => {
  it('encrypts with the keychain and never writes the token in clear', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rvm-secrets-')), 'secrets.json');
    const store = SafeStorageSecretStore.create(keychain(true), file, 'linux');
    expect(store.encrypted).toBe(true);
    await store.set('token:demo', '12|plain-token-value');
    expect(await store.get('token:demo')).toBe('12|plain-token-value');
    expect(readFileSync(`${file}.enc`, 'utf8')).not.toContain('plain-token-value');
    await store.delete('token:demo');
    expect(await store.get('token:demo')).toBeNull();
  });

  it.each([
    ['no encryption at all', keychain(false)],
    ['the basic_text fallback of Linux', keychain(true, 'basic_text')],
  ])('says plainly when the system offers %s', async (_label, safeStorage) => {
    const file = join(mkdtempSync(join(tmpdir(), 'rvm-secrets-')), 'secrets.json');
    const store = SafeStorageSecretStore.create(safeStorage, file, 'linux');
    expect(store.encrypted).toBe(false);
    expect(store.description).toMatch(/not encrypted/);
    await store.set('token:demo', 'abc');
    expect(await store.get('token:demo')).toBe('abc');
  });

  it('treats a token the keychain can no longer open as absent', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rvm-secrets-')), 'secrets.json');
    const broken = { ...keychain(true), decryptString: () => { throw new Error('keychain changed'); } };
    const store = SafeStorageSecretStore.create(broken, file, 'darwin');
    await store.set('token:demo', 'abc');
    expect(await store.get('token:demo')).toBeNull();
  });
});
