import { useCallback, useRef, useState } from 'react';
import { SlugSchema, type StoryFields } from '../../../../shared/model/article';
import { applyFieldEdit } from './story-fields';

export interface StoryFieldsHandle {
  /** For rendering: the fields as of the last edit. */
  fields: StoryFields;
  /** The fields right now, for the autosave's read (never stale, even between renders). Stable. */
  current: () => StoryFields;
  /** Applies an edit (the slug follows the headline while it may). Stable while `published` is. */
  update: (patch: Partial<StoryFields>) => void;
  /**
   * Shows the slug the site gave the story, pinned. No save: publishing already wrote it to the
   * draft, and a save would make the draft look newer than the live copy. Stable.
   */
  pinSlug: (slug: string) => void;
}

/**
 * The story fields of one open draft: a ref the autosave reads when a save starts, and state the
 * panel and the checklist render from. Telling the autosave is the caller's part.
 */
export function useStoryFields(opened: StoryFields, published: boolean): StoryFieldsHandle {
  const [fields, setFields] = useState(() => applyFieldEdit(opened, {}, published));
  const ref = useRef(fields);
  const update = useCallback(
    (patch: Partial<StoryFields>) => {
      const next = applyFieldEdit(ref.current, patch, published);
      ref.current = next;
      setFields(next);
    },
    [published],
  );
  const current = useCallback(() => ref.current, []);
  const pinSlug = useCallback((slug: string) => {
    // A slug the field would refuse (percent-encoded, from another script) keeps the field's own.
    const next = { ...ref.current, slug: SlugSchema.safeParse(slug).success ? slug : ref.current.slug, slugFollowsHeadline: false };
    ref.current = next;
    setFields(next);
  }, []);
  return { fields, current, update, pinSlug };
}
