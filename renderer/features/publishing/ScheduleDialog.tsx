import { type FormEvent, useState } from 'react';
import { Modal } from '../../components/Modal';
import { TimeField } from './TimeField';
import { localInputToIso } from './time-format';

interface Props {
  profileName: string;
  timeZone: string;
  onSchedule: (publishAt: string) => void;
  onClose: () => void;
}

/** Picks when the CMS makes the story live (the CMS's own scheduling). */
export function ScheduleDialog({ profileName, timeZone, onSchedule, onClose }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = localInputToIso(value);
    if (iso === null) return setProblem('Choose the date and time the story should go live.');
    if (Date.parse(iso) <= Date.now()) return setProblem('Choose a time in the future.');
    onSchedule(iso);
  };

  return (
    <Modal title={`Schedule on ${profileName}`} onClose={onClose} className="publish-dialog">
      <form onSubmit={submit} noValidate>
        <TimeField label="Publish at" value={value} onChange={setValue} timeZone={timeZone} lead="Goes live" />
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            Schedule
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
