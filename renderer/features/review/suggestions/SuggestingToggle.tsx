import type { ReviewProps } from '../review-props';

/** Editing / Suggesting switch for the body. (Being built.) */
export function SuggestingToggle(_props: ReviewProps) {
  return null;
}
