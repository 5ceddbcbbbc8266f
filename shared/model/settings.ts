import { z } from 'zod';

/** Only http(s) sites; the URL is normalised without a trailing slash. */
export const SiteUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the site address.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Enter the full site address, starting with https:// (or http://).')
  .transform((value) => value.replace(/\/+$/, ''));

export const WordPressSettingsSchema = z.object({
  siteUrl: SiteUrlSchema,
  username: z.string().trim().min(1, 'Enter the WordPress user name.').max(200),
});

export type WordPressSettings = z.infer<typeof WordPressSettingsSchema>;

/** What the renderer may know: never the password itself. */
export const WordPressProfileViewSchema = z.object({
  siteUrl: z.string(),
  username: z.string(),
  hasPassword: z.boolean(),
  /** False when the system has no secret store: the password is kept for this session only. */
  passwordPersisted: z.boolean(),
});

export type WordPressProfileView = z.infer<typeof WordPressProfileViewSchema>;

/** Application passwords are 24 letters and digits, often shown in groups of four. */
export const ApplicationPasswordSchema = z
  .string()
  .trim()
  .min(1, 'Enter the application password.')
  .max(200);
