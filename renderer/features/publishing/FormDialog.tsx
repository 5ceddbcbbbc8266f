import type { FormEvent, ReactNode } from 'react';
import { Modal } from '../../components/Modal';

interface Props {
  title: string;
  submitLabel: string;
  /** What is wrong with the input, said under the fields; null when nothing is. */
  problem: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A publish-panel dialog that asks for one thing (a time, a note): fields, the problem if any, submit or cancel. */
export function FormDialog({ title, submitLabel, problem, onSubmit, onClose, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal title={title} onClose={onClose} className="publish-dialog">
      <form onSubmit={submit} noValidate>
        {children}
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
