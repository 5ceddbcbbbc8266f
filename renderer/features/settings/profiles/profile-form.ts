import {
  CmsProfileInputSchema,
  needsSecret,
  type CmsKind,
  type CmsProfileInput,
  type CmsProfileView,
  type HttpAuthKind,
} from '../../../../shared/model/cms-profiles';
import type { ConnectionVerdictView } from '../../../../shared/model/publishing';

/**
 * The CMS profile form as typed, one flat record for every kind: switching the kind of a new
 * profile keeps what was typed, and only the fields of the chosen kind are read. The address is
 * one field because each kind has exactly one (site, Admin API or endpoint).
 */
export interface ProfileFormValues {
  kind: CmsKind;
  /** Absent for a profile not saved yet. */
  id?: string;
  name: string;
  url: string;
  username: string;
  authKind: HttpAuthKind;
  folder: string;
  /** Empty means "keep the stored one" (or none yet). */
  secret: string;
}

export type ProfileField = 'name' | 'url' | 'username' | 'authKind' | 'folder' | 'secret';

export const KIND_LABELS: Readonly<Record<CmsKind, string>> = {
  wordpress: 'WordPress',
  ghost: 'Ghost',
  http: 'Web endpoint (HTTP)',
  folder: 'Local folder',
};

export const AUTH_LABELS: Readonly<Record<HttpAuthKind, string>> = {
  bearer: 'Bearer token',
  hmac: 'HMAC signature',
};

/** The label of the address field per kind (the folder kind has a folder instead). */
export const URL_LABELS: Readonly<Record<Exclude<CmsKind, 'folder'>, string>> = {
  wordpress: 'Site address',
  ghost: 'Admin API URL',
  http: 'Endpoint URL',
};

export const SECRET_LABELS: Readonly<Record<Exclude<CmsKind, 'folder'>, string>> = {
  wordpress: 'Application password',
  ghost: 'Admin API key',
  http: 'Token or signing secret',
};

/** Which form fields a kind shows, in order. */
export function fieldsOf(kind: CmsKind): readonly ProfileField[] {
  switch (kind) {
    case 'wordpress':
      return ['name', 'url', 'username', 'secret'];
    case 'ghost':
      return ['name', 'url', 'secret'];
    case 'http':
      return ['name', 'url', 'authKind', 'secret'];
    case 'folder':
      return ['name', 'folder'];
  }
}

export const blankForm = (kind: CmsKind): ProfileFormValues => ({
  kind,
  name: '',
  url: '',
  username: '',
  authKind: 'bearer',
  folder: '',
  secret: '',
});

/** A stored profile in the form; the secret field starts empty, the stored secret never comes here. */
export function formFromView(view: CmsProfileView): ProfileFormValues {
  const values: ProfileFormValues = { ...blankForm(view.kind), id: view.id, name: view.name };
  switch (view.kind) {
    case 'wordpress':
      return { ...values, url: view.siteUrl, username: view.username };
    case 'ghost':
      return { ...values, url: view.adminUrl };
    case 'http':
      return { ...values, url: view.endpointUrl, authKind: view.authKind };
    case 'folder':
      return { ...values, folder: view.folder };
  }
}

export type ProfileFormRead =
  | { ok: true; value: CmsProfileInput }
  | { ok: false; field: ProfileField; message: string };

/** zod reports by the schema's key; the form has one address field for three of them. */
const FIELD_OF_KEY: Readonly<Record<string, ProfileField>> = {
  name: 'name',
  siteUrl: 'url',
  adminUrl: 'url',
  endpointUrl: 'url',
  username: 'username',
  authKind: 'authKind',
  folder: 'folder',
  secret: 'secret',
};

/**
 * Checks the form with the very schema the main side uses, so the journalist reads the same
 * words ("Enter the site address.") next to the field that is wrong instead of the router's
 * INVALID_INPUT. An empty secret is left out of the input: that is how the contract says "keep
 * the stored one", and the stored one is never sent back to be re-saved.
 */
export function readProfileForm(values: ProfileFormValues): ProfileFormRead {
  const raw: Record<string, unknown> = { kind: values.kind, name: values.name };
  if (values.id !== undefined) raw['id'] = values.id;
  switch (values.kind) {
    case 'wordpress':
      Object.assign(raw, { siteUrl: values.url, username: values.username });
      break;
    case 'ghost':
      raw['adminUrl'] = values.url;
      break;
    case 'http':
      Object.assign(raw, { endpointUrl: values.url, authKind: values.authKind });
      break;
    case 'folder':
      raw['folder'] = values.folder;
      break;
  }
  if (needsSecret(values.kind) && values.secret.trim() !== '') raw['secret'] = values.secret;
  const parsed = CmsProfileInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const key = typeof issue?.path[0] === 'string' ? issue.path[0] : '';
  return { ok: false, field: FIELD_OF_KEY[key] ?? 'name', message: issue?.message ?? 'Check the form.' };
}

/** Where a profile publishes to, for the list. */
export function destinationOf(view: CmsProfileView): string {
  switch (view.kind) {
    case 'wordpress':
      return view.siteUrl;
    case 'ghost':
      return view.adminUrl;
    case 'http':
      return view.endpointUrl;
    case 'folder':
      return view.folder;
  }
}

/** Whether the profile's secret is stored, in words for the list; null for a folder (it has none). */
export function secretStateText(view: CmsProfileView): string | null {
  if (view.kind === 'folder') return null;
  const noun = SECRET_LABELS[view.kind];
  if (!view.hasSecret) return `No ${noun.toLowerCase()} stored yet.`;
  return view.secretPersisted ? `${noun} stored.` : `${noun} kept until you quit.`;
}

export const SESSION_ONLY_WARNING =
  'This computer has no secure password store, so Newsroom keeps the password only until you quit.';

/** A connection test's outcome in plain words; the main side already words each failure. */
export function verdictText(verdict: ConnectionVerdictView): string {
  if (!verdict.ok) return verdict.message;
  const connected = `Connected as ${verdict.account}.`;
  return verdict.canPublish
    ? connected
    : `${connected} This account cannot publish posts: ask for an editor or administrator account.`;
}
