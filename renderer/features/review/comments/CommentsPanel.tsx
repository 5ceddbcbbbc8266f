import type { ReviewProps } from '../review-props';

/** Comment threads on passages, in document order. (Being built.) */
export function CommentsPanel(_props: ReviewProps) {
  return null;
}
