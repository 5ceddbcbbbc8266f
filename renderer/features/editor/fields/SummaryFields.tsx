import { useId } from 'react';
import { BudgetCount } from './BudgetCount';
import type { FieldGroupProps } from './field-props';
import { ListInput } from './ListInput';
import { oneLine, printedByline } from './story-fields';

/** Standfirst, byline, section and tags: what a reader sees around the headline. */
export function SummaryFields({ fields, update, profile }: FieldGroupProps) {
  const id = { standfirst: useId(), standfirstCount: useId(), byline: useId(), bylineHint: useId(), section: useId(), sections: useId(), tags: useId(), tagsHint: useId() };
  return (
    <>
      <div className="story-field">
        <label htmlFor={id.standfirst}>Standfirst</label>
        <textarea
          id={id.standfirst}
          rows={3}
          maxLength={2000}
          aria-describedby={id.standfirstCount}
          value={fields.standfirst}
          onChange={(event) => update({ standfirst: oneLine(event.target.value) })}
        />
        <BudgetCount id={id.standfirstCount} label="Standfirst" text={fields.standfirst} budget={profile.budgets.standfirst} />
      </div>
      <div className="story-field">
        <label htmlFor={id.byline}>Byline</label>
        <ListInput
          id={id.byline}
          describedBy={id.bylineHint}
          items={fields.byline}
          maxItems={20}
          maxLength={200}
          onChange={(byline) => update({ byline })}
        />
        <p id={id.bylineHint} className="field-hint">
          {fields.byline.length > 0 ? printedByline(fields.byline) : 'Separate authors with commas.'}
        </p>
      </div>
      <div className="story-field">
        <label htmlFor={id.section}>Section</label>
        <input
          id={id.section}
          type="text"
          list={id.sections}
          maxLength={100}
          value={fields.section}
          onChange={(event) => update({ section: oneLine(event.target.value) })}
        />
        <datalist id={id.sections}>
          {profile.sections.map((section) => (
            <option key={section} value={section} />
          ))}
        </datalist>
      </div>
      <div className="story-field">
        <label htmlFor={id.tags}>Tags</label>
        <ListInput id={id.tags} describedBy={id.tagsHint} items={fields.tags} maxItems={50} maxLength={100} onChange={(tags) => update({ tags })} />
        <p id={id.tagsHint} className="field-hint">
          Separate tags with commas.
        </p>
      </div>
    </>
  );
}
