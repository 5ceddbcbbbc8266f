/**
 * What the settings file holds: preferences and CMS profiles, never drafts, never secrets.
 * A `type`, not an `interface`: electron-store's generic needs an index-compatible shape.
 */
export type AppSettings = {
  wordpress?: { siteUrl: string; username: string };
};

export const WORDPRESS_PASSWORD_SECRET = 'wordpress.applicationPassword';
