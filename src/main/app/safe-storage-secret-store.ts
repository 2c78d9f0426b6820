import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/profiles/secret-store';
import { FileSecretStore } from '../core/profiles/secret-store';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

const NO_KEYCHAIN =
  'not encrypted: this system offers no keychain (install and unlock gnome-keyring or kwallet to change that), so the token is kept in a file readable only by your user account';

/**
 * Tokens encrypted with the operating system's keychain (Keychain, DPAPI, libsecret/kwallet) via
 * Electron's safeStorage, sealed values kept in a private file. Where the system offers no
 * encryption, it says so plainly and keeps the token in a file only this user may read.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly encrypted = true;
  readonly description = 'encrypted with your operating system’s keychain';

  private constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly sealed: FileSecretStore,
  ) {}

  /** The keychain store when encryption is really available, otherwise an honest file store. */
  static create(safeStorage: SafeStorageLike, file: string, platform = process.platform): SecretStore {
    const backend = safeStorage.getSelectedStorageBackend?.();
    // On Linux without a secret service, Chromium falls back to a hard-coded key: that is not encryption.
    const weak = platform === 'linux' && (backend === 'basic_text' || backend === 'unknown');
    if (safeStorage.isEncryptionAvailable() && !weak) {
      return new SafeStorageSecretStore(safeStorage, new FileSecretStore(`${file}.enc`));
    }
    return new FileSecretStore(file, NO_KEYCHAIN);
  }

  async get(key: string): Promise<string | null> {
    const sealed = await this.sealed.get(key);
    if (sealed === null) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      // A keychain that changed (another user, a reinstalled OS) cannot open it: sign in again.
      return null;
    }
  }

  set(key: string, value: string): Promise<void> {
    return this.sealed.set(key, this.safeStorage.encryptString(value).toString('base64'));
  }

  delete(key: string): Promise<void> {
    return this.sealed.delete(key);
  }
}
