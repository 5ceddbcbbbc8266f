import { escapeHtml, type RenderedBlock } from '../../../../shared/editor/render-html';
import type { Article } from '../../../../shared/model/article';
import { formatDateline } from '../dateline';
import { type BlockMarkupOptions, toBlockMarkup } from './block-markup';
import type { PostFields } from './wordpress-client';
import { bylineText, correctionText } from '../../../../shared/editor/story-text';
import { withDateline } from '../story-mapping';

/**
 * How the story fields land in a WordPress post (wp/v2/posts, WordPress 6.1 core, no plugins):
 *
 * | story field      | WordPress                                                         |
 * |------------------|-------------------------------------------------------------------|
 * | headline         | `title`                                                           |
 * | standfirst       | `excerpt`                                                         |
 * | slug             | `slug` (see `slugToSend`)                                         |
 * | tags, section    | `tags`, `categories` (term ids, see terms.ts)                     |
 * | byline           | first block of `content`: `<p class="byline">By A and B</p>`      |
 * | dateline         | opens the first paragraph: `MADRID, Nov. 28 — …`                  |
 * | featured image   | `featured_media` (media.ts uploads it with alt text and caption)  |
 * | body images      | uploaded the same way; image blocks show the site's own URL       |
 * | SEO title, desc. | NOT SENT: core WordPress has no field for them (an SEO plugin     |
 * |                  | does, through its own meta keys); the preview lists them as lost  |
 * | editorial note   | NEVER SENT: it is for the desk only                               |
 *
 * The byline goes into the text because WordPress authors are user accounts, not printed names.
 */

/** The byline as a paragraph block with the class themes style bylines with. */
export function bylineBlock(names: readonly string[]): string {
  const text = bylineText(names);
  if (text === '') return '';
  return `<!-- wp:paragraph {"className":"byline"} --><p class="byline">${escapeHtml(text)}</p><!-- /wp:paragraph -->`;
}

/** The post's content: byline, then the body with its dateline (images link to their media items). */
export function postContent(
  article: Pick<Article, 'byline' | 'dateline'>,
  blocks: readonly RenderedBlock[],
  options: BlockMarkupOptions = {},
): string {
  const body = toBlockMarkup(withDateline(blocks, formatDateline(article.dateline)), options);
  return [bylineBlock(article.byline), body].filter((part) => part !== '').join('\n\n');
}

/** Everything but the term ids and the image, which need WordPress to resolve. */
export function basePostFields(article: Article, content: string, slug: string | undefined): PostFields {
  return {
    title: article.headline.trim(),
    content,
    status: 'publish',
    // Sent even when empty, so clearing the standfirst clears the excerpt on the next publish.
    excerpt: article.standfirst.trim(),
    ...(slug === undefined ? {} : { slug }),
  };
}

/**
 * A correction, appended to the story in the house format as its last paragraph, with a class a
 * theme can style (`correctionText` in shared/editor/story-text.ts writes the line).
 */
export function correctionBlock(note: string, at: string): string {
  return `<!-- wp:paragraph {"className":"correction"} --><p class="correction">${escapeHtml(correctionText(note, at))}</p><!-- /wp:paragraph -->`;
}

const CORRECTION_BLOCK = /<!-- wp:paragraph \{"className":"correction"\} -->[\s\S]*?<!-- \/wp:paragraph -->/g;

/**
 * The corrections a post already shows, kept on every later update: the story snapshot does not
 * hold them (they were appended on the site), and a correction must not vanish with a re-publish.
 */
export const correctionBlocksIn = (content: string): string[] => content.match(CORRECTION_BLOCK) ?? [];
