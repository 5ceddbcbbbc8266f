import { useState } from 'react';
import { FormDialog } from './FormDialog';
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

  const submit = () => {
    const iso = localInputToIso(value);
    if (iso === null) return setProblem('Choose the date and time the story should go live.');
    if (Date.parse(iso) <= Date.now()) return setProblem('Choose a time in the future.');
    onSchedule(iso);
  };

  return (
    <FormDialog title={`Schedule on ${profileName}`} submitLabel="Schedule" problem={problem} onSubmit={submit} onClose={onClose}>
      <TimeField label="Publish at" value={value} onChange={setValue} timeZone={timeZone} lead="Goes live" />
    </FormDialog>
  );
}
