/**
 * What the settings file holds: preferences and CMS profiles, never drafts, never secrets.
 * A `type`, not an `interface`: electron-store's generic needs an index-compatible shape.
 */
export type AppSettings = {
  wordpress?: { siteUrl: string; username: string };
  /** Checked against HouseProfileSchema when read: a hand-edited file cannot break publishing. */
  houseProfile?: unknown;
  /** CMS profiles (ProfilesSettingsSchema), checked when read; secrets are never here. */
  cmsProfiles?: unknown;
  /** Stored profiles that no longer parsed, kept aside (not thrown away) for a person to look at. */
  cmsProfilesDamaged?: unknown;
  /** The desk's own story templates (TemplateSchema[], checked when read); a damaged list is kept aside in templatesDamaged. */
  templates?: unknown;
  templatesDamaged?: unknown;
  /** The drafts folder the journalist chose (absolute path); absent: drafts live in the data folder. */
  draftsFolder?: string;
  /** Who is at this machine (UserSchema, checked when read: a damaged entry reads as no user, so first run asks again). */
  user?: unknown;
  /** A random id made once per install: tells two machines apart in a shared drafts folder's hand-off. */
  installId?: string;
};

export const WORDPRESS_PASSWORD_SECRET = 'wordpress.applicationPassword';
