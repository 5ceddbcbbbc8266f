import { type DeskStoryEnvelope, storyComment, withoutStory } from '../desk-story';

/**
 * How a story filed to the desk sits on Ghost (issue 7). Ghost has no review state: a filed story
 * is a DRAFT with the internal tag `#newsroom-desk` (internal tags start with `#`, are never shown
 * on the site, and their slug is `hash-…`), which the desk inbox filters on. A later publish sends
 * the story's own tags only, so the desk tag goes (tags are replaced on update).
 *
 * The Newsroom story travels in an HTML card: measured against the test Ghost (5.130, 2026-11-29),
 * `?source=html` turns `<!--kg-card-begin: html-->…<!--kg-card-end: html-->` into an HTML card and
 * gives its markup back byte for byte (a 40 KB comment included), but an HTML comment ALONE in a
 * card, or outside one, is dropped by the conversion. So the comment sits in an empty, hidden
 * element: nothing shows in the editor's preview, and a publish replaces the whole HTML.
 */
export const DESK_TAG = { name: '#newsroom-desk', slug: 'hash-newsroom-desk' } as const;

export const storyCard = (story: DeskStoryEnvelope): string =>
  `<!--kg-card-begin: html--><div class="newsroom-story" hidden>${storyComment(story)}</div><!--kg-card-end: html-->`;

const STORY_CARD = /\n*<!--kg-card-begin: html-->\s*<div class="newsroom-story" hidden(?:="")?>[\s\S]*?<\/div>\s*<!--kg-card-end: html-->/g;

/** The post's HTML as people read it: without the card that carries the story. */
export const withoutStoryCard = (html: string): string => withoutStory(html.replace(STORY_CARD, ''));
