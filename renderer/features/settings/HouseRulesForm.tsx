import { FormOutcome } from '../../components/FormOutcome';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { BUDGETED_FIELDS, FIELD_LABELS, REQUIRABLE_FIELDS, type RequirableField } from '../../../shared/model/house-profile';
import { call } from '../../api/client';
import {
  BUDGET_LABELS,
  houseRulesFormValues,
  readHouseRulesForm,
  requiredLabel,
  timeZoneOptions,
  type HouseRulesFormValues,
} from './house-rules-form';
import './house-rules.css';

type Outcome = { kind: 'none' } | { kind: 'busy' } | { kind: 'ok' } | { kind: 'error'; text: string };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * The desk's house rules: which fields a story needs before it may be published, the character
 * budgets, and the sections offered. Open drafts pick the change up when they are next opened.
 */
export function HouseRulesForm() {
  const [values, setValues] = useState<HouseRulesFormValues | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const titleId = useId();
  const sectionsId = useId();
  const sectionsHintId = useId();
  const timeZoneId = useId();
  const timeZoneHintId = useId();
  const budgetIds = { headline: useId(), standfirst: useId(), seoTitle: useId(), seoDescription: useId() };

  useEffect(() => {
    let current = true;
    call('settings.getHouseProfile', {}).then(
      (profile) => current && setValues(houseRulesFormValues(profile)),
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, []);

  const edit = (change: (prev: HouseRulesFormValues) => HouseRulesFormValues) => {
    setValues((prev) => (prev ? change(prev) : prev));
    setOutcome({ kind: 'none' });
  };
  const storedZone = values?.timeZone ?? 'UTC';
  const zones = useMemo(() => timeZoneOptions(storedZone), [storedZone]);
  const toggle = (field: RequirableField, on: boolean) =>
    edit((prev) => {
      const required = new Set(prev.required);
      if (on) required.add(field);
      else required.delete(field);
      return { ...prev, required };
    });

  // The button is not called "Save": the profile form above has "Save profile", and two Saves would be ambiguous.
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    const read = readHouseRulesForm(values);
    if (!read.ok) return setOutcome({ kind: 'error', text: read.message });
    setOutcome({ kind: 'busy' });
    try {
      setValues(houseRulesFormValues(await call('settings.saveHouseProfile', read.value)));
      setOutcome({ kind: 'ok' });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <form className="settings-form house-rules" aria-labelledby={titleId} onSubmit={(event) => void save(event)} noValidate>
      <h2 id={titleId}>House rules</h2>
      {loadError && (
        <p role="alert" className="error-text">
          The house rules could not be read: {loadError}
        </p>
      )}
      <fieldset className="plain" disabled={values === null} aria-busy={values === null && loadError === null}>
        <fieldset className="house-required">
          <legend>Required before publishing</legend>
          {REQUIRABLE_FIELDS.map((field) => (
            <label key={field} className="check">
              <input
                type="checkbox"
                aria-label={requiredLabel(field)}
                checked={values?.required.has(field) ?? false}
                onChange={(event) => toggle(field, event.target.checked)}
              />
              {FIELD_LABELS[field]}
            </label>
          ))}
        </fieldset>
        <fieldset className="house-budgets">
          <legend>Character budgets</legend>
          <p className="note">Past 90 % of its budget a field warns; over it, the story cannot be published.</p>
          {BUDGETED_FIELDS.map((field) => (
            <div key={field} className="field">
              <label htmlFor={budgetIds[field]}>{BUDGET_LABELS[field]}</label>
              <input
                id={budgetIds[field]}
                type="number"
                inputMode="numeric"
                min={1}
                max={10_000}
                value={values?.budgets[field] ?? ''}
                onChange={(event) => edit((prev) => ({ ...prev, budgets: { ...prev.budgets, [field]: event.target.value } }))}
              />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={sectionsId}>Sections</label>
          <textarea
            id={sectionsId}
            rows={6}
            aria-describedby={sectionsHintId}
            value={values?.sections ?? ''}
            onChange={(event) => edit((prev) => ({ ...prev, sections: event.target.value }))}
          />
          <p id={sectionsHintId} className="note">
            One section per line; offered when a journalist picks one.
          </p>
        </div>
        <div className="field">
          <label htmlFor={timeZoneId}>Newsroom time zone</label>
          <select
            id={timeZoneId}
            aria-describedby={timeZoneHintId}
            value={values?.timeZone ?? 'UTC'}
            onChange={(event) => edit((prev) => ({ ...prev, timeZone: event.target.value }))}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <p id={timeZoneHintId} className="note">
            Embargoes and schedules are shown in this time zone beside each journalist’s own.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={outcome.kind === 'busy'}>
            Apply house rules
          </button>
        </div>
      </fieldset>
      <FormOutcome
        error={outcome.kind === 'error' ? outcome.text : null}
        status={outcome.kind === 'busy' ? 'Saving…' : outcome.kind === 'ok' ? 'House rules saved.' : ''}
      />
    </form>
  );
}
