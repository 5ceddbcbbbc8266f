import type { Secrets } from './ports';

/**
 * Secrets held for this session only: the app's fallback when the system has no real secret
 * store (it says so to the user), and the e2e host's store.
 */
export class MemorySecrets implements Secrets {
  readonly persistent = false;
  private readonly values = new Map<string, string>();

  async get(name: string): Promise<string | undefined> {
    return this.values.get(name);
  }

  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }
}
