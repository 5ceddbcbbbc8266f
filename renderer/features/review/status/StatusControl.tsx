import type { ReviewProps } from '../review-props';

/** The draft's desk status, the moves allowed from it and the trail of sign-offs. (Being built.) */
export function StatusControl(_props: ReviewProps) {
  return null;
}
