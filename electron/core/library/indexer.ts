import type { Draft } from '../../../shared/model/draft';
import type { FileStamp } from './stamp';

/**
 * Something kept in step with the drafts on disk (the search index). The store calls it inside
 * the draft's queue, in the order things happened, so it must be quick: defer heavy work.
 */
export interface DraftIndexer {
  /** The draft as its file now is: we wrote it, or read it because its stamp had changed. */
  indexed(id: string, draft: Draft, stamp: FileStamp): void;
  /** The draft left the list: trashed, its folder gone, or its file unreadable. */
  removed(id: string): void;
}
