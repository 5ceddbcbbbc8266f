import { z } from 'zod';
import { SiteUrlSchema } from './settings';

/**
 * CMS profiles (issue 5): several places a story can be published to, one of them the default,
 * chosen per draft. A profile holds only what may sit in the settings file and reach the
 * renderer; its secret (password, API key, token) lives in the system's secret store under the
 * profile's id and is never part of these shapes.
 */

export const CMS_KINDS = ['wordpress', 'ghost', 'http', 'folder'] as const;
export type CmsKind = (typeof CMS_KINDS)[number];

const ProfileNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the profile a name the desk will recognise.')
  .max(80, 'Keep the profile name under 80 characters.');

const common = { id: z.uuid(), name: ProfileNameSchema };

export const WordPressCmsProfileSchema = z.object({
  kind: z.literal('wordpress'),
  ...common,
  siteUrl: SiteUrlSchema,
  username: z.string().trim().min(1, 'Enter the WordPress user name.').max(200),
});

export const GhostCmsProfileSchema = z.object({
  kind: z.literal('ghost'),
  ...common,
  adminUrl: SiteUrlSchema,
});

export const HttpAuthKindSchema = z.enum(['bearer', 'hmac']);
export type HttpAuthKind = z.infer<typeof HttpAuthKindSchema>;

export const HttpCmsProfileSchema = z.object({
  kind: z.literal('http'),
  ...common,
  endpointUrl: SiteUrlSchema,
  /** Bearer: the secret is sent as a token. HMAC: the secret signs each request and is never sent. */
  authKind: HttpAuthKindSchema,
});

export const FolderCmsProfileSchema = z.object({
  kind: z.literal('folder'),
  ...common,
  /** An absolute path on this computer; the shell checks it exists when publishing. */
  folder: z.string().trim().min(1, 'Choose a folder to publish into.').max(4_096),
});

export const CmsProfileSchema = z.discriminatedUnion('kind', [
  WordPressCmsProfileSchema,
  GhostCmsProfileSchema,
  HttpCmsProfileSchema,
  FolderCmsProfileSchema,
]);
export type CmsProfile = z.infer<typeof CmsProfileSchema>;

/** What the renderer may see: whether a secret is stored, never the secret itself. */
const secretState = {
  hasSecret: z.boolean(),
  /** False when the system has no real secret store: the secret is kept for this session only. */
  secretPersisted: z.boolean(),
};

export const CmsProfileViewSchema = z.discriminatedUnion('kind', [
  WordPressCmsProfileSchema.extend(secretState),
  GhostCmsProfileSchema.extend(secretState),
  HttpCmsProfileSchema.extend(secretState),
  FolderCmsProfileSchema.extend(secretState),
]);
export type CmsProfileView = z.infer<typeof CmsProfileViewSchema>;

/** A password, key or token as typed or pasted; surrounding spaces are never part of it. */
const SecretSchema = z.string().trim().min(1, 'Enter the password or key.').max(4_096);

/** Ghost's Admin API key: a 24-hex-digit id, a colon, a long hex secret (see ghost-jwt.ts). */
const GhostKeySchema = SecretSchema.regex(
  /^[0-9a-f]{24}:(?:[0-9a-f]{2}){16,}$/i,
  'This is not a Ghost Admin API key. Copy the “Admin API key” of a custom integration in Ghost (Settings → Integrations).',
);

/** A new profile has no id yet; leaving `secret` out keeps the stored one (when it still applies). */
const inputOf = <T extends z.ZodObject>(schema: T, secret: z.ZodString) =>
  schema.extend({ id: z.uuid().optional(), secret: secret.optional() });

export const CmsProfileInputSchema = z.discriminatedUnion('kind', [
  inputOf(WordPressCmsProfileSchema, SecretSchema),
  inputOf(GhostCmsProfileSchema, GhostKeySchema),
  inputOf(HttpCmsProfileSchema, SecretSchema),
  // A folder needs no secret; one given is refused rather than stored for nothing.
  FolderCmsProfileSchema.extend({ id: z.uuid().optional(), secret: z.undefined().optional() }),
]);
export type CmsProfileInput = z.input<typeof CmsProfileInputSchema>;

/** The settings entry: every profile (non-secret parts) and which one new drafts use. */
export const ProfilesSettingsSchema = z
  .object({
    profiles: z.array(CmsProfileSchema).min(1),
    defaultProfileId: z.uuid(),
  })
  .refine((value) => new Set(value.profiles.map((profile) => profile.id)).size === value.profiles.length, {
    message: 'Two CMS profiles share one id.',
  })
  .refine((value) => value.profiles.some((profile) => profile.id === value.defaultProfileId), {
    message: 'The default CMS profile is not in the list.',
    path: ['defaultProfileId'],
  });
export type ProfilesSettings = z.infer<typeof ProfilesSettingsSchema>;

/** Which kinds keep a secret (a folder needs none). */
export const needsSecret = (kind: CmsKind): boolean => kind !== 'folder';
