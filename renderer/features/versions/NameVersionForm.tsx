import { useId, useState } from 'react';
import { VersionNameSchema } from '../../../shared/model/versions';

interface Props {
  busy: boolean;
  /** Resolves true when the version was named, so the form can close. */
  onName: (name: string) => Promise<boolean>;
}

/** "Name this version" opens a one-field form; "Mark as filed" names it "Filed" in one click. */
export function NameVersionForm({ busy, onName }: Props) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();

  const submit = async () => {
    const parsed = VersionNameSchema.safeParse(value);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Give the version a name.');
      return;
    }
    setProblem(null);
    if (await onName(parsed.data)) {
      setOpen(false);
      setValue('');
    }
  };

  return (
    <div className="name-version">
      {open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={fieldId}>Version name</label>
          <input
            id={fieldId}
            value={value}
            maxLength={120}
            autoFocus
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : problemId}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            Save name
          </button>
          <button type="button" disabled={busy} onClick={() => setOpen(false)}>
            Cancel
          </button>
          {problem !== null && (
            <p id={problemId} role="alert" className="error-text">
              {problem}
            </p>
          )}
        </form>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => setOpen(true)}>
            Name this version
          </button>
          <button type="button" disabled={busy} onClick={() => void onName('Filed')}>
            Mark as filed
          </button>
        </>
      )}
    </div>
  );
}
