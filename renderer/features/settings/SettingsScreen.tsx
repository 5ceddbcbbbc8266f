import { useEffect, useId, useState, type FormEvent } from 'react';
import type { WordPressProfileView } from '../../../shared/model/settings';
import { call } from '../../api/client';
import { HouseRulesForm } from './HouseRulesForm';
import { readWordPressForm, type WordPressFormValues } from './wordpress-form';

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy'; text: string }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * WordPress connection settings. The stored password never comes back from the main side
 * (only `hasPassword`), so the field starts empty and "leave empty to keep" is the rule.
 */
export function SettingsScreen({ onBack, backLabel = 'Back to drafts' }: { onBack: () => void; backLabel?: string }) {
  const [profile, setProfile] = useState<WordPressProfileView | null>(null);
  const [values, setValues] = useState<WordPressFormValues>({ siteUrl: '', username: '', applicationPassword: '' });
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The form stays disabled until the stored values arrive, so nothing typed is overwritten. */
  const [loaded, setLoaded] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const ids = { site: useId(), user: useId(), password: useId() };

  useEffect(() => {
    let current = true;
    call('settings.getWordPress', {}).then(
      (view) => {
        if (!current) return;
        setProfile(view);
        if (view) setValues({ siteUrl: view.siteUrl, username: view.username, applicationPassword: '' });
        setLoaded(true);
      },
      (error: unknown) => {
        if (!current) return;
        setLoadError(errorText(error));
        setLoaded(true);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const set = (field: keyof WordPressFormValues) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    setOutcome({ kind: 'none' });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Saving without a password is allowed: the site and user name can be stored first.
    const input = readWordPressForm(values, false);
    if (!input.ok) return setOutcome({ kind: 'error', text: input.message });
    setOutcome({ kind: 'busy', text: 'Saving…' });
    try {
      const view = await call('settings.saveWordPress', input.value);
      setProfile(view);
      setValues({ siteUrl: view.siteUrl, username: view.username, applicationPassword: '' });
      setOutcome({ kind: 'ok', text: 'Settings saved.' });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  const test = async () => {
    // Testing needs a password: the one typed here, or the stored one.
    const input = readWordPressForm(values, !(profile?.hasPassword ?? false));
    if (!input.ok) return setOutcome({ kind: 'error', text: input.message });
    setOutcome({ kind: 'busy', text: 'Testing the connection…' });
    try {
      const result = await call('publishing.testWordPress', input.value);
      const text = result.canPublish
        ? `Connected as ${result.userDisplayName}`
        : `Connected as ${result.userDisplayName}, but this user may not publish posts. Use an Editor or Administrator account.`;
      setOutcome({ kind: 'ok', text });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  const busy = outcome.kind === 'busy';
  return (
    <>
      <header className="app-header">
        <button type="button" onClick={onBack}>
          {backLabel}
        </button>
        <h1 className="app-title" tabIndex={-1}>
          Settings
        </h1>
      </header>
      <main className="screen settings">
        <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
          <h2>WordPress site</h2>
          {loadError && (
            <p role="alert" className="error-text">
              {loadError}
            </p>
          )}
          <fieldset className="plain" disabled={!loaded} aria-busy={!loaded}>
            <div className="field">
              <label htmlFor={ids.site}>Site address</label>
              <input
                id={ids.site}
                type="url"
                inputMode="url"
                autoComplete="url"
                placeholder="https://example.com"
                value={values.siteUrl}
                onChange={set('siteUrl')}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.user}>User name</label>
              <input
                id={ids.user}
                type="text"
                autoComplete="username"
                spellCheck={false}
                value={values.username}
                onChange={set('username')}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>Application password</label>
              <input
                id={ids.password}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                placeholder={profile?.hasPassword ? 'Stored — leave empty to keep' : undefined}
                value={values.applicationPassword}
                onChange={set('applicationPassword')}
              />
            </div>
            {profile && !profile.passwordPersisted && (
              <p className="note">This computer has no secure password store: the password is kept until you quit.</p>
            )}
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy}>
                Save
              </button>
              <button type="button" onClick={() => void test()} disabled={busy}>
                Test connection
              </button>
            </div>
          </fieldset>
          {outcome.kind === 'error' ? (
            <p role="alert" className="error-text">
              {outcome.text}
            </p>
          ) : (
            <p role="status" className="form-status">
              {outcome.kind === 'none' ? '' : outcome.text}
            </p>
          )}
        </form>
        <HouseRulesForm />
      </main>
    </>
  );
}
