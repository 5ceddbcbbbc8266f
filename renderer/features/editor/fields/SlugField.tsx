import { useId, useState } from 'react';
import { cleanSlug } from '../../../../shared/model/slug';
import type { StoryFields } from '../../../../shared/model/article';

interface Props {
  fields: StoryFields;
  update: (patch: Partial<StoryFields>) => void;
  published: boolean;
}

/**
 * The URL slug. It follows the headline until the journalist types in it; then it is theirs (the
 * reset button hands it back to the headline). Once published it is read-only: changing it would
 * break every link to the story.
 *
 * While the field has focus it shows what was typed ("budget-" on the way to "budget-2026"), and
 * the article keeps the cleaned slug; on leaving, the field shows the cleaned one.
 */
export function SlugField({ fields, update, published }: Props) {
  const id = useId();
  const hintId = useId();
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <div className="story-field">
      <label htmlFor={id}>Slug</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        maxLength={200}
        readOnly={published}
        aria-describedby={hintId}
        value={typed ?? fields.slug}
        onChange={(event) => {
          setTyped(event.target.value);
          update({ slug: cleanSlug(event.target.value), slugFollowsHeadline: false });
        }}
        onBlur={() => setTyped(null)}
      />
      <p id={hintId} className="field-hint">
        {published
          ? 'The story is published: its URL stays as it is.'
          : fields.slugFollowsHeadline
            ? 'Follows the headline until you edit it.'
            : 'Edited by hand: the headline no longer changes it.'}
      </p>
      {!published && !fields.slugFollowsHeadline && (
        <button type="button" className="link-button" onClick={() => update({ slugFollowsHeadline: true })}>
          Reset slug from headline
        </button>
      )}
    </div>
  );
}
