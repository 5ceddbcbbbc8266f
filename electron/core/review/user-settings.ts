import { randomUUID } from 'node:crypto';
import { type Stamp, type User, UserSchema } from '../../../shared/model/review';
import type { Clock, Logger, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';

/**
 * The person at this machine, kept in the settings file. What is stored is checked when read: a
 * hand-edited or damaged entry reads as "no user yet" (the first-run dialog asks again) rather
 * than stamping sign-offs with garbage or failing every status change.
 */
export class UserSettings {
  constructor(
    private readonly settings: SettingsStore<AppSettings>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  user(): User | null {
    const stored = this.settings.get('user');
    if (stored === undefined || stored === null) return null;
    const parsed = UserSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.logger.warn('user in settings is not valid; asking for the name again');
    return null;
  }

  save(user: User): User {
    const clean = UserSchema.parse(user);
    this.settings.set('user', clean);
    return clean;
  }

  /** Made once and kept: the hand-off tells machines apart by it, so it must not change between runs. */
  installId(): string {
    const stored = this.settings.get('installId');
    if (typeof stored === 'string' && stored.length > 0 && stored.length <= 64) return stored;
    const made = randomUUID();
    this.settings.set('installId', made);
    return made;
  }

  /** The stamp for something done now by this user; null when nobody has said who they are. */
  stamp(): Stamp | null {
    const user = this.user();
    return user === null ? null : { name: user.name, initials: user.initials, at: this.clock.now().toISOString() };
  }
}
