import type { WordPressProfileView } from '../../../shared/model/settings';
import { AppFailure } from '../../../shared/ipc/result';
import type { Secrets, SettingsStore } from '../ports';
import type { WordPressCredentials } from '../publishing/wordpress/wordpress-client';
import { WORDPRESS_PASSWORD_SECRET, type AppSettings } from './app-settings';

/**
 * The one WordPress site of the walking skeleton: address and user name in settings, the
 * application password in the secret store. The renderer only ever learns `hasPassword`.
 */
export class WordPressProfile {
  constructor(
    private readonly settings: SettingsStore<AppSettings>,
    private readonly secrets: Secrets,
  ) {}

  async view(): Promise<WordPressProfileView | null> {
    const site = this.settings.get('wordpress');
    if (!site) return null;
    const password = await this.secrets.get(WORDPRESS_PASSWORD_SECRET);
    return { ...site, hasPassword: password !== undefined, passwordPersisted: this.secrets.persistent };
  }

  async save(input: { siteUrl: string; username: string; applicationPassword?: string | undefined }): Promise<WordPressProfileView> {
    const previous = this.settings.get('wordpress');
    this.settings.set('wordpress', { siteUrl: input.siteUrl, username: input.username });
    if (input.applicationPassword !== undefined) {
      await this.secrets.set(WORDPRESS_PASSWORD_SECRET, normalisePassword(input.applicationPassword));
    } else if (previous && (previous.siteUrl !== input.siteUrl || previous.username !== input.username)) {
      // A stored password belongs to one user on one site: never send it to another.
      await this.secrets.delete(WORDPRESS_PASSWORD_SECRET);
    }
    const view = await this.view();
    if (!view) throw new AppFailure('INTERNAL', 'The WordPress settings could not be stored.');
    return view;
  }

  /** Credentials from a form, falling back to the stored password for the same site and user. */
  async credentialsFrom(input: { siteUrl: string; username: string; applicationPassword?: string | undefined }): Promise<WordPressCredentials> {
    if (input.applicationPassword !== undefined) {
      return { siteUrl: input.siteUrl, username: input.username, applicationPassword: normalisePassword(input.applicationPassword) };
    }
    const stored = this.settings.get('wordpress');
    if (stored && stored.siteUrl === input.siteUrl && stored.username === input.username) {
      return this.storedCredentials();
    }
    throw new AppFailure('NOT_CONFIGURED', 'Enter the application password for this site and user.');
  }

  async storedCredentials(): Promise<WordPressCredentials> {
    const site = this.settings.get('wordpress');
    if (!site) throw new AppFailure('NOT_CONFIGURED', 'No WordPress site is set up yet. Add one in Settings.');
    const password = await this.secrets.get(WORDPRESS_PASSWORD_SECRET);
    if (password === undefined) {
      throw new AppFailure('NOT_CONFIGURED', 'The WordPress application password is missing. Enter it again in Settings.');
    }
    return { ...site, applicationPassword: password };
  }
}

/** WordPress shows application passwords in groups of four; both forms work, store one. */
const normalisePassword = (value: string): string => value.trim();
