import { describe, expect, it } from 'vitest';
import { steppingClock } from '../drafts/testing';
import { memorySettings, recordingLogger } from '../settings/settings-testing';
import { UserSettings } from './user-settings';

describe('the user in settings', () => {
  it('is null until saved, then read back cleaned (trimmed)', () => {
    const settings = memorySettings();
    const users = new UserSettings(settings, steppingClock(), recordingLogger());
    expect(users.user()).toBeNull();
    expect(users.stamp()).toBeNull();
    expect(users.save({ name: '  Ana Ruiz ', initials: 'AR' })).toEqual({ name: 'Ana Ruiz', initials: 'AR' });
    expect(users.user()).toEqual({ name: 'Ana Ruiz', initials: 'AR' });
    expect(users.stamp()).toEqual({ name: 'Ana Ruiz', initials: 'AR', at: '2025-06-01T09:00:00.000Z' });
  });

  it('reads a damaged entry as no user, and says so in the log', () => {
    const logger = recordingLogger();
    for (const damaged of [{ name: '', initials: 'AR' }, 'Ana', { name: 'Ana', initials: 'TOOLONG' }, 42]) {
      const users = new UserSettings(memorySettings({ user: damaged }), steppingClock(), logger);
      expect(users.user()).toBeNull();
    }
    expect(logger.warnings).toHaveLength(4);
  });

  it('refuses to save a name that is not valid', () => {
    const users = new UserSettings(memorySettings(), steppingClock(), recordingLogger());
    expect(() => users.save({ name: 'Ana', initials: 'A R' })).toThrow();
    expect(users.user()).toBeNull();
  });

  it('makes the install id once and keeps it', () => {
    const settings = memorySettings();
    const first = new UserSettings(settings, steppingClock(), recordingLogger()).installId();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(new UserSettings(settings, steppingClock(), recordingLogger()).installId()).toBe(first);
    expect(settings.values.get('installId')).toBe(first);
  });
});
