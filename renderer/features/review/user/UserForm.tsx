import { type FormEvent, useId, useState } from 'react';
import { type User, UserSchema } from '../../../../shared/model/review';
import { FormOutcome } from '../../../components/FormOutcome';
import { useCurrentUser } from '../current-user';
import { suggestInitials } from './initials';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Your name could not be saved. Please try again.');

/**
 * Name and initials, as every status change, comment, suggestion and version will show them. The
 * initials follow the name until the person types their own.
 */
export function UserForm({ submitLabel, onSaved }: { submitLabel: string; onSaved?: (user: User) => void }) {
  const { user, save } = useCurrentUser();
  const [name, setName] = useState(user?.name ?? '');
  const [initials, setInitials] = useState(user?.initials ?? '');
  const [ownInitials, setOwnInitials] = useState(user !== null);
  const [outcome, setOutcome] = useState<{ error: string | null; status: string }>({ error: null, status: '' });
  const nameId = useId();
  const initialsId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = UserSchema.safeParse({ name, initials });
    if (!parsed.success) return setOutcome({ error: parsed.error.issues[0]?.message ?? 'Check your name and initials.', status: '' });
    setOutcome({ error: null, status: 'Saving…' });
    try {
      const saved = await save(parsed.data);
      setOutcome({ error: null, status: `Saved: you are ${saved.name} (${saved.initials}).` });
      onSaved?.(saved);
    } catch (error) {
      setOutcome({ error: errorText(error), status: '' });
    }
  };

  return (
    <form className="settings-form user-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={nameId}>Your name</label>
      <input
        id={nameId}
        type="text"
        value={name}
        autoComplete="name"
        onChange={(event) => {
          setName(event.target.value);
          if (!ownInitials) setInitials(suggestInitials(event.target.value));
        }}
      />
      <label htmlFor={initialsId}>Initials</label>
      <input
        id={initialsId}
        type="text"
        value={initials}
        maxLength={4}
        onChange={(event) => {
          setInitials(event.target.value);
          setOwnInitials(event.target.value !== '');
        }}
      />
      <button type="submit">{submitLabel}</button>
      <FormOutcome error={outcome.error} status={outcome.status} />
    </form>
  );
}
