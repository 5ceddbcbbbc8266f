import type { LexicalEditor } from 'lexical';
import type { Article, StoryFields } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';

/** What the review pieces of the editor screen (comments, suggestions, status) are given. */
export interface ReviewProps {
  draft: Draft;
  /** The body editor, once it is ready. */
  editor: LexicalEditor | null;
  /** The story fields as edited now (comment threads are `fields.comments`). */
  fields: StoryFields;
  /** Changes story fields (e.g. the comment threads) and schedules a save with the body. */
  update: (patch: Partial<StoryFields>) => void;
  /** The article as it is on screen now, body included. */
  readArticle: () => Article;
  /** Saves what is pending; false when it could not be saved. */
  flush: () => Promise<boolean>;
}
