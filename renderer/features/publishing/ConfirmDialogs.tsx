import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { FormDialog } from './FormDialog';

/** Taking a story down asks first: it leaves the site at once. */
export function UnpublishDialog({ profileName, onUnpublish, onClose }: { profileName: string; onUnpublish: () => void; onClose: () => void }) {
  return (
    <Modal title={`Unpublish from ${profileName}?`} onClose={onClose} className="publish-dialog">
      <p>The story goes back to a draft on {profileName} and its address stops working for readers.</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onUnpublish}>
          Unpublish
        </button>
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

const NOTE_LIMIT = 2_000;

/** A correction: the note is appended to the live story in the house format and kept in the log. */
export function CorrectionDialog({ profileName, onCorrect, onClose }: { profileName: string; onCorrect: (note: string) => void; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = () => {
    const text = note.trim();
    if (text === '') return setProblem('Write what was corrected: readers see this note.');
    if (text.length > NOTE_LIMIT) return setProblem(`Keep the note under ${NOTE_LIMIT} characters.`);
    onCorrect(text);
  };

  return (
    <FormDialog title={`Correction on ${profileName}`} submitLabel="Publish correction" problem={problem} onSubmit={submit} onClose={onClose}>
      <label htmlFor={id}>Correction note</label>
      <textarea id={id} value={note} required rows={4} onChange={(event) => setNote(event.target.value)} />
    </FormDialog>
  );
}
