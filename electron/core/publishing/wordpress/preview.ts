import { renderBodyBlocks } from '../../../../shared/editor/render-html';
import type { Article } from '../../../../shared/model/article';
import type { MappingPreview } from '../adapter';
import { formatDateline } from '../dateline';

import { bylineBlock, postContent } from './post-mapping';
import { captionWithCredit, slugToSend } from '../story-mapping';

/**
 * What WordPress will get for this story, field by field, and what it cannot hold (post-mapping.ts
 * has the table). Images show under their draft asset name: their site address exists only once
 * they are uploaded.
 */
export function previewForWordPress(article: Article): MappingPreview {
  const sent: MappingPreview['sent'] = [
    { field: 'Title', value: article.headline.trim() },
    { field: 'Excerpt', value: article.standfirst.trim() },
    { field: 'Slug', value: slugToSend(article, undefined) ?? '(WordPress makes one from the title)' },
  ];
  if (article.section.trim() !== '') sent.push({ field: 'Category', value: article.section.trim() });
  if (article.tags.length > 0) sent.push({ field: 'Tags', value: article.tags.join(', ') });
  if (bylineBlock(article.byline) !== '') sent.push({ field: 'Byline (first line of the text)', value: article.byline.join(', ') });
  const dateline = formatDateline(article.dateline);
  if (dateline !== '') sent.push({ field: 'Dateline (opens the first paragraph)', value: dateline });
  const image = article.featuredImage;
  if (image) {
    sent.push({ field: 'Featured image', value: image.alt === '' ? image.asset : `${image.asset} (alt text: ${image.alt})` });
    const caption = captionWithCredit(image.caption, image.credit);
    if (caption !== '') sent.push({ field: 'Featured image caption', value: caption });
  }
  const lost: string[] = [];
  if (article.seoTitle.trim() !== '') lost.push('SEO title (core WordPress has no field for it; an SEO plugin would)');
  if (article.seoDescription.trim() !== '') lost.push('SEO description (core WordPress has no field for it; an SEO plugin would)');
  if (article.editorialNote.trim() !== '') lost.push('Editorial note (never sent: it is for the desk only)');
  const blocks = renderBodyBlocks(article.body, { imageUrl: (asset) => asset });
  return { sent, lost, body: postContent(article, blocks) };
}
