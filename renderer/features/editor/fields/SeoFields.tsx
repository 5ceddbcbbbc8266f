import { useId } from 'react';
import { BudgetCount } from './BudgetCount';
import type { FieldGroupProps } from './field-props';
import { oneLine } from './story-fields';

/** What search engines and social cards show; empty means the CMS uses the headline and standfirst. */
export function SeoFields({ fields, update, profile }: FieldGroupProps) {
  const id = { title: useId(), titleCount: useId(), description: useId(), descriptionCount: useId() };
  return (
    <fieldset className="story-field-group">
      <legend>Search engines</legend>
      <div className="story-field">
        <label htmlFor={id.title}>SEO title</label>
        <input
          id={id.title}
          type="text"
          maxLength={300}
          aria-describedby={id.titleCount}
          value={fields.seoTitle}
          onChange={(event) => update({ seoTitle: oneLine(event.target.value) })}
        />
        <BudgetCount id={id.titleCount} label="SEO title" text={fields.seoTitle} budget={profile.budgets.seoTitle} />
      </div>
      <div className="story-field">
        <label htmlFor={id.description}>SEO description</label>
        <textarea
          id={id.description}
          rows={3}
          maxLength={1000}
          aria-describedby={id.descriptionCount}
          value={fields.seoDescription}
          onChange={(event) => update({ seoDescription: oneLine(event.target.value) })}
        />
        <BudgetCount id={id.descriptionCount} label="SEO description" text={fields.seoDescription} budget={profile.budgets.seoDescription} />
      </div>
    </fieldset>
  );
}
