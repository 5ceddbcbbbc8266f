import { FormOutcome } from '../../../components/FormOutcome';
import { useId, useRef, useState, type FormEvent } from 'react';
import { CMS_KINDS, type CmsKind, type CmsProfileView } from '../../../../shared/model/cms-profiles';
import { call } from '../../../api/client';
import { ProfileFields } from './ProfileFields';
import {
  KIND_LABELS,
  readProfileForm,
  SESSION_ONLY_WARNING,
  verdictText,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form';

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy'; text: string }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string };

export interface ProfileFormProps {
  initial: ProfileFormValues;
  /** The stored profile being edited; null for a new one. */
  stored: CmsProfileView | null;
  /** False when this computer keeps secrets for the session only. */
  secretsPersist: boolean;
  onSaved: (view: CmsProfileView) => void;
  onClose: () => void;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * One CMS profile's form: its kind's fields, Save profile and Test connection. Both read the
 * form with the contract's schema first, so a problem shows next to its field and nothing is
 * sent. Saving and testing share one outcome line (status when fine, alert when not).
 */
export function ProfileForm({ initial, stored, secretsPersist, onSaved, onClose }: ProfileFormProps) {
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<{ field: ProfileField; message: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const kindId = useId();

  const edit = (change: Partial<ProfileFormValues>) => {
    setValues((prev) => ({ ...prev, ...change }));
    setProblem(null);
    setOutcome({ kind: 'none' });
  };

  /** The form's input, or null after showing the first problem by its field (and focusing it). */
  const read = () => {
    const result = readProfileForm(values);
    if (result.ok) return result.value;
    setProblem({ field: result.field, message: result.message });
    setOutcome({ kind: 'none' });
    // Move the caret to the field that is wrong, so the problem is not missed far down the form.
    formRef.current?.querySelector<HTMLElement>(`[data-field="${result.field}"]`)?.focus();
    return null;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = read();
    if (!input) return;
    setOutcome({ kind: 'busy', text: 'Saving…' });
    try {
      const view = await call('profiles.save', input);
      // The typed secret is gone from the form once stored: it is never shown back.
      setValues((prev) => ({ ...prev, id: view.id, secret: '' }));
      setOutcome({ kind: 'ok', text: 'Saved.' });
      onSaved(view);
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  const test = async () => {
    const input = read();
    if (!input) return;
    setOutcome({ kind: 'busy', text: 'Testing…' });
    try {
      const verdict = await call('profiles.test', input);
      setOutcome({ kind: verdict.ok ? 'ok' : 'error', text: verdictText(verdict) });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  const busy = outcome.kind === 'busy';
  const isNew = values.id === undefined;
  const hasSecret = stored?.hasSecret ?? false;
  const title = isNew ? 'New publishing destination' : `Edit “${stored?.name ?? values.name}”`;
  return (
    <form
      ref={formRef}
      className="settings-form profile-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h3 id={titleId}>{title}</h3>
      <fieldset className="plain" aria-busy={busy}>
        {isNew ? (
          <div className="field">
            <label htmlFor={kindId}>Kind</label>
            <select id={kindId} value={values.kind} onChange={(event) => edit({ kind: event.target.value as CmsKind })}>
              {CMS_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="note">{KIND_LABELS[values.kind]}</p>
        )}
        <ProfileFields values={values} problem={problem} hasSecret={hasSecret} onChange={edit} />
        {values.kind !== 'folder' && !(stored?.secretPersisted ?? secretsPersist) && (
          <p className="note profile-warning">{SESSION_ONLY_WARNING}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Save profile
          </button>
          <button type="button" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </fieldset>
      <FormOutcome error={outcome.kind === 'error' ? outcome.text : null} status={outcome.kind === 'none' || outcome.kind === 'error' ? '' : outcome.text} />
    </form>
  );
}
