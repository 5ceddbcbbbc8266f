import { budgetState, charCount } from '../../../../shared/model/readiness';

interface Props {
  /** Referenced by the field's aria-describedby, so the count is read with the field. */
  id: string;
  /** The field's name as the journalist knows it ("Headline"). */
  label: string;
  text: string;
  budget: number;
}

const announcement = (label: string, state: 'ok' | 'near' | 'over'): string => {
  if (state === 'over') return `${label} is over its budget.`;
  return state === 'near' ? `${label} is near its budget.` : '';
};

/**
 * "42 / 90" under a field, warning from 90 % of the budget and flagged past it, in words as well as
 * colour. The visible count changes on every keystroke; the polite announcement only when the state
 * does, so a screen reader is not read every number.
 */
export function BudgetCount({ id, label, text, budget }: Props) {
  const length = charCount(text);
  const state = budgetState(length, budget);
  return (
    <span id={id} className={`budget budget-${state}`} data-state={state}>
      <span className="budget-count">
        {length} / {budget}
      </span>
      {state === 'near' && <span className="budget-note">near the budget</span>}
      {state === 'over' && <span className="budget-note">{length - budget} over budget</span>}
      <span className="visually-hidden" aria-live="polite">
        {announcement(label, state)}
      </span>
    </span>
  );
}
