import { CommentsPanel } from './comments/CommentsPanel';
import type { ReviewProps } from './review-props';
import { SuggestionsPanel } from './suggestions/SuggestionsPanel';
import './review.css';

/** The review column beside the story: suggested changes, then comment threads. */
export function ReviewSidebar(props: ReviewProps) {
  return (
    <aside className="review-sidebar" aria-label="Review">
      <SuggestionsPanel {...props} />
      <CommentsPanel {...props} />
    </aside>
  );
}
