import { SlugSchema } from '../../../shared/model/article';
import type { DraftStore } from '../drafts/draft-store';

/**
 * Once published, the story's address stays put: the slug field stops following the headline and
 * holds what the CMS chose (WordPress adds `-2` when the slug was taken). Returns the revision
 * the live copy now is. When the draft was not edited since the revision that went out, the
 * pinning save is that same text (only the slug field changed, to what the site has), so the live
 * copy is this new revision and does not look behind; after an edit it stays the older one, and
 * the live copy reads as behind, as it is.
 */
export async function pinPublishedSlug(
  drafts: Pick<DraftStore, 'updateArticle'>,
  draftId: string,
  sentRevision: number,
  published: string,
): Promise<number> {
  // A slug the CMS percent-encoded (a headline in another script) is not one the field accepts.
  if (!SlugSchema.safeParse(published).success) return sentRevision;
  // Read and write in one step of the draft's queue: an autosave cannot slip in between.
  const { before, revision } = await drafts.updateArticle(draftId, (article) =>
    !article.slugFollowsHeadline && article.slug === published ? null : { ...article, slug: published, slugFollowsHeadline: false },
  );
  return before.revision === sentRevision ? revision : sentRevision;
}
