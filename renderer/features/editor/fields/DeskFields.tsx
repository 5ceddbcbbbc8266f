import { useId, useState } from 'react';
import type { FieldGroupProps } from './field-props';
import { parseTargetWords } from './story-fields';

/** For the desk, not the reader: the editorial note and the length asked for. */
export function DeskFields({ fields, update }: Omit<FieldGroupProps, 'profile'>) {
  const id = { note: useId(), noteHint: useId(), target: useId(), targetHint: useId() };
  // The number field keeps what was typed; the article keeps a whole number or none.
  const [target, setTarget] = useState(fields.targetWords === null ? '' : String(fields.targetWords));
  return (
    <fieldset className="story-field-group">
      <legend>For the desk</legend>
      <div className="story-field">
        <label htmlFor={id.note}>Editorial note</label>
        <textarea
          id={id.note}
          rows={3}
          maxLength={20_000}
          aria-describedby={id.noteHint}
          value={fields.editorialNote}
          onChange={(event) => update({ editorialNote: event.target.value })}
        />
        <p id={id.noteHint} className="field-hint">
          For the desk only: never published or exported.
        </p>
      </div>
      <div className="story-field">
        <label htmlFor={id.target}>Length target</label>
        <span className="field-inline">
          <input
            id={id.target}
            type="number"
            inputMode="numeric"
            min={1}
            max={100_000}
            step={1}
            aria-describedby={id.targetHint}
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
              update({ targetWords: parseTargetWords(event.target.value) });
            }}
          />
          <span id={id.targetHint}>words</span>
        </span>
      </div>
    </fieldset>
  );
}
