import { useId } from 'react';
import { DatelineFields } from './DatelineFields';
import { DeskFields } from './DeskFields';
import type { FieldGroupProps } from './field-props';
import { FeaturedImageField } from './FeaturedImageField';
import { SeoFields } from './SeoFields';
import { SlugField } from './SlugField';
import { SummaryFields } from './SummaryFields';
import './story-fields.css';

interface Props extends FieldGroupProps {
  draftId: string;
  published: boolean;
}

/**
 * Everything about the story but its headline and body, beside the body. Each group is its own
 * component; all of them edit through `update`, which feeds the autosave like the headline does.
 */
export function StoryFieldsPanel({ draftId, published, fields, update, profile }: Props) {
  const titleId = useId();
  return (
    <section className="story-fields" aria-labelledby={titleId}>
      <h2 id={titleId} className="story-fields-title">
        Story fields
      </h2>
      <SummaryFields fields={fields} update={update} profile={profile} />
      <SlugField fields={fields} update={update} published={published} />
      <DatelineFields fields={fields} update={update} />
      <FeaturedImageField draftId={draftId} image={fields.featuredImage} update={update} />
      <SeoFields fields={fields} update={update} profile={profile} />
      <DeskFields fields={fields} update={update} />
    </section>
  );
}
