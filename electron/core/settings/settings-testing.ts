import type { Logger, SettingsStore } from '../ports';
import type { AppSettings } from './app-settings';

/** Test support: settings in memory, with the map exposed so a test can see what was written. */
export function memorySettings(initial: Partial<AppSettings> = {}): SettingsStore<AppSettings> & { values: Map<keyof AppSettings, unknown> } {
  const values = new Map<keyof AppSettings, unknown>(Object.entries(initial) as Array<[keyof AppSettings, unknown]>);
  return {
    values,
    get: (key) => values.get(key) as never,
    set: (key, value) => void values.set(key, value),
    has: (key) => values.has(key),
    delete: (key) => void values.delete(key),
  };
}

/** Test support: a logger that keeps its warnings (messages, and each with its fields in `warned`). */
export function recordingLogger(): Logger & { warnings: string[]; warned: Array<{ message: string; context: unknown }> } {
  const warnings: string[] = [];
  const warned: Array<{ message: string; context: unknown }> = [];
  return {
    warnings,
    warned,
    info() {},
    error() {},
    warn: (message, context) => {
      warnings.push(message);
      warned.push({ message, context });
    },
  };
}
