import { useId } from 'react';
import type { FieldGroupProps } from './field-props';
import { oneLine } from './story-fields';

/** Where and when the story was filed: "KYIV, 28 November". */
export function DatelineFields({ fields, update }: Omit<FieldGroupProps, 'profile'>) {
  const placeId = useId();
  const dateId = useId();
  const { dateline } = fields;
  return (
    <fieldset className="story-field-group">
      <legend>Dateline</legend>
      <div className="story-field">
        <label htmlFor={placeId}>Dateline place</label>
        <input
          id={placeId}
          type="text"
          maxLength={100}
          value={dateline.place}
          onChange={(event) => update({ dateline: { ...dateline, place: oneLine(event.target.value) } })}
        />
      </div>
      <div className="story-field">
        <label htmlFor={dateId}>Dateline date</label>
        <input
          id={dateId}
          type="date"
          value={dateline.date}
          // A date input gives "" while its value is incomplete or invalid; that is "no date".
          onChange={(event) => update({ dateline: { ...dateline, date: /^\d{4}-\d{2}-\d{2}$/.test(event.target.value) ? event.target.value : '' } })}
        />
      </div>
    </fieldset>
  );
}
