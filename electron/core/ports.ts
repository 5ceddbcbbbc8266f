import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';

/**
 * What the core needs from the outside world. The shell gives it Electron-backed versions; tests
 * give it real temp folders, `conf` and in-memory secrets. No `electron` import below this line.
 */

/** A small key-value settings store: electron-store in the app, `conf` in tests. */
export interface SettingsStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K] | undefined;
  set<K extends keyof T>(key: K, value: T[K]): void;
  has(key: keyof T): boolean;
  delete(key: keyof T): void;
}

/** Secrets (CMS passwords): the OS secret store in the app, memory in tests. */
export interface Secrets {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** False when the system has no real secret store, so secrets live for this session only. */
  readonly persistent: boolean;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Tells every window something happened (the shell sends it over the event channel). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
