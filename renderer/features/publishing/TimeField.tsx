import { useId } from 'react';
import { formatNewsroomAndLocal, localInputToIso } from './time-format';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The newsroom's zone (house profile), read beside the journalist's own. */
  timeZone: string;
  /** Words before the time once one is chosen, e.g. "Embargoed until". */
  lead: string;
}

/**
 * A datetime-local input (the journalist's own clock) that repeats the chosen time in newsroom
 * time and local time, so nobody schedules for the wrong zone.
 */
export function TimeField({ label, value, onChange, timeZone, lead }: Props) {
  const id = useId();
  const iso = localInputToIso(value);
  return (
    <div className="time-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-said`} />
      <p id={`${id}-said`} className="time-said">
        {iso ? `${lead} ${formatNewsroomAndLocal(iso, timeZone)}` : ''}
      </p>
    </div>
  );
}
