import type { ReviewProps } from '../review/review-props';

/** File to desk / send back (still pending review) through the CMS. (Being built.) */
export function DeskActions(_props: ReviewProps) {
  return null;
}
