import type { MethodInput } from '../../../shared/ipc/contract';
import { ApplicationPasswordSchema, WordPressSettingsSchema } from '../../../shared/model/settings';

export interface WordPressFormValues {
  siteUrl: string;
  username: string;
  applicationPassword: string;
}

type WordPressInput = MethodInput<'settings.saveWordPress'>;

export type FormRead = { ok: true; value: WordPressInput } | { ok: false; message: string };

/**
 * Checks the form with the same schemas the main side uses, so the journalist sees "Enter the
 * site address." rather than the router's technical INVALID_INPUT text. An empty password means
 * "keep the stored one" and is left out of the request.
 */
export function readWordPressForm(values: WordPressFormValues, requirePassword: boolean): FormRead {
  const settings = WordPressSettingsSchema.safeParse({ siteUrl: values.siteUrl, username: values.username });
  if (!settings.success) return { ok: false, message: settings.error.issues[0]?.message ?? 'Check the form.' };
  if (values.applicationPassword.trim() === '') {
    return requirePassword
      ? { ok: false, message: 'Enter the application password.' }
      : { ok: true, value: settings.data };
  }
  const password = ApplicationPasswordSchema.safeParse(values.applicationPassword);
  if (!password.success) return { ok: false, message: password.error.issues[0]?.message ?? 'Check the password.' };
  return { ok: true, value: { ...settings.data, applicationPassword: password.data } };
}
