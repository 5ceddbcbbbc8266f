import { randomUUID } from 'node:crypto';
import {
  type CmsProfile,
  type CmsProfileInput,
  CmsProfileInputSchema,
  type CmsProfileView,
  needsSecret,
  type ProfilesSettings,
  ProfilesSettingsSchema,
  WordPressCmsProfileSchema,
} from '../../../shared/model/cms-profiles';
import { WordPressSettingsSchema } from '../../../shared/model/settings';
import { AppFailure } from '../../../shared/ipc/result';
import { type Clock, type Logger, type Secrets, type SettingsStore, silentLogger, systemClock } from '../ports';
import { type AppSettings, WORDPRESS_PASSWORD_SECRET } from './app-settings';

export interface CmsProfilesOptions {
  /** Where the "Local folder" profile of a fresh install publishes. */
  defaultFolder: string;
  logger?: Logger;
  clock?: Clock;
}

/** The secret store's name for a profile's password, key or token. */
export const profileSecretName = (id: string): string => `cms-profile.${id}.secret`;

/**
 * Which address and account a stored secret was given for. A secret belongs to exactly this:
 * when it changes, the secret is deleted rather than sent to another site or user.
 */
function secretOwner(profile: CmsProfile): string {
  switch (profile.kind) {
    case 'wordpress':
      return `wordpress ${profile.siteUrl} ${profile.username}`;
    case 'ghost':
      return `ghost ${profile.adminUrl}`;
    case 'http':
      // A bearer token used as an HMAC key (or the reverse) is the wrong secret, too.
      return `http ${profile.endpointUrl} ${profile.authKind}`;
    case 'folder':
      return `folder ${profile.folder}`;
  }
}

/**
 * The desk's CMS profiles: the non-secret parts in settings (`cmsProfiles`), each secret in the
 * secret store under its profile id. Views say whether a secret is stored, never what it is;
 * `secretOf` is for building adapters only. On first use it moves the old single WordPress site
 * into a profile, or creates the "Local folder" default so publishing works before any CMS is set up.
 */
export class CmsProfiles {
  private ready: Promise<ProfilesSettings> | undefined;
  /** Changes run one at a time: each reads, then writes settings and secrets. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly logger: Logger;
  private readonly clock: Clock;

  constructor(
    private readonly settings: SettingsStore<AppSettings>,
    private readonly secrets: Secrets,
    private readonly options: CmsProfilesOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? systemClock;
  }

  async list(): Promise<CmsProfileView[]> {
    const state = await this.serial(() => this.state());
    return Promise.all(state.profiles.map((profile) => this.viewOf(profile)));
  }

  async get(id: string): Promise<CmsProfileView | undefined> {
    const profile = (await this.serial(() => this.state())).profiles.find((candidate) => candidate.id === id);
    return profile ? this.viewOf(profile) : undefined;
  }

  async defaultProfileId(): Promise<string> {
    return (await this.serial(() => this.state())).defaultProfileId;
  }

  /** For adapters only: never put this in a view, a log line or an answer to the renderer. */
  async secretOf(id: string): Promise<string | undefined> {
    await this.serial(() => this.state());
    return this.secrets.get(profileSecretName(id));
  }

  /** The whole profile (no secret), for building its adapter. */
  async profile(id: string): Promise<CmsProfile | undefined> {
    return (await this.serial(() => this.state())).profiles.find((candidate) => candidate.id === id);
  }

  /**
   * A profile as typed in the form, with the secret to test it with: the one typed, or else the
   * stored one when the form still names the same address and account (never another's).
   */
  async candidate(input: CmsProfileInput): Promise<{ profile: CmsProfile; secret: string | undefined }> {
    const { secret, id, fields } = this.parse(input);
    const profile = { ...fields, id: id ?? randomUUID() } as CmsProfile;
    if (secret !== undefined || id === undefined || !needsSecret(profile.kind)) return { profile, secret };
    const previous = await this.profile(id);
    const sameAccount = previous !== undefined && secretOwner(previous) === secretOwner(profile);
    return { profile, secret: sameAccount ? await this.secrets.get(profileSecretName(id)) : undefined };
  }

  /** Adds (no id) or replaces a profile. Without a secret the stored one is kept only for the same address and account. */
  async save(input: CmsProfileInput): Promise<CmsProfileView> {
    const { secret, id: givenId, fields } = this.parse(input);
    const saved = await this.serial(async () => {
      const state = await this.state();
      const previous = givenId === undefined ? undefined : state.profiles.find((profile) => profile.id === givenId);
      if (givenId !== undefined && !previous) throw new AppFailure('NOT_FOUND', 'This CMS profile no longer exists.');
      const profile = { ...fields, id: givenId ?? randomUUID() } as CmsProfile;
      const secretName = profileSecretName(profile.id);
      if (typeof secret === 'string' && needsSecret(profile.kind)) {
        await this.secrets.set(secretName, secret);
      } else if (previous && (secretOwner(previous) !== secretOwner(profile) || !needsSecret(profile.kind))) {
        // A stored secret belongs to one address and account: never send it to another.
        await this.secrets.delete(secretName);
      }
      const profiles = previous
        ? state.profiles.map((candidate) => (candidate.id === profile.id ? profile : candidate))
        : [...state.profiles, profile];
      this.write({ ...state, profiles });
      return profile;
    });
    return this.viewOf(saved);
  }

  /** Deletes a profile and its secret. The last profile stays; deleting the default makes the first other one the default. */
  async delete(id: string): Promise<void> {
    await this.serial(async () => {
      const state = await this.state();
      if (!state.profiles.some((profile) => profile.id === id)) throw new AppFailure('NOT_FOUND', 'This CMS profile no longer exists.');
      const profiles = state.profiles.filter((profile) => profile.id !== id);
      const [first] = profiles;
      if (!first) {
        throw new AppFailure('INVALID_INPUT', 'This is the only CMS profile, so it cannot be deleted. Add another one first.');
      }
      const defaultProfileId = state.defaultProfileId === id ? first.id : state.defaultProfileId;
      // Settings first: a crash after it leaves an orphan secret, never a profile without its secret.
      this.write({ profiles, defaultProfileId });
      await this.secrets.delete(profileSecretName(id));
    });
  }

  async setDefault(id: string): Promise<void> {
    await this.serial(async () => {
      const state = await this.state();
      if (!state.profiles.some((profile) => profile.id === id)) throw new AppFailure('NOT_FOUND', 'This CMS profile no longer exists.');
      this.write({ ...state, defaultProfileId: id });
    });
  }

  private parse(input: CmsProfileInput) {
    const parsed = CmsProfileInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppFailure('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'The profile is not complete.');
    }
    const { secret, id, ...fields } = parsed.data;
    return { secret: typeof secret === 'string' ? secret : undefined, id: typeof id === 'string' ? id : undefined, fields };
  }

  private async viewOf(profile: CmsProfile): Promise<CmsProfileView> {
    const hasSecret = needsSecret(profile.kind) && (await this.secrets.get(profileSecretName(profile.id))) !== undefined;
    return { ...profile, hasSecret, secretPersisted: this.secrets.persistent };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private write(state: ProfilesSettings): void {
    // Parsed again so nothing that would be refused on the next start is ever written.
    this.settings.set('cmsProfiles', ProfilesSettingsSchema.parse(state));
  }

  /** The current profiles; the first call checks the stored ones, migrates and seeds. */
  private state(): Promise<ProfilesSettings> {
    this.ready ??= this.firstUse().catch((error: unknown) => {
      this.ready = undefined; // a failed first use (secret store refused) is tried again next time
      throw error;
    });
    return this.ready.then(() => this.stored() ?? this.fail());
  }

  private stored(): ProfilesSettings | undefined {
    const parsed = ProfilesSettingsSchema.safeParse(this.settings.get('cmsProfiles'));
    return parsed.success ? parsed.data : undefined;
  }

  private fail(): never {
    throw new AppFailure('INTERNAL', 'The CMS profiles could not be stored in the settings file.');
  }

  private async firstUse(): Promise<ProfilesSettings> {
    let state = this.storedOrKeptAside();
    state = await this.migrateWordPress(state);
    if (!state) {
      const id = randomUUID();
      state = { profiles: [{ kind: 'folder', id, name: 'Local folder', folder: this.options.defaultFolder }], defaultProfileId: id };
      this.write(state);
    }
    return state;
  }

  /** Stored profiles that fail the schema are moved aside (with when), logged without their content, and not used. */
  private storedOrKeptAside(): ProfilesSettings | undefined {
    const raw = this.settings.get('cmsProfiles');
    if (raw === undefined) return undefined;
    const parsed = ProfilesSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const earlier = this.settings.get('cmsProfilesDamaged');
    const kept = Array.isArray(earlier) ? earlier : earlier === undefined ? [] : [earlier];
    this.settings.set('cmsProfilesDamaged', [...kept, { keptAt: this.clock.now().toISOString(), value: raw }]);
    this.settings.delete('cmsProfiles');
    this.logger.warn('stored CMS profiles are not valid; kept them under cmsProfilesDamaged and started afresh', {
      problems: parsed.error.issues.length,
    });
    return undefined;
  }

  /**
   * The walking skeleton's one WordPress site (`wordpress` + WORDPRESS_PASSWORD_SECRET) becomes a
   * profile. Safe to repeat after a crash halfway: a profile for the same site and user is reused.
   */
  private async migrateWordPress(state: ProfilesSettings | undefined): Promise<ProfilesSettings | undefined> {
    const old = this.settings.get('wordpress');
    if (old === undefined) return state;
    const site = WordPressSettingsSchema.safeParse(old);
    if (!site.success) {
      // Not usable as a profile, but not ours to throw away either: left where it is.
      this.logger.warn('the old WordPress settings are not valid; they were not moved into a CMS profile');
      return state;
    }
    const { siteUrl, username } = site.data;
    const existing = state?.profiles.find((p) => p.kind === 'wordpress' && p.siteUrl === siteUrl && p.username === username);
    const profile: CmsProfile = existing ?? WordPressCmsProfileSchema.parse({ kind: 'wordpress', id: randomUUID(), name: wordPressName(siteUrl), siteUrl, username });
    const password = await this.secrets.get(WORDPRESS_PASSWORD_SECRET);
    const newName = profileSecretName(profile.id);
    if (password !== undefined && (await this.secrets.get(newName)) === undefined) await this.secrets.set(newName, password);
    // The migrated site was where every story went so far, so it stays the default.
    const next: ProfilesSettings = existing && state ? state : { profiles: [...(state?.profiles ?? []), profile], defaultProfileId: state?.defaultProfileId ?? profile.id };
    this.write(next);
    this.settings.delete('wordpress');
    await this.secrets.delete(WORDPRESS_PASSWORD_SECRET);
    this.logger.info('moved the WordPress site into a CMS profile', { profileId: profile.id });
    return next;
  }
}

const wordPressName = (siteUrl: string): string => `WordPress (${new URL(siteUrl).host})`.slice(0, 80);
