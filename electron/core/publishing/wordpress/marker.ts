import { createHash } from 'node:crypto';

/**
 * WordPress has no idempotency keys, and it de-duplicates slugs with a suffix, so a create sent
 * again after a dropped connection would make a second post. Every post Newsroom writes therefore
 * carries the job's marker, and `reconcile` looks for it before anything is sent again.
 *
 * The marker is an HTML comment at the end of `content`: `<!-- newsroom:nr-<24 hex> -->`, the
 * first 96 bits of SHA-256 of the job's idempotency key (fixed length, nothing of the key shown).
 *
 * Why there — measured against the test WordPress (6.1.9, no plugins), 2026-11-28:
 * - `content` is stored as sent: `context=edit` gives the comment back byte for byte, for an
 *   administrator (unfiltered_html) AND for an Author (kses keeps HTML comments, as it must for
 *   block delimiters). The front end prints it as a comment: invisible to readers.
 * - `GET /wp/v2/posts?search=nr-…&status=any&context=edit` finds the post in any status but trash
 *   (search is a LIKE over the stored title, excerpt and content), and finds nothing once the post
 *   is deleted. The match is then checked exactly in `content.raw`.
 * - Rejected: post meta (not writable over REST without register_meta, i.e. a plugin); a tag
 *   (visible on the site and in its tag cloud); the slug (it is the story's address); the
 *   password field (it would hide the story).
 * Each write (create, update, correction) carries its own job's marker in place of the last one,
 * so an update whose answer was lost is recognised too. In the block editor the comment opens as
 * an empty "Classic" block at the end; deleting it there does no harm once the job is done.
 */
export const markerOf = (idempotencyKey: string): string =>
  `nr-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 24)}`;

const comment = (marker: string): string => `<!-- newsroom:${marker} -->`;

const ANY_MARKER = /\n*<!-- newsroom:nr-[0-9a-f]{24} -->\s*$/;

/** The content with this job's marker at the end (an earlier job's marker is replaced). */
export function withMarker(content: string, marker: string): string {
  return `${withoutMarker(content)}\n\n${comment(marker)}`;
}

/** The content as the story has it, without Newsroom's marker (for showing a remote copy). */
export const withoutMarker = (content: string): string => content.replace(ANY_MARKER, '');

export const hasMarker = (content: string, marker: string): boolean => content.includes(comment(marker));
