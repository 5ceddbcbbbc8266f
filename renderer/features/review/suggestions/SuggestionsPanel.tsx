import type { ReviewProps } from '../review-props';

/** Suggested changes in the draft: accept or reject one, all from one person, or all. (Being built.) */
export function SuggestionsPanel(_props: ReviewProps) {
  return null;
}
