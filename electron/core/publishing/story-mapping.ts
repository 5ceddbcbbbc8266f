import { escapeHtml, type RenderedBlock } from '../../../shared/editor/render-html';
import type { Article } from '../../../shared/model/article';
import { slugFromHeadline } from '../../../shared/model/slug';

/**
 * Story-to-CMS rules every adapter shares, whatever the CMS: where the dateline goes, which slug
 * to send, how an image's caption carries its credit.
 */

/** The blocks with the dateline opening the first paragraph (a story that starts with a list keeps it at its first paragraph). */
export function withDateline(blocks: readonly RenderedBlock[], dateline: string): RenderedBlock[] {
  if (dateline === '') return [...blocks];
  const first = blocks.findIndex((block) => block.type === 'paragraph');
  if (first < 0) return [...blocks];
  return blocks.map((block, index) =>
    index === first && block.type === 'paragraph' ? { ...block, html: block.html.replace(/^<p>/, `<p>${escapeHtml(dateline)} `) } : block,
  );
}

/**
 * The slug to send. Once the story is published its address stays: the recorded slug goes again,
 * even when the headline changed (and even if the slug field still follows the headline, as it
 * would in a window that has not caught up yet). Only a slug the journalist typed, different from
 * the recorded one, replaces it. Before the first publish: the slug field, or the headline's slug
 * while it follows the headline; undefined lets WordPress make one.
 */
export function slugToSend(article: Pick<Article, 'headline' | 'slug' | 'slugFollowsHeadline'>, recorded: string | undefined): string | undefined {
  if (recorded !== undefined && recorded !== '') {
    const deliberate = !article.slugFollowsHeadline && article.slug !== '' && article.slug !== recorded;
    return deliberate ? article.slug : recorded;
  }
  const own = article.slugFollowsHeadline ? slugFromHeadline(article.headline) : article.slug;
  return own === '' ? undefined : own;
}

/** The printed caption with its credit, the way the site shows it under the picture. */
export function captionWithCredit(caption: string, credit: string): string {
  const text = caption.trim();
  const by = credit.trim();
  if (by === '') return text;
  return text === '' ? by : `${text} (${by})`;
}
