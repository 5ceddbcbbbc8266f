import { useId, type KeyboardEvent, type Ref } from 'react';
import { HEADLINE_MAX_CHARS } from '../../../../shared/model/article';
import { BudgetCount } from './BudgetCount';
import { oneLine } from './story-fields';

interface Props {
  value: string;
  budget: number;
  onChange: (headline: string) => void;
  /** Enter ends the headline and moves on to the story. */
  onEnter: () => void;
  ref?: Ref<HTMLTextAreaElement>;
}

/** The headline: one line, with its live character count against the house budget. */
export function HeadlineField({ value, budget, onChange, onEnter, ref }: Props) {
  const id = useId();
  const countId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <div className="headline-field">
      <label className="headline-label" htmlFor={id}>
        Headline
      </label>
      <textarea
        id={id}
        ref={ref}
        className="headline-input"
        aria-label="Headline"
        aria-describedby={countId}
        rows={2}
        maxLength={HEADLINE_MAX_CHARS}
        value={value}
        onChange={(event) => onChange(oneLine(event.target.value))}
        onKeyDown={onKeyDown}
      />
      <BudgetCount id={countId} label="Headline" text={value} budget={budget} />
    </div>
  );
}
