import { safeStorage as electronSafeStorage, type SafeStorage } from 'electron';
import Store from 'electron-store';
import { AppFailure } from '../../shared/ipc/result';
import { MemorySecrets } from '../core/memory-secrets';
import { silentLogger, type Logger, type Secrets } from '../core/ports';

/**
 * CMS passwords at rest: encrypted by the OS secret store through `safeStorage`, kept as base64
 * ciphertext in their own file (`secrets.json`, owner-only), never next to the settings and
 * never in plaintext. Where the OS has no real secret store (Linux `basic_text`, which encrypts
 * with a hard-coded password, or no encryption at all) nothing is written: secrets live in
 * memory for this session and `persistent` is false, so the settings screen can say so.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SecretsOptions {
  /** Folder of `secrets.json`; electron-store's default is `app.getPath('userData')`. */
  cwd?: string;
  logger?: Logger;
  safeStorage?: SafeStorageLike;
  platform?: NodeJS.Platform;
}

/** One entry: the ciphertext and the backend that made it (it is not portable between them). */
type StoredSecret = { ciphertext: string; backend: string };
type SecretsFile = Record<string, StoredSecret>;

/** Linux back-ends that really protect a secret; anything else (`basic_text`, `unknown`) does not. */
const REAL_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/** Call after `app` is ready: before it, safeStorage cannot tell whether encryption works. */
export function createSecrets(options: SecretsOptions = {}): Secrets {
  const safeStorage = options.safeStorage ?? electronSafeStorage;
  const logger = options.logger ?? silentLogger;
  const platform = options.platform ?? process.platform;
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform;
  if (!encryptionAvailable(safeStorage) || (platform === 'linux' && !REAL_LINUX_BACKENDS.has(backend))) {
    logger.warn('no system secret store: CMS passwords are kept for this session only', { backend });
    return new MemorySecrets();
  }
  const store = new Store<SecretsFile>({
    name: 'secrets',
    // Secret names contain dots (`wordpress.applicationPassword`): keep them as flat keys.
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  return new SafeStorageSecrets(store, safeStorage, backend, logger);
}

function encryptionAvailable(safeStorage: SafeStorageLike): boolean {
  try {
    return safeStorage.isEncryptionAvailable();
  } catch {
    return false; // a keyring that errors is no keyring
  }
}

class SafeStorageSecrets implements Secrets {
  readonly persistent = true;

  constructor(
    private readonly store: Store<SecretsFile>,
    private readonly safeStorage: SafeStorageLike,
    private readonly backend: string,
    private readonly logger: Logger,
  ) {}

  async get(name: string): Promise<string | undefined> {
    const entry: unknown = this.store.get(name);
    if (entry === undefined) return undefined;
    try {
      const { ciphertext } = entry as StoredSecret;
      if (typeof ciphertext !== 'string') throw new TypeError('malformed entry');
      return this.safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
    } catch (error) {
      // A profile moved to another machine or a keyring switch (Signal-Desktop #7005, #7944):
      // the user re-enters the password; the app neither crashes nor falls back to plaintext.
      this.logger.warn('a stored secret could not be decrypted; treating it as missing', {
        name,
        storedWith: (entry as Partial<StoredSecret>).backend,
        backend: this.backend,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return undefined;
    }
  }

  async set(name: string, value: string): Promise<void> {
    let ciphertext: string;
    try {
      ciphertext = this.safeStorage.encryptString(value).toString('base64');
    } catch {
      throw new AppFailure('INTERNAL', 'The password could not be stored securely by the system. Please try again.');
    }
    this.store.set(name, { ciphertext, backend: this.backend });
  }

  async delete(name: string): Promise<void> {
    this.store.delete(name);
  }
}
